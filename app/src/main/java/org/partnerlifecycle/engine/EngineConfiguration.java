package org.partnerlifecycle.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import org.partnerlifecycle.task.UserTaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

  @Bean
  CamundaRuntime camundaRuntime(Environment env) {
    return CamundaRuntime.of(env);
  }

  @Bean
  UserTaskService userTaskService(CamundaRuntime runtime, ObjectProvider<EmbeddedEngine> engine,
      CamundaClient client) {
    return runtime == CamundaRuntime.EMBEDDED
        ? new EmbeddedUserTaskService(engine.getObject())
        : new ClusterUserTaskService(client);
  }

  @Bean
  ProcessInspector processInspector(CamundaRuntime runtime, ObjectProvider<EmbeddedEngine> engine, ObjectMapper json) {
    return runtime == CamundaRuntime.EMBEDDED ? new EmbeddedProcessInspector(engine.getObject(), json)
        : ProcessInspector.NONE;
  }
}
