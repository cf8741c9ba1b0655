package org.partnerlifecycle.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Camunda startup check on the remote runtime (partner.camunda.startup-check.*): whether it runs, and how
 * long it keeps asking a cluster that is still starting before it gives up.
 */
@ConfigurationProperties("partner.camunda.startup-check")
public record StartupCheckProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("PT20S") Duration timeout) {

  public StartupCheckProperties {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("partner.camunda.startup-check.timeout must be positive, e.g. PT20S");
    }
  }
}
