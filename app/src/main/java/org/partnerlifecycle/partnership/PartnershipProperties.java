package org.partnerlifecycle.partnership;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timers and windows of an active partnership (partner.partnership.*), handed to each lifecycle process instance
 * as variables when it starts.
 */
@ConfigurationProperties("partner.partnership")
public record PartnershipProperties(
    @DefaultValue("P3M") Period evaluationInterval,
    @DefaultValue("P3M") Period qbrInterval,
    @DefaultValue("P60D") Duration remediationWindow,
    @DefaultValue("P120D") Duration renewalLeadTime,
    @DefaultValue("P30D") Duration lapseGrace,
    @DefaultValue("P90D") Duration noticePeriod) {

  public PartnershipProperties {
    if (evaluationInterval.isZero() || evaluationInterval.isNegative() || qbrInterval.isZero() || qbrInterval.isNegative()) {
      throw new IllegalArgumentException("partner.partnership evaluation-interval and qbr-interval must be positive");
    }
    for (Duration d : new Duration[] {remediationWindow, renewalLeadTime, lapseGrace, noticePeriod}) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException("partner.partnership durations must be positive");
      }
    }
  }
}
