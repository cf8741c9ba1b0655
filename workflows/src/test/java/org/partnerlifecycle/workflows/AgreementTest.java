package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The partner signs, the channel team countersigns or sends the agreement back; unsigned agreements lapse. */
class AgreementTest extends ProcessTestSupport {

  @Test
  void aRejectedAgreementIsRevisedSignedAgainAndApproved() {
    long partnerId = newPartnerId();
    long instance = startQualified(partnerId);
    acknowledgeBrief(instance, partnerId);
    signAgreement(instance, partnerId);
    var firstCountersign = awaitUserTask(instance, "CountersignAgreement");
    assertThat(firstCountersign.getCandidateGroupsList()).containsExactly("channel-ops", "channel-legal");

    countersign(instance, "reject", "Territory clause must exclude APAC");
    awaitCompleted(instance, "ReviseAgreement");
    assertThat(jobAt(instance, "ReviseAgreement").variables())
        .containsEntry("requestedChanges", "Territory clause must exclude APAC");

    signAgreement(instance, partnerId);
    assertThat(awaitUserTask(instance, "CountersignAgreement").getUserTaskKey())
        .isNotEqualTo(firstCountersign.getUserTaskKey());
    countersign(instance, "approve", null);

    awaitWaitingAt(instance, "AwaitProfile");
    assertThat(completedElements(instance)).containsSubsequence(
        "GenerateAgreement", "AgreementSignatureMerge", "AwaitAgreementSignature", "CountersignAgreement",
        "CountersignOutcome", "ReviseAgreement", "AgreementSignatureMerge", "AwaitAgreementSignature",
        "CountersignAgreement", "CountersignOutcome", "ActivateAgreement", "RecordOnboarding");
    assertThat(jobElements(instance)).containsOnlyOnce("ReviseAgreement", "GenerateAgreement", "ActivateAgreement");
  }

  @Test
  void anAgreementNotSignedWithinThirtyDaysWithdrawsThePartner() {
    long partnerId = newPartnerId();
    long instance = startQualified(partnerId);
    acknowledgeBrief(instance, partnerId);

    passTime(Duration.ofDays(29));
    assertThat(isWaitingAt(instance, "AwaitAgreementSignature")).isTrue();
    passTime(Duration.ofDays(1).plusMinutes(1));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance))
        .containsSubsequence("AgreementSignatureOverdue", "WithdrawUnsigned", "WithdrawnUnsigned")
        .doesNotContain("CountersignAgreement", "ActivateAgreement");
    assertThat(terminatedElements(instance)).contains("AwaitAgreementSignature");
    RanJob withdrawal = jobAt(instance, "WithdrawUnsigned");
    assertThat(withdrawal.type()).isEqualTo("partner-withdraw");
    assertThat(withdrawal.header("reason")).isEqualTo("agreement-not-signed");
  }
}
