package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The partner brief waits for an acknowledgement: a reminder after briefReminderAfter, withdrawal after briefWithdrawAfter. */
class PartnerBriefTest extends ProcessTestSupport {

  @Test
  void aReminderGoesOutAfterSevenDaysAndTheBriefStillWaits() {
    long partnerId = newPartnerId();
    long instance = startQualified(partnerId);

    passTime(Duration.ofDays(6));
    assertThat(jobElements(instance)).doesNotContain("SendBriefReminder");

    passTime(Duration.ofDays(1).plusMinutes(1));
    awaitCompleted(instance, "BriefReminderSent");
    assertThat(jobAt(instance, "SendBriefReminder").header("template")).isEqualTo("brief-reminder");
    assertThat(isWaitingAt(instance, "AwaitBriefAcknowledgement")).isTrue();

    acknowledgeBrief(instance, partnerId);
    assertThat(completedElements(instance)).containsSubsequence("AwaitBriefAcknowledgement", "GenerateAgreement");
    assertThat(jobElements(instance)).containsOnlyOnce("SendBriefReminder").doesNotContain("WithdrawPartner");
  }

  @Test
  void aPartnerWhoNeverAcknowledgesIsWithdrawnAfterThirtyDays() {
    long instance = startQualified(newPartnerId());

    passTime(Duration.ofDays(7).plusMinutes(1));
    awaitCompleted(instance, "BriefReminderSent");
    passTime(Duration.ofDays(23));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence("BriefWithdrawalDue", "WithdrawPartner", "Withdrawn")
        .doesNotContain("AwaitBriefAcknowledgement", "GenerateAgreement");
    assertThat(terminatedElements(instance)).contains("AwaitBriefAcknowledgement");
    RanJob withdrawal = jobAt(instance, "WithdrawPartner");
    assertThat(withdrawal.type()).isEqualTo("partner-withdraw");
    assertThat(withdrawal.header("reason")).isEqualTo("brief-not-acknowledged");
  }
}
