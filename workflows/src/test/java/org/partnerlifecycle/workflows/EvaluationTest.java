package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quarterly evaluation: a scorecard, the tier decision, and what follows each action (a manager approves
 * tier changes, a demotion first gets a remediation window, a non-productive partner is kept for support or
 * terminated). Most tests trigger the evaluation with the re-evaluation message rather than waiting a quarter.
 */
class EvaluationTest extends ProcessTestSupport {

  private static final String PROCESS = "partner-evaluation";

  @Test
  void aPartnerThatHoldsItsTierIsEvaluatedWhenTheQuarterEndsAndTheEvaluationRecorded() {
    long partnerId = newPartnerId();
    long instance = startPartnershipProcess(PROCESS, partnerId);
    awaitWaitingAt(instance, "NextEvaluation");

    // evaluationInterval is P3M: three calendar months, 89 to 92 days
    passTime(Duration.ofDays(88));
    assertThat(jobElements(instance)).doesNotContain("ComputeScorecard");
    passTime(Duration.ofDays(5));

    awaitJobs(instance, "RecordEvaluation", 1);
    awaitWaitingAt(instance, "NextEvaluation");
    assertThat(completedElements(instance)).containsSubsequence(
        "EvaluationMerge", "NextEvaluation", "QuarterElapsed", "TriggerMerge", "ComputeScorecard", "DecideTier",
        "TierAction", "RecordEvaluationMerge", "RecordEvaluation", "EvaluationMerge");
    assertThat(tierDecisionAt(instance, "RecordEvaluation"))
        .containsEntry("action", "keep").containsEntry("targetTier", "SILVER");
    assertThat(jobAt(instance, "RecordEvaluation").type()).isEqualTo("partner-evaluation-record");
    assertThat(completedElements(instance)).doesNotContain("ApproveTierChange", "DecideNonProductive");
  }

  @Test
  void anApprovedPromotionIsApplied() {
    long partnerId = newPartnerId();
    long instance = evaluate(partnerId, scorecard("REGISTERED", 1.05, 0.22, 2, 0, false));

    var approval = awaitUserTask(instance, "ApproveTierChange");
    assertThat(approval.getCandidateGroupsList()).containsExactly("channel-managers");
    decide(instance, "ApproveTierChange", "tierChangeDecision", "approve", "tierChangeComment", "Well earned");

    awaitCompleted(instance, "ApplyTierChange");
    awaitWaitingAt(instance, "NextEvaluation");
    RanJob apply = jobAt(instance, "ApplyTierChange");
    assertThat(apply.type()).isEqualTo("partner-tier-apply");
    assertThat(apply.variables()).containsEntry("tierChangeDecision", "approve")
        .containsEntry("tierChangeComment", "Well earned");
    assertThat(tierDecisionAt(instance, "ApplyTierChange"))
        .containsEntry("action", "promote").containsEntry("targetTier", "SILVER");
    assertThat(jobElements(instance)).doesNotContain("RecordEvaluation", "OpenRemediation");
  }

  @Test
  void aRejectedPromotionIsOnlyRecorded() {
    long partnerId = newPartnerId();
    long instance = evaluate(partnerId, scorecard("SILVER", 1.3, 0.35, 6, 2, false));

    decide(instance, "ApproveTierChange", "tierChangeDecision", "reject", "tierChangeComment", "One good quarter");

    awaitCompleted(instance, "RecordEvaluation");
    awaitWaitingAt(instance, "NextEvaluation");
    assertThat(completedElements(instance)).containsSubsequence(
        "TierAction", "ApproveTierChange", "TierChangeApproved", "RecordEvaluationMerge", "RecordEvaluation");
    assertThat(jobAt(instance, "RecordEvaluation").variables()).containsEntry("tierChangeDecision", "reject");
    assertThat(tierDecisionAt(instance, "RecordEvaluation")).containsEntry("targetTier", "GOLD");
    assertThat(jobElements(instance)).doesNotContain("ApplyTierChange");
  }

  @Test
  void anApprovedDemotionWaitsForTheRemediationWindowAndDemotesAPartnerThatDidNotRecover() {
    long partnerId = newPartnerId();
    long instance = evaluate(partnerId, scorecard("GOLD", 0.6, 0.3, 5, 5, false));
    decide(instance, "ApproveTierChange", "tierChangeDecision", "approve", "tierChangeComment", null);

    awaitCompleted(instance, "OpenRemediation");
    awaitWaitingAt(instance, "RemediationWindowEnds");
    assertThat(jobAt(instance, "OpenRemediation").type()).isEqualTo("partner-remediation-open");
    passTime(Duration.ofDays(59));
    assertThat(jobElements(instance)).doesNotContain("CheckRecovery");
    passTime(Duration.ofDays(1).plusMinutes(1));

    awaitCompleted(instance, "ApplyDemotion");
    awaitWaitingAt(instance, "NextEvaluation");
    assertThat(completedElements(instance)).containsSubsequence(
        "TierChangeDirection", "OpenRemediation", "RemediationWindowEnds", "CheckRecovery", "Recovered",
        "ApplyDemotion", "EvaluationMerge");
    RanJob demotion = jobAt(instance, "ApplyDemotion");
    assertThat(demotion.type()).isEqualTo("partner-tier-apply");
    assertThat(tierDecisionAt(instance, "ApplyDemotion"))
        .containsEntry("action", "demote").containsEntry("targetTier", "SILVER");
    assertThat(jobElements(instance)).doesNotContain("CloseRemediation", "ApplyTierChange");
  }

  @Test
  void aDemotedPartnerThatRecoversInTheRemediationWindowKeepsItsTier() {
    long partnerId = newPartnerId();
    whenJob("partner-remediation-check", job -> Map.of("recovered", true));
    long instance = evaluate(partnerId, scorecard("SILVER", 1.0, 0.3, 1, 2, false));
    assertThat(awaitTierDecision(instance, "ApproveTierChange"))
        .containsEntry("action", "demote").containsEntry("targetTier", "REGISTERED");
    decide(instance, "ApproveTierChange", "tierChangeDecision", "approve", "tierChangeComment", null);
    awaitWaitingAt(instance, "RemediationWindowEnds");

    passTime(Duration.ofDays(60).plusMinutes(1));

    awaitCompleted(instance, "CloseRemediation");
    awaitWaitingAt(instance, "NextEvaluation");
    assertThat(jobAt(instance, "CloseRemediation").type()).isEqualTo("partner-remediation-close");
    assertThat(jobElements(instance)).containsSubsequence("OpenRemediation", "CheckRecovery", "CloseRemediation")
        .doesNotContain("ApplyDemotion", "ApplyTierChange");
  }

  @Test
  void aNonProductivePartnerCanBeKeptForSupportOnly() {
    long partnerId = newPartnerId();
    long instance = evaluate(partnerId, scorecard("SILVER", 0.0, 0.0, 3, 2, true));

    var decision = awaitUserTask(instance, "DecideNonProductive");
    assertThat(decision.getCandidateGroupsList()).containsExactly("channel-managers");
    decide(instance, "DecideNonProductive", "nonProductiveDecision", "support-only", "decisionReason",
        "Key reference customer in the region");

    awaitCompleted(instance, "SetSupportOnly");
    awaitWaitingAt(instance, "NextEvaluation");
    RanJob supportOnly = jobAt(instance, "SetSupportOnly");
    assertThat(supportOnly.type()).isEqualTo("partner-support-only");
    assertThat(supportOnly.variables()).containsEntry("decisionReason", "Key reference customer in the region");
    assertThat(jobElements(instance)).doesNotContain("RequestTermination");
  }

  @Test
  void terminatingANonProductivePartnerRequestsTheTerminationAndEndsTheEvaluation() {
    long partnerId = newPartnerId();
    long instance = evaluate(partnerId, scorecard("GOLD", 1.6, 0.5, 12, 5, true));
    assertThat(awaitTierDecision(instance, "DecideNonProductive")).containsEntry("action", "non-productive");

    decide(instance, "DecideNonProductive", "nonProductiveDecision", "terminate", "decisionReason",
        "No deals in a year");

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
        "DecideNonProductive", "NonProductiveDecision", "RequestTermination", "TerminationRequested");
    RanJob termination = jobAt(instance, "RequestTermination");
    assertThat(termination.type()).isEqualTo("partner-termination-request");
    assertThat(termination.header("trigger")).isEqualTo("NON_PRODUCTIVE");
    assertThat(termination.variables()).containsEntry("decisionReason", "No deals in a year");
  }

  @Test
  void aReevaluationRequestEvaluatesBeforeTheQuarterEndsAndTheQuarterStartsOver() {
    long partnerId = newPartnerId();
    long instance = startPartnershipProcess(PROCESS, partnerId);
    awaitWaitingAt(instance, "NextEvaluation");
    passTime(Duration.ofDays(30));

    deliver(instance, partnerId, "NextEvaluation", "partner-reevaluation-requested");

    awaitJobs(instance, "ComputeScorecard", 1);
    awaitCompleted(instance, "RecordEvaluation");
    awaitWaitingAt(instance, "NextEvaluation");
    assertThat(completedElements(instance))
        .containsSubsequence("NextEvaluation", "ReevaluationRequested", "TriggerMerge", "ComputeScorecard")
        .doesNotContain("QuarterElapsed");
    // the next quarter counts from the re-evaluation, not from the start
    passTime(Duration.ofDays(88));
    assertThat(jobsOf(instance)).filteredOn(j -> j.elementId().equals("ComputeScorecard")).hasSize(1);
    passTime(Duration.ofDays(5));
    awaitJobs(instance, "ComputeScorecard", 2);
  }

  /** Starts an evaluation and has it evaluate at once with this scorecard. */
  private long evaluate(long partnerId, Map<String, Object> scorecard) {
    whenJob("partner-scorecard-compute", job -> Map.of("scorecard", scorecard));
    long instance = startPartnershipProcess(PROCESS, partnerId);
    deliver(instance, partnerId, "NextEvaluation", "partner-reevaluation-requested");
    awaitCompleted(instance, "DecideTier");
    return instance;
  }

  private Map<String, Object> tierDecisionAt(long instance, String elementId) {
    return asMap(jobAt(instance, elementId).variables().get("tierDecision"));
  }

  /** The tier decision, as the manager's task after it sees it. */
  private Map<String, Object> awaitTierDecision(long instance, String userTask) {
    return asMap(variablesOfUserTask(instance, userTask).get("tierDecision"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertThat(value).asInstanceOf(MAP).isNotNull();
    return (Map<String, Object>) value;
  }
}
