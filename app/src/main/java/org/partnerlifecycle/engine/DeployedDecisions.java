package org.partnerlifecycle.engine;

import io.camunda.client.spring.event.CamundaPostDeploymentSpringEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The versions of the DMN decisions this app deployed at startup. The business rule tasks bind their decision
 * by deployment, so the version deployed with the process is the version that decides: audit entries name it.
 */
@Component
public class DeployedDecisions {

  private final Map<String, Integer> versions = new ConcurrentHashMap<>();

  @EventListener
  void deployed(CamundaPostDeploymentSpringEvent event) {
    event.getDeployments().forEach(d -> d.getDecisions()
        .forEach(decision -> versions.merge(decision.getDmnDecisionId(), decision.getVersion(), Math::max)));
  }

  /** "deal-routing v3", or the id alone if this app did not deploy it. */
  public String describe(String decisionId) {
    Integer version = versions.get(decisionId);
    return version == null ? decisionId : decisionId + " v" + version;
  }
}
