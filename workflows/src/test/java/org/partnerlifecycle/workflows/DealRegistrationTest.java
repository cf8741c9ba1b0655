package org.partnerlifecycle.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static org.partnerlifecycle.workflows.DealRoutingDecisionTest.conflicts;

import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partnerlifecycle.engine.EngineRecords;

/**
 * A partner registers a deal: conflicts are detected, the deal-routing table approves, rejects or sends it to a
 * channel manager, and an approved deal stays exclusive to the partner until it closes, is extended or expires.
 * The test workers answer as the app's do: conflicts and competing registrations, then the exclusivity end.
 */
class DealRegistrationTest extends ProcessTestSupport {

  private static final String DEAL_REGISTRATION = "deal-registration";
  private static final List<String> NONE_COMPETING = List.of();
  /** Exclusivity ends are written with an offset other than Z here, to show the timer reads any offset. */
  private static final ZoneOffset BERLIN_SUMMER = ZoneOffset.ofHours(2);

  // ---------------------------------------------------------------- approved, then closed or expired

  @ParameterizedTest(name = "outcome {0}")
  @ValueSource(strings = {"won", "lost"})
  void aDealWithoutConflictIsApprovedAndClosedWithItsOutcome(String outcome) {
    long partnerId = newPartnerId();
    long dealId = newId();
    long instance = startRegistration(partnerId, dealId, noConflict(), NONE_COMPETING);

    awaitWaitingAt(instance, "AwaitDealOutcome");
    RanJob detection = jobAt(instance, "DetectConflicts");
    assertThat(detection.type()).isEqualTo("deal-conflicts-detect");
    assertThat(((Number) detection.variables().get("partnerId")).longValue()).isEqualTo(partnerId);
    assertThat(((Number) detection.variables().get("dealId")).longValue()).isEqualTo(dealId);
    RanJob approval = jobAt(instance, "ApproveDeal");
    assertThat(approval.type()).isEqualTo("deal-approve");
    assertThat(approval.variables().get("dealRoute")).asInstanceOf(MAP)
        .containsEntry("route", "approve").containsEntry("reason", "No channel conflict");

    publish("deal-closed", dealId, Map.of("outcome", outcome));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
        "DealSubmitted", "DetectConflicts", "RouteDeal", "DealRoute", "ApproveJoin", "ApproveDeal",
        "ExclusivityMerge", "AwaitDealOutcome", "DealClosed", "CloseDeal", "DealClosedEnd", DEAL_REGISTRATION)
        .doesNotContain("ReviewDealConflict", "RejectDeal", "ExtendExclusivity", "ReleaseDeal");
    RanJob close = jobAt(instance, "CloseDeal");
    assertThat(close.type()).isEqualTo("deal-close");
    assertThat(close.variables()).containsEntry("outcome", outcome);
    assertThat(timers(instance, TimerIntent.CANCELED)).as("the exclusivity timer, canceled").hasSize(1);
  }

  @Test
  void anExtendedExclusivityExpiresAtTheNewDateNotTheOldOne() {
    long dealId = newId();
    long instance = startRegistration(newPartnerId(), dealId, noConflict(), NONE_COMPETING);
    awaitWaitingAt(instance, "AwaitDealOutcome");
    Instant firstEnd = exclusiveUntil(instance);
    assertThat(exclusivityTimerDue(instance)).isEqualTo(firstEnd);
    whenJob("deal-extend", job -> Map.of("exclusiveUntil",
        iso(OffsetDateTime.parse((String) job.getVariable("exclusiveUntil")).toInstant().plus(Duration.ofDays(30)),
            BERLIN_SUMMER)));

    publish("deal-extension-requested", dealId);

    awaitCompleted(instance, "ExtendExclusivity");
    awaitWaitingAt(instance, "AwaitDealOutcome");
    Instant newEnd = firstEnd.plus(Duration.ofDays(30));
    assertThat(jobAt(instance, "ExtendExclusivity").type()).isEqualTo("deal-extend");
    assertThat(exclusivityTimerDue(instance)).as("the timer of the re-entered gateway").isEqualTo(newEnd);

    passTime(Duration.between(engine.now(), firstEnd).plusHours(1));
    assertThat(isWaitingAt(instance, "AwaitDealOutcome")).as("still exclusive after the old end").isTrue();
    assertThat(completedElements(instance)).doesNotContain("ReleaseDeal");

    passTime(Duration.between(engine.now(), newEnd).plusMinutes(1));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
        "ApproveDeal", "ExclusivityMerge", "AwaitDealOutcome", "ExtensionRequested", "ExtendExclusivity",
        "ExclusivityMerge", "AwaitDealOutcome", "ExclusivityExpired", "ReleaseDeal", "DealExpired")
        .doesNotContain("CloseDeal");
    RanJob release = jobAt(instance, "ReleaseDeal");
    assertThat(release.type()).isEqualTo("deal-release");
    assertThat(exclusiveUntilOf(release.variables())).isEqualTo(newEnd);
  }

  @Test
  void anApprovedDealNobodyClosesOrExtendsIsReleasedWhenItsExclusivityEnds() {
    long instance = startRegistration(newPartnerId(), newId(), noConflict(), NONE_COMPETING);
    awaitWaitingAt(instance, "AwaitDealOutcome");
    Instant end = exclusiveUntil(instance);

    passTime(Duration.between(engine.now(), end).minusMinutes(5));
    assertThat(isWaitingAt(instance, "AwaitDealOutcome")).as("exclusive until the end").isTrue();
    passTime(Duration.ofMinutes(6));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance))
        .containsSubsequence("ApproveDeal", "AwaitDealOutcome", "ExclusivityExpired", "ReleaseDeal", "DealExpired")
        .doesNotContain("ExtendExclusivity", "CloseDeal");
  }

  // ---------------------------------------------------------------- review by a channel manager

  @Test
  void anIncumbentConflictIsReviewedAndApproved() {
    long partnerId = newPartnerId();
    long dealId = newId();
    List<String> competing = List.of("Contoso Ltd by partner 4711 (incumbent since 2024)");
    long instance = startRegistration(partnerId, dealId, conflicts(false, false, true, 0, true), competing);

    var review = awaitUserTask(instance, "ReviewDealConflict");
    assertThat(review.getCandidateGroupsList()).containsExactly("channel-managers");
    assertThat(review.getFormKey()).as("form review-deal-conflict deployed and linked").isPositive();
    assertThat(review.getPriority()).isEqualTo(70);
    assertThat(OffsetDateTime.parse(review.getDueDate()))
        .as("due date, an ISO offset date-time three days (reviewDueIn) ahead on the engine's clock")
        .isCloseTo(engine.now().plus(Duration.ofDays(3)).atOffset(ZoneOffset.UTC), within(Duration.ofMinutes(5)));
    Map<String, Object> shown = variablesOfUserTask(instance, "ReviewDealConflict");
    assertThat(shown.get("dealRoute")).as("the reason the form shows").asInstanceOf(MAP)
        .containsEntry("route", "review").containsEntry("reason", "Another partner is the incumbent on this customer");
    assertThat(shown.get("competing")).as("the competing registrations the form lists").isEqualTo(competing);

    engine.completeUserTask(review.getUserTaskKey(), Map.of("dealDecision", "approve"));

    awaitWaitingAt(instance, "AwaitDealOutcome");
    assertThat(completedElements(instance)).containsSubsequence(
        "RouteDeal", "DealRoute", "ReviewDealConflict", "ReviewOutcome", "ApproveJoin", "ApproveDeal",
        "ExclusivityMerge").doesNotContain("RejectDeal");
    assertThat(jobAt(instance, "ApproveDeal").variables()).containsEntry("dealDecision", "approve");
  }

  @Test
  void aLaterRegistrationWithEvidenceIsReviewedAndRejectedWithTheManagersReason() {
    long dealId = newId();
    List<String> competing = List.of("Fabrikam Inc by partner 12, registered 2030-01-02",
        "Fabrikam by partner 31, registered 2030-01-09");
    long instance = startRegistration(newPartnerId(), dealId, conflicts(false, true, false, 2, false), competing);

    assertThat(variablesOfUserTask(instance, "ReviewDealConflict").get("dealRoute")).asInstanceOf(MAP)
        .containsEntry("reason", "Another partner registered this customer first; the partner provided evidence");
    completeUserTask(instance, "ReviewDealConflict", Map.of("dealDecision", "reject",
        "dealDecisionReason", "Partner 12 has run this opportunity since December"));

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance)).containsSubsequence(
        "DealRoute", "ReviewDealConflict", "ReviewOutcome", "RejectJoin", "RejectDeal", "DealRejected")
        .doesNotContain("ApproveDeal");
    RanJob rejection = jobAt(instance, "RejectDeal");
    assertThat(rejection.type()).isEqualTo("deal-reject");
    assertThat(rejection.variables()).containsEntry("dealDecision", "reject")
        .containsEntry("dealDecisionReason", "Partner 12 has run this opportunity since December");
  }

  @Test
  void aDirectAccountWithEvidenceGoesToAReview() {
    long instance = startRegistration(newPartnerId(), newId(), conflicts(true, true, false, 0, true), NONE_COMPETING);

    assertThat(variablesOfUserTask(instance, "ReviewDealConflict").get("dealRoute")).asInstanceOf(MAP)
        .containsEntry("route", "review")
        .containsEntry("reason", "The customer is a named direct account; the partner provided evidence");
    assertThat(completedElements(instance)).doesNotContain("ApproveDeal", "RejectDeal");
  }

  // ---------------------------------------------------------------- rejected at once

  @Test
  void aDirectAccountWithoutEvidenceIsRejectedWithoutAReview() {
    long partnerId = newPartnerId();
    long instance = startRegistration(partnerId, newId(), conflicts(true, false, false, 0, true), NONE_COMPETING);

    awaitInstanceCompleted(instance);
    assertThat(completedElements(instance))
        .containsSubsequence("DetectConflicts", "RouteDeal", "DealRoute", "RejectJoin", "RejectDeal", "DealRejected")
        .doesNotContain("ReviewDealConflict", "ApproveDeal");
    RanJob rejection = jobAt(instance, "RejectDeal");
    assertThat(((Number) rejection.variables().get("partnerId")).longValue()).isEqualTo(partnerId);
    assertThat(rejection.variables()).doesNotContainKey("dealDecisionReason");
    assertThat(rejection.variables().get("dealRoute")).asInstanceOf(MAP)
        .containsEntry("route", "reject").containsEntry("reason", "The customer is a named direct account");
  }

  @Test
  void conflictsTheTableHasNoRuleForStopTheRegistrationWithAnIncident() {
    Map<String, Object> evidenceUnknown = conflicts(false, false, false, 1, false);
    evidenceUnknown.remove("evidenceProvided");
    long instance = startRegistration(newPartnerId(), newId(), evidenceUnknown, List.of("Northwind by partner 8"));

    IncidentRecordValue incident = EngineRecords.await(() -> records.all()
            .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
            .map(r -> (IncidentRecordValue) r.getValue())
            .filter(v -> v.getProcessInstanceKey() == instance)
            .findFirst(),
        WAIT, "an incident in instance " + instance);
    assertThat(incident.getElementId()).isEqualTo("DealRoute");
    assertThat(completedElements(instance)).doesNotContain("ApproveDeal", "RejectDeal", "ReviewDealConflict");
  }

  // ---------------------------------------------------------------- helpers

  /** Starts a registration as the app does; detection finds these conflicts, approval grants 90 days. */
  private long startRegistration(long partnerId, long dealId, Map<String, Object> conflicts, List<String> competing) {
    whenJob("deal-conflicts-detect", job -> Map.of("conflicts", conflicts, "competing", competing));
    whenJob("deal-approve", job -> Map.of("exclusiveUntil", iso(engine.now().plus(Duration.ofDays(90)), BERLIN_SUMMER)));
    return start(DEAL_REGISTRATION, Map.of("partnerId", partnerId, "dealId", dealId, "reviewDueIn", "P3D"));
  }

  private static Map<String, Object> noConflict() {
    return conflicts(false, false, false, 0, true);
  }

  private static Instant exclusiveUntilOf(Map<String, Object> variables) {
    return OffsetDateTime.parse((String) variables.get("exclusiveUntil")).toInstant();
  }

  /** The end of exclusivity the instance holds now: set by the approval, moved by an extension. */
  private Instant exclusiveUntil(long instance) {
    String json = records.all()
        .filter(r -> r.getRecordType() == RecordType.EVENT && r.getValueType() == ValueType.VARIABLE)
        .map(r -> (VariableRecordValue) r.getValue())
        .filter(v -> v.getProcessInstanceKey() == instance && v.getName().equals("exclusiveUntil"))
        .reduce((first, second) -> second)
        .map(VariableRecordValue::getValue)
        .orElseThrow(() -> new AssertionError("exclusiveUntil is not set in instance " + instance));
    return OffsetDateTime.parse(client.getConfiguration().getJsonMapper().fromJson(json, String.class)).toInstant();
  }

  private List<TimerRecordValue> timers(long instance, TimerIntent intent) {
    return records.all()
        .filter(r -> r.getValueType() == ValueType.TIMER && r.getIntent() == intent)
        .map(r -> (TimerRecordValue) r.getValue())
        .filter(t -> t.getProcessInstanceKey() == instance && t.getTargetElementId().equals("ExclusivityExpired"))
        .toList();
  }

  /** When the exclusivity timer of the gateway the instance waits at falls due. */
  private Instant exclusivityTimerDue(long instance) {
    return EngineRecords.await(() -> {
          List<TimerRecordValue> created = timers(instance, TimerIntent.CREATED);
          return created.size() > timers(instance, TimerIntent.CANCELED).size()
              ? Optional.of(Instant.ofEpochMilli(created.getLast().getDueDate()))
              : Optional.empty();
        },
        WAIT, "an open exclusivity timer in instance " + instance);
  }
}
