package org.partnerlifecycle;

import io.camunda.client.annotation.Deployment;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Deployment(resources = {
    "classpath*:/workflows/**/*.bpmn",
    "classpath*:/workflows/**/*.dmn",
    "classpath*:/workflows/**/*.form"})
public class PartnerLifecycleApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnerLifecycleApplication.class, args);
  }
}
