package org.partnerlifecycle.engine;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** UP only when the Camunda gateway answers a topology request and reports at least one broker. */
@Component("camundaGateway")
class CamundaGatewayHealthIndicator extends AbstractHealthIndicator {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private final CamundaClient client;
  private final CamundaRuntime runtime;

  CamundaGatewayHealthIndicator(CamundaClient client, CamundaRuntime runtime) {
    super("Camunda gateway health check failed");
    this.client = client;
    this.runtime = runtime;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var topology = client.newTopologyRequest().requestTimeout(TIMEOUT).send().join(TIMEOUT.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
    builder.withDetail("runtime", runtime.name().toLowerCase())
        .withDetail("brokers", topology.getBrokers().size())
        .withDetail("gatewayVersion", topology.getGatewayVersion());
    if (topology.getBrokers().isEmpty()) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
