package org.partnerlifecycle.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says at startup which Camunda runtime is in use, and what that means for process state. */
@Component
class RuntimeBanner {

  private static final Logger log = LoggerFactory.getLogger(RuntimeBanner.class);
  private final CamundaRuntime runtime;
  private final Environment env;

  RuntimeBanner(CamundaRuntime runtime, Environment env) {
    this.runtime = runtime;
    this.env = env;
  }

  @EventListener(ApplicationReadyEvent.class)
  void announce() {
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8081"));
    if (runtime == CamundaRuntime.EMBEDDED) {
      log.warn("""

          ================================================================================
           Camunda runtime: EMBEDDED Zeebe 8.8 engine in this JVM (gateway {})
           Process state is kept IN MEMORY ONLY: it is lost when the app stops.
           Use a Camunda 8.8 cluster for anything that must survive a restart.
           Database: {}
           Open http://localhost:{}/
          ================================================================================""",
          env.getProperty("camunda.client.grpc-address"), env.getProperty("spring.datasource.url"), port);
    } else {
      log.info("""

          ================================================================================
           Camunda runtime: REMOTE cluster (mode {}, gRPC {}, REST {})
           Database: {}
          ================================================================================""",
          env.getProperty("camunda.client.mode", "self-managed"), env.getProperty("camunda.client.grpc-address"),
          env.getProperty("camunda.client.rest-address"), env.getProperty("spring.datasource.url"));
    }
  }
}
