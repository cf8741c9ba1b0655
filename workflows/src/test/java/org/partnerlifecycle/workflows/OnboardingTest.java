package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The onboarding sub-process: documents that need a correction, and the escalation and SLA timers. */
class OnboardingTest extends ProcessTestSupport {

  @Test
  void rejectedDocumentsAreCorrectedResubmittedAndApproved() {
    long partnerId = newPartnerId();
    long instance = startOnboarded(partnerId);

    submitProfile(instance, partnerId);
    var firstCheck = awaitUserTask(instance, "VerifyDocuments");
    assertThat(firstCheck.getCandidateGroupsList()).containsExactly("channel-ops");
    verifyDocuments(instance, "reject", "The trade register extract is older than three months");

    awaitCompleted(instance, "RequestDocumentCorrection");
    RanJob correction = jobAt(instance, "RequestDocumentCorrection");
    assertThat(correction.type()).isEqualTo("partner-notify");
    assertThat(correction.header("template")).isEqualTo("documents-rejected");
    assertThat(correction.variables())
        .containsEntry("documentsComment", "The trade register extract is older than three months");

    submitProfile(instance, partnerId);
    assertThat(awaitUserTask(instance, "VerifyDocuments").getUserTaskKey()).isNotEqualTo(firstCheck.getUserTaskKey());
    verifyDocuments(instance, "approve", null);
    completeTraining(instance, partnerId);
    scheduleKickoff(instance);

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
        "ProfileMerge", "AwaitProfile", "VerifyDocuments", "DocumentsOutcome", "RequestDocumentCorrection",
        "ProfileMerge", "AwaitProfile", "VerifyDocuments", "DocumentsOutcome", "OnboardingJoin",
        "ActivatePartner", "PartnerActive");
    assertThat(jobElements(instance)).containsOnlyOnce("RequestDocumentCorrection", "ActivatePartner");
  }

  @Test
  void onboardingIsEscalatedAtDayTwentyOneAndStillCompletes() {
    long partnerId = newPartnerId();
    long instance = startOnboarded(partnerId);

    passTime(Duration.ofDays(21).plusMinutes(1));

    awaitCompleted(instance, "OnboardingEscalated");
    assertThat(jobAt(instance, "EscalateOnboarding").type()).isEqualTo("partner-onboarding-escalate");
    assertThat(isWaitingAt(instance, "Onboarding")).as("non-interrupting: onboarding goes on").isTrue();
    assertThat(jobElements(instance)).doesNotContain("RecordSlaBreach");

    finishOnboarding(instance, partnerId);
    assertThat(completedElements(instance)).containsSubsequence("Onboarding", "ActivatePartner", "PartnerActive");
    assertThat(jobElements(instance)).containsOnlyOnce("EscalateOnboarding").doesNotContain("RecordSlaBreach");
  }

  @Test
  void anSlaBreachIsRecordedAtDayThirtyAndOnboardingStillCompletes() {
    long partnerId = newPartnerId();
    long instance = startOnboarded(partnerId);

    passTime(Duration.ofDays(29));
    awaitCompleted(instance, "OnboardingEscalated");
    assertThat(jobElements(instance)).doesNotContain("RecordSlaBreach");

    passTime(Duration.ofDays(1).plusMinutes(1));
    awaitCompleted(instance, "SlaBreachRecorded");
    assertThat(jobAt(instance, "RecordSlaBreach").type()).isEqualTo("partner-onboarding-sla-breach");
    assertThat(isWaitingAt(instance, "Onboarding")).isTrue();

    finishOnboarding(instance, partnerId);
    assertThat(completedElements(instance)).containsSubsequence("Onboarding", "ActivatePartner", "PartnerActive");
    assertThat(jobElements(instance)).containsOnlyOnce("EscalateOnboarding", "RecordSlaBreach");
  }
}
