package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import static io.camunda.zeebe.protocol.record.value.JobListenerEventType.ASSIGNING;
import static io.camunda.zeebe.protocol.record.value.JobListenerEventType.CANCELING;
import static io.camunda.zeebe.protocol.record.value.JobListenerEventType.COMPLETING;
import static io.camunda.zeebe.protocol.record.value.JobListenerEventType.CREATING;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.EngineRecords;

/** A strong applicant goes all the way to an active partner, nobody late, nothing rejected. */
class HappyPathTest extends ProcessTestSupport {

  @Test
  void aQualifiedPartnerBecomesActive() {
    long partnerId = newPartnerId();
    long instance = startOnboarded(partnerId);
    finishOnboarding(instance, partnerId);

    List<String> completed = completedElements(instance);
    assertThat(completed).containsSubsequence(
        "ApplicationReceived", "RecordApplied", "ScoreFit", "FitRoute", "QualifiedJoin", "RecordQualified",
        "GenerateBrief", "AwaitBriefAcknowledgement", "GenerateAgreement", "AgreementSignatureMerge",
        "AwaitAgreementSignature", "CountersignAgreement", "CountersignOutcome", "ActivateAgreement",
        "OnboardingStarted", "RecordOnboarding", "OnboardingFork", "OnboardingJoin", "OnboardingCompleted",
        "Onboarding", "ActivatePartner", "PartnerActive", PROCESS_ID);
    // the four branches run side by side: each in its own order, between the fork and the join
    assertThat(completed).containsSubsequence("OnboardingFork", "ProfileMerge", "AwaitProfile",
        "VerifyDocuments", "DocumentsOutcome", "OnboardingJoin");
    assertThat(completed).containsSubsequence("OnboardingFork", "GrantPortalAccess", "OnboardingJoin");
    assertThat(completed).containsSubsequence("OnboardingFork", "AssignTraining", "AwaitTrainingCompleted",
        "OnboardingJoin");
    assertThat(completed).containsSubsequence("OnboardingFork", "ScheduleKickoff", "OnboardingJoin");

    assertThat(jobElements(instance)).containsExactlyInAnyOrder(
        "RecordApplied", "RecordQualified", "GenerateBrief", "GenerateAgreement", "ActivateAgreement",
        "RecordOnboarding", "GrantPortalAccess", "AssignTraining", "ActivatePartner");
    assertThat(jobElements(instance)).containsSubsequence(
        "RecordApplied", "RecordQualified", "GenerateBrief", "GenerateAgreement", "ActivateAgreement",
        "RecordOnboarding", "ActivatePartner");
    assertThat(jobsOf(instance)).filteredOn(j -> j.type().equals("partner-stage"))
        .extracting(j -> j.header("stage")).containsExactly("APPLIED", "QUALIFIED", "ONBOARDING");
    assertThat(completed).doesNotContain("ReviewApplication", "DeclineApplication", "SendBriefReminder",
        "WithdrawPartner", "ReviseAgreement", "WithdrawUnsigned", "RequestDocumentCorrection",
        "EscalateOnboarding", "RecordSlaBreach");
  }

  @Test
  void userTaskListenersRunWhenATaskIsCreatedAssignedCompletedAndCanceled() {
    long partnerId = newPartnerId();
    long instance = startOnboarded(partnerId);
    long kickoff = awaitUserTask(instance, "ScheduleKickoff").getUserTaskKey();
    engine.assignUserTask(kickoff, "olivia");
    scheduleKickoff(instance);
    submitProfile(instance, partnerId);
    long documents = awaitUserTask(instance, "VerifyDocuments").getUserTaskKey();

    client.newCancelInstanceCommand(instance).send().join();

    assertThat(listenerEvents(kickoff)).containsExactly(CREATING, ASSIGNING, COMPLETING);
    EngineRecords.await(() -> listenerEvents(documents).contains(CANCELING) ? Optional.of(true) : Optional.empty(),
        WAIT, "the canceling listener of VerifyDocuments");
    assertThat(listenerEvents(documents)).containsExactly(CREATING, CANCELING);
  }
}
