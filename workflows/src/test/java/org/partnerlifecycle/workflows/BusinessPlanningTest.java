package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The yearly business plan: requested, reviewed (changes possible), locked, then four quarterly reviews. */
class BusinessPlanningTest extends ProcessTestSupport {

  private static final String PROCESS = "partner-business-planning";

  @Test
  void aPlanSentBackForChangesIsResubmittedApprovedAndLocked() {
    long partnerId = newPartnerId();
    long instance = startPartnershipProcess(PROCESS, partnerId);

    submitPlan(instance, partnerId);
    var firstReview = awaitUserTask(instance, "ReviewBusinessPlan");
    assertThat(firstReview.getCandidateGroupsList()).containsExactly("channel-managers");
    assertThat(firstReview.getFormKey()).isPositive();
    decide(instance, "ReviewBusinessPlan", "planDecision", "changes", "planComments", "Add an EMEA pipeline target");

    awaitCompleted(instance, "RequestPlanChanges");
    RanJob changes = jobAt(instance, "RequestPlanChanges");
    assertThat(changes.type()).isEqualTo("partner-notify");
    assertThat(changes.header("template")).isEqualTo("plan-changes-requested");
    assertThat(changes.variables()).containsEntry("planComments", "Add an EMEA pipeline target");

    submitPlan(instance, partnerId);
    assertThat(awaitUserTask(instance, "ReviewBusinessPlan").getUserTaskKey())
        .isNotEqualTo(firstReview.getUserTaskKey());
    decide(instance, "ReviewBusinessPlan", "planDecision", "approve", "planComments", null);

    awaitWaitingAt(instance, "QuarterEnds");
    assertThat(completedElements(instance)).containsSubsequence(
        "YearStartMerge", "RequestPlan", "PlanSubmissionMerge", "AwaitPlanSubmitted", "ReviewBusinessPlan",
        "PlanReviewed", "RequestPlanChanges", "PlanSubmissionMerge", "AwaitPlanSubmitted", "ReviewBusinessPlan",
        "PlanReviewed", "LockPlan", "QuarterMerge");
    assertThat(jobElements(instance)).containsExactly("RequestPlan", "RequestPlanChanges", "LockPlan");
    assertThat(jobAt(instance, "LockPlan").type()).isEqualTo("partner-plan-lock");
  }

  @Test
  void fourQuarterlyReviewsCloseTheYearAndTheNextYearsPlanIsRequested() {
    long partnerId = newPartnerId();
    long instance = startPartnershipProcess(PROCESS, partnerId);
    submitPlan(instance, partnerId);
    decide(instance, "ReviewBusinessPlan", "planDecision", "approve", "planComments", null);
    awaitWaitingAt(instance, "QuarterEnds");

    // qbrInterval is P3M: three calendar months, 89 to 92 days
    passTime(Duration.ofDays(88));
    assertThat(jobElements(instance)).doesNotContain("RecordQuarterlyReview");
    passTime(Duration.ofDays(5));
    awaitJobs(instance, "RecordQuarterlyReview", 1);

    for (int quarter = 2; quarter <= 4; quarter++) {
      awaitWaitingAt(instance, "QuarterEnds");
      assertThat(jobElements(instance)).containsOnlyOnce("RequestPlan");
      passTime(Duration.ofDays(93));
      awaitJobs(instance, "RecordQuarterlyReview", quarter);
    }

    awaitWaitingAt(instance, "AwaitPlanSubmitted");
    assertThat(jobsOf(instance)).filteredOn(j -> j.elementId().equals("RequestPlan")).hasSize(2);
    assertThat(jobsOf(instance)).filteredOn(j -> j.type().equals("partner-qbr-record"))
        .extracting(j -> j.variables().get("quarter")).containsExactly(null, 1, 2, 3);
    assertThat(completedElements(instance)).containsSubsequence(
        "LockPlan", "QuarterMerge", "QuarterEnds", "RecordQuarterlyReview", "YearComplete", "QuarterMerge",
        "QuarterEnds", "RecordQuarterlyReview", "YearComplete", "QuarterMerge", "QuarterEnds",
        "RecordQuarterlyReview", "YearComplete", "QuarterMerge", "QuarterEnds", "RecordQuarterlyReview",
        "YearComplete", "YearStartMerge", "RequestPlan");
  }

  private void submitPlan(long instance, long partnerId) {
    deliver(instance, partnerId, "AwaitPlanSubmitted", "partner-plan-submitted");
    awaitUserTask(instance, "ReviewBusinessPlan");
  }
}
