package org.partnerlifecycle.engine;

import org.springframework.core.env.Environment;

/**
 * Which Camunda the app talks to. Embedded (the default) starts the real Zeebe engine in this JVM; remote
 * means a Camunda 8.8 cluster, self-managed or SaaS, configured through {@code camunda.client.*}.
 */
public enum CamundaRuntime {
  EMBEDDED,
  REMOTE;

  public static final String PROPERTY = "partner.runtime";

  /** Explicit {@code partner.runtime} wins; otherwise any configured cluster address means remote. */
  public static CamundaRuntime of(Environment env) {
    String explicit = env.getProperty(PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      return CamundaRuntime.valueOf(explicit.trim().toUpperCase());
    }
    boolean clusterConfigured = env.containsProperty("camunda.client.grpc-address")
        || env.containsProperty("camunda.client.rest-address")
        || env.containsProperty("camunda.client.mode")
        || env.containsProperty("camunda.client.cloud.cluster-id");
    return clusterConfigured ? REMOTE : EMBEDDED;
  }
}
