package org.partnerlifecycle.workflows;

import static io.camunda.zeebe.protocol.record.value.JobListenerEventType.CANCELING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.engine.EngineRecords;

/**
 * The top level: onboarding as a called process, then the active partnership with its three processes side by
 * side until a termination request interrupts it and the partner is offboarded.
 */
class PartnerLifecycleTest extends ProcessTestSupport {

  private static final List<String> PARTNERSHIP_PROCESSES =
      List.of("partner-business-planning", "partner-evaluation", "partner-renewal");

  @Test
  void anOnboardedPartnerEntersTheActivePartnershipWithItsThreeProcessesRunning() {
    long partnerId = newPartnerId();
    long lifecycle = startActivePartner(partnerId);

    assertThat(completedElements(lifecycle)).containsSubsequence(
        "LifecycleStarted", "Onboarding", "OnboardingOutcome", "PartnershipStarted", "PartnershipFork");
    assertThat(isWaitingAt(lifecycle, "ActivePartnership")).isTrue();
    assertThat(isWaitingAt(lifecycle, "BusinessPlanning")).isTrue();
    assertThat(isWaitingAt(lifecycle, "Evaluation")).isTrue();
    assertThat(isWaitingAt(lifecycle, "Renewal")).isTrue();

    long planning = awaitCalledInstance(lifecycle, "partner-business-planning");
    long evaluation = awaitCalledInstance(lifecycle, "partner-evaluation");
    long renewal = awaitCalledInstance(lifecycle, "partner-renewal");
    awaitWaitingAt(planning, "AwaitPlanSubmitted");
    awaitWaitingAt(evaluation, "NextEvaluation");
    awaitWaitingAt(renewal, "RenewalOutreachDue");
    // the children read the settings the app passed to the lifecycle
    var planVariables = jobAt(planning, "RequestPlan").variables();
    assertThat(((Number) planVariables.get("partnerId")).longValue()).isEqualTo(partnerId);
    assertThat(planVariables)
        .containsEntry("qbrInterval", "P3M")
        .containsEntry("onboardingOutcome", "ACTIVE");
    assertThat(jobAt(renewal, "ScheduleRenewal").variables()).containsEntry("lapseGrace", "P30D");
  }

  @Test
  void aDeclinedApplicantIsNotOnboarded() {
    long lifecycle = startLifecycle(newPartnerId(),
        application("REFERRAL", 2_000, 3, 0, List.of("EMEA"), List.of()));

    awaitInstanceCompleted(lifecycle);
    assertThat(completedElements(lifecycle))
        .containsSubsequence("LifecycleStarted", "Onboarding", "OnboardingOutcome", "NotOnboarded")
        .doesNotContain("ActivePartnership", "Offboarding");
    long onboarding = awaitCalledInstance(lifecycle, PROCESS_ID);
    assertThat(completedElements(onboarding)).contains("DeclineApplication", "Declined");
  }

  @Test
  void aPartnerWithdrawnDuringOnboardingIsNotOnboarded() {
    long partnerId = newPartnerId();
    long lifecycle = startLifecycle(partnerId, strongApplication());
    long onboarding = awaitCalledInstance(lifecycle, PROCESS_ID);
    awaitWaitingAt(onboarding, "AwaitBriefAcknowledgement");

    passTime(Duration.ofDays(30).plusMinutes(1));

    awaitInstanceCompleted(lifecycle);
    assertThat(completedElements(onboarding)).contains("WithdrawPartner", "Withdrawn");
    assertThat(completedElements(lifecycle)).containsSubsequence("Onboarding", "OnboardingOutcome", "NotOnboarded")
        .doesNotContain("ActivePartnership");
  }

  @Test
  void aTerminationRequestCancelsThePartnershipProcessesAndOffboardsThePartnerAfterTheNoticePeriod() {
    long partnerId = newPartnerId();
    long lifecycle = startActivePartner(partnerId);
    List<Long> children = PARTNERSHIP_PROCESSES.stream().map(p -> awaitCalledInstance(lifecycle, p)).toList();
    long planning = children.get(0);
    // a plan under review: its open user task is canceled with the partnership
    deliver(planning, partnerId, "AwaitPlanSubmitted", "partner-plan-submitted");
    long review = awaitUserTask(planning, "ReviewBusinessPlan").getUserTaskKey();

    publish("partner-termination-requested", partnerId);

    children.forEach(this::awaitTerminated);
    assertThat(children).allSatisfy(child -> assertThat(records.isInstanceCompleted(child)).isFalse());
    assertThat(terminatedElements(lifecycle))
        .contains("ActivePartnership", "BusinessPlanning", "Evaluation", "Renewal");
    EngineRecords.await(() -> listenerEvents(review).contains(CANCELING) ? Optional.of(true) : Optional.empty(),
        WAIT, "the canceling listener of ReviewBusinessPlan");

    long offboarding = awaitCalledInstance(lifecycle, "partner-offboarding");
    awaitWaitingAt(offboarding, "NoticePeriodEnds");
    assertThat(jobElements(offboarding)).doesNotContain("RevokePortalAccess");
    passTime(Duration.ofDays(90).plusMinutes(1));

    awaitInstanceCompleted(lifecycle);
    assertThat(completedElements(lifecycle)).containsSubsequence("TerminationRequested", "Offboarding", "Terminated")
        .doesNotContain("PartnershipEnded");
    assertThat(jobElements(offboarding)).endsWith("NotifyTerminated");
  }

  /** Runs the lifecycle through a clean onboarding; returns once the partnership is active. */
  private long startActivePartner(long partnerId) {
    long lifecycle = startLifecycle(partnerId, strongApplication());
    long onboarding = awaitCalledInstance(lifecycle, PROCESS_ID);
    awaitWaitingAt(onboarding, "AwaitBriefAcknowledgement");
    onboard(onboarding, partnerId);
    finishOnboarding(onboarding, partnerId);
    assertThat(jobAt(onboarding, "ActivatePartner").type()).isEqualTo("partner-activate");
    awaitWaitingAt(lifecycle, "ActivePartnership");
    return lifecycle;
  }
}
