package org.partnerlifecycle.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling (partner.security.login.*): after max-failures failed sign-ins for one username within
 * window, or max-failures-per-address from one client address, sign-in is refused for lock-for.
 */
@ConfigurationProperties("partner.security.login")
public record LoginThrottleProperties(
    @DefaultValue("5") int maxFailures,
    @DefaultValue("30") int maxFailuresPerAddress,
    @DefaultValue("PT15M") Duration window,
    @DefaultValue("PT15M") Duration lockFor) {

  public LoginThrottleProperties {
    if (maxFailures < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()
        || lockFor.isNegative() || lockFor.isZero()) {
      throw new IllegalArgumentException("partner.security.login: limits and durations must be positive");
    }
  }
}
