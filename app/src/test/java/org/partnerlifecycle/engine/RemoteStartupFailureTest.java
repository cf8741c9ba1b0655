package org.partnerlifecycle.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerlifecycle.PartnerLifecycleApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole application on the remote runtime with nothing listening at the Camunda addresses: the start
 * fails, and what the operator reads is Spring Boot's failure report naming the address and the variable,
 * not a stack trace and not an app that runs on, unhealthy.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemoteStartupFailureTest {

  @Test
  void anUnreachableClusterStopsTheStartWithAClearReport(CapturedOutput output) {
    String grpc = "http://127.0.0.1:" + CamundaStartupCheckTest.closedPort();
    var app = new SpringApplicationBuilder(PartnerLifecycleApplication.class);
    String[] arguments = {
        "--partner.runtime=remote",
        "--camunda.client.mode=self-managed",
        "--camunda.client.grpc-address=" + grpc,
        "--camunda.client.rest-address=http://127.0.0.1:" + CamundaStartupCheckTest.closedPort(),
        "--partner.camunda.startup-check.timeout=PT2S",
        "--server.port=0",
        "--spring.datasource.url=jdbc:h2:mem:remote-startup-failure;MODE=MySQL;DATABASE_TO_LOWER=TRUE"};

    assertThatThrownBy(() -> app.run(arguments))
        .isInstanceOf(CamundaGatewayUnavailableException.class)
        .hasRootCauseInstanceOf(java.net.ConnectException.class);

    assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
        "Cannot reach the Camunda gateway at " + grpc + " (gRPC) within 2s: Connection refused.",
        "CAMUNDA_CLIENT_GRPCADDRESS (now " + grpc + ")");
    assertThat(output.getAll()).as("a report, not a stack trace").doesNotContain("\tat org.partnerlifecycle");
  }
}
