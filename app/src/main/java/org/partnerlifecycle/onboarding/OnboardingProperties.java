package org.partnerlifecycle.onboarding;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The onboarding process's timers and terms (partner.onboarding.*). The timer durations are handed to each new
 * process instance as variables, so a change applies to partners who apply afterwards.
 */
@ConfigurationProperties("partner.onboarding")
public record OnboardingProperties(
    @DefaultValue("P7D") Duration briefReminderAfter,
    @DefaultValue("P30D") Duration briefWithdrawAfter,
    @DefaultValue("P30D") Duration agreementSignWithin,
    @DefaultValue("P21D") Duration onboardingEscalateAfter,
    @DefaultValue("P30D") Duration onboardingSlaAfter,
    @DefaultValue("P3D") Duration reviewDueIn,
    @DefaultValue("24") int agreementTermMonths,
    @DefaultValue("channel-managers@vendor.example") String channelManagerEmail) {

  public OnboardingProperties {
    if (!briefReminderAfter.minus(briefWithdrawAfter).isNegative()) {
      throw new IllegalArgumentException("partner.onboarding.brief-reminder-after must be shorter than brief-withdraw-after");
    }
    if (!onboardingEscalateAfter.minus(onboardingSlaAfter).isNegative()) {
      throw new IllegalArgumentException("partner.onboarding.onboarding-escalate-after must be shorter than onboarding-sla-after");
    }
    if (agreementTermMonths < 1 || agreementTermMonths > 120) {
      throw new IllegalArgumentException("partner.onboarding.agreement-term-months must be 1..120");
    }
  }

  /** "P7D" rather than "PT168H" where the duration is whole days: easier to read in Operate. */
  public static String iso(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }
}
