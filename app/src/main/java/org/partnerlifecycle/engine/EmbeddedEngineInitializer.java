package org.partnerlifecycle.engine;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * On the embedded runtime, starts the in-process Zeebe engine before any bean exists and points the Camunda
 * client at its gRPC gateway, so workers and the deployment open against it as they would against a cluster.
 * Registered in META-INF/spring.factories.
 */
public class EmbeddedEngineInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String BEAN_NAME = "embeddedEngine";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngineInitializer.class);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    var env = context.getEnvironment();
    if (CamundaRuntime.of(env) != CamundaRuntime.EMBEDDED || context.getParent() != null) {
      return;
    }
    EmbeddedEngine engine = EmbeddedEngine.start();
    String gateway = "http://" + engine.gatewayAddress();
    log.info("Started the embedded Zeebe engine, gateway at {}", gateway);
    env.getPropertySources().addFirst(new MapPropertySource("embeddedZeebe", Map.of(
        CamundaRuntime.PROPERTY, "embedded",
        "camunda.client.mode", "self-managed",
        "camunda.client.grpc-address", gateway,
        // the embedded engine has no REST API: every command goes over gRPC
        "camunda.client.prefer-rest-over-grpc", "false")));
    // the engine shares this JVM's CPU: on a busy machine deploying every model can outlast the default 10 s
    env.getPropertySources().addLast(new MapPropertySource("embeddedZeebeDefaults", Map.of(
        "camunda.client.request-timeout", "PT30S")));
    var beanFactory = (DefaultListableBeanFactory) context.getBeanFactory();
    beanFactory.registerSingleton(BEAN_NAME, engine);
    // registered first, so destroyed last: workers and client close before the engine stops
    beanFactory.registerDisposableBean(BEAN_NAME, engine::close);
  }
}
