package org.partnerlifecycle.onboarding;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Starts lifecycle processes and correlates the partner's portal actions to them. Every message carries a
 * message id derived from the action, and the engine refuses a second message with the same id while the
 * first is buffered: a double submit correlates once.
 */
@Component
public class ProcessGateway {

  /** The top-level process of a partner: onboarding, the active partnership, offboarding. */
  public static final String LIFECYCLE_PROCESS = "partner-lifecycle";
  private static final Duration MESSAGE_TTL = Duration.ofHours(1);

  private final CamundaClient client;

  public ProcessGateway(CamundaClient client) {
    this.client = client;
  }

  public long startLifecycle(Map<String, Object> variables) {
    return client.newCreateInstanceCommand().bpmnProcessId(LIFECYCLE_PROCESS).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** Publishes a message for one partner's process; a duplicate message id is not an error, it is the point. */
  public void publish(String messageName, long partnerId, String messageId, Map<String, Object> variables) {
    publish(messageName, String.valueOf(partnerId), messageId, variables);
  }

  public void publish(String messageName, String correlationKey, String messageId, Map<String, Object> variables) {
    try {
      client.newPublishMessageCommand().messageName(messageName).correlationKey(correlationKey)
          .messageId(messageId).timeToLive(MESSAGE_TTL).variables(variables).send().join();
    } catch (io.camunda.client.api.command.ClientStatusException e) {
      if (e.getStatusCode() != io.grpc.Status.Code.ALREADY_EXISTS) {
        throw e;
      }
    }
  }
}
