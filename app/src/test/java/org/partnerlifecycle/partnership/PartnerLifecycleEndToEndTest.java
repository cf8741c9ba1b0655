package org.partnerlifecycle.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.certification.CertificationForm;
import org.partnerlifecycle.certification.CertificationLevel;
import org.partnerlifecycle.certification.CertificationService;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.engine.EmbeddedEngine;
import org.partnerlifecycle.engine.EngineRecords;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.ApplicationService;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.ProfileForm;
import org.partnerlifecycle.onboarding.TrainingAssignmentRepository;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Tier;
import org.partnerlifecycle.planning.Periods;
import org.partnerlifecycle.planning.PlanForm;
import org.partnerlifecycle.planning.PlanningService;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.task.UserTaskService;
import org.partnerlifecycle.termination.PartnerFund;
import org.partnerlifecycle.termination.PartnerFundRepository;
import org.partnerlifecycle.termination.TerminationService;
import org.partnerlifecycle.termination.TerminationTrigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Partner lifecycle II end to end, on the real engine with the real workers and persistence and the engine's
 * clock moved through two years: an active partner gets certified staff and an approved business plan, is
 * promoted at one quarterly evaluation and demoted after an unrecovered remediation window at the next, renews
 * its agreement, and finally asks to leave and is offboarded. The audit log shows it all in order.
 */
@EmbeddedAppTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // it moves the shared engine's clock by years
class PartnerLifecycleEndToEndTest {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired ApplicationService applications;
  @Autowired PartnerSteps steps;
  @Autowired PlanningService planning;
  @Autowired CertificationService certifications;
  @Autowired TerminationService terminations;
  @Autowired PartnerRepository partners;
  @Autowired AgreementRepository agreements;
  @Autowired TrainingAssignmentRepository training;
  @Autowired DealRegistrationRepository deals;
  @Autowired PartnerFundRepository funds;
  @Autowired LifecycleEventRepository events;
  @Autowired UserTaskRepository tasks;
  @Autowired UserTaskService userTasks;
  @Autowired EmbeddedEngine engine;
  @Autowired Clock clock;
  @Autowired org.springframework.context.ApplicationContext app;

  @Test
  void fromActiveThroughCertificationPlanningTwoEvaluationsRenewalToTermination() {
    String user = "ada@longhaul.example";
    var application = applications.submit(
        TestPartners.strongApplication("Longhaul Partners AB", user), Actor.system());
    long partnerId = application.getPartnerId();
    long lifecycle = application.getProcessInstanceKey();
    onboard(partnerId, user);

    // joint business plan: requested on activation, drafted by the partner, approved and locked
    awaitEvent(partnerId, "PLAN_REQUESTED");
    planning.submit(partnerId, new PlanForm(new BigDecimal("1000000"), 50, "Data platforms", 10, 2, 4), user);
    completeTask(partnerId, "ReviewBusinessPlan", Map.of("planDecision", "approve", "planComments", ""));
    awaitEvent(partnerId, "PLAN_APPROVED");

    // two people certified, verified by ops
    for (String person : List.of("Ada", "Bo")) {
      certifications.submit(partnerId, new CertificationForm(person, person.toLowerCase() + "@longhaul.example",
          CertificationLevel.SALES_ASSOCIATE, "Exam id " + person + "-2026", null), user);
      completeTask(partnerId, "VerifyCertification", Map.of("certificationDecision", "approve",
          "certificationComment", ""));
    }
    EngineRecords.await(() -> certifications.certifiedStaff(partnerId) == 2 ? Optional.of(true) : Optional.empty(),
        WAIT, "two certified people");

    // first quarter: strong results -> promotion to Silver, approved by the manager
    recordPerformance(partnerId, "330000");
    wonDeals(partnerId, 3);
    moveClock(lifecycle, "QuarterElapsed", Duration.ofDays(93));
    UserTask promotion = awaitTask(partnerId, "ApproveTierChange");
    completeTask(promotion, Map.of("tierChangeDecision", "approve", "tierChangeComment", "Well earned"));
    awaitTier(partnerId, Tier.SILVER);

    // second quarter: results collapse -> demotion proposed, approved, remediation window, no recovery
    recordPerformance(partnerId, "20000");
    moveClock(lifecycle, "QuarterElapsed", Duration.ofDays(93));
    completeTask(awaitTask(partnerId, "ApproveTierChange"), Map.of("tierChangeDecision", "approve",
        "tierChangeComment", "Remediation first"));
    awaitEvent(partnerId, "REMEDIATION_OPENED");
    assertThat(partners.findById(partnerId).orElseThrow().getTier()).isEqualTo(Tier.SILVER);
    moveClock(lifecycle, "RemediationWindowEnds", Duration.ofDays(61));
    awaitTier(partnerId, Tier.REGISTERED);

    // renewal: outreach 120 days before the agreement ends, the partner signs the renewal
    Agreement initial = agreements.findFirstByPartnerIdAndStatusOrderByRevisionDesc(partnerId, Agreement.Status.ACTIVE)
        .orElseThrow();
    Duration untilOutreach = Duration.between(clock.instant(),
        initial.getExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(120)));
    moveClock(lifecycle, "RenewalOutreachDue", untilOutreach.plusDays(1));
    Agreement renewal = EngineRecords.await(() -> agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId)
        .filter(a -> a.getKind() == Agreement.Kind.RENEWAL), WAIT, "renewal agreement");
    assertThat(renewal.getTier()).isEqualTo(Tier.REGISTERED);
    steps.signAgreement(partnerId, "Ada Longhaul", true, renewal.getDocumentSha256(), "192.0.2.10", user);
    awaitEvent(partnerId, "AGREEMENT_RENEWED");
    assertThat(agreements.findById(renewal.getId()).orElseThrow().getExpiresOn())
        .isEqualTo(initial.getExpiresOn().plusMonths(24));

    // the partner asks to leave: the partnership's processes stop, offboarding runs through the notice period
    funds.save(new PartnerFund(partnerId, new BigDecimal("5000.00")));
    terminations.request(partnerId, TerminationTrigger.PARTNER_REQUEST, "Focusing on another vendor",
        new Actor(ActorType.PARTNER_USER, user), ProcessRef.NONE);
    awaitStage(partnerId, LifecycleStage.TERMINATING);
    moveClock(lifecycle, "NoticePeriodEnds", Duration.ofDays(91));
    awaitStage(partnerId, LifecycleStage.TERMINATED);
    new EngineRecords(engine).awaitInstanceCompleted(lifecycle, WAIT);
    assertThat(tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId, List.of(TaskState.OPEN, TaskState.ASSIGNED)))
        .isEmpty();

    List<LifecycleEvent> history = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId);
    assertThat(history.stream().map(LifecycleEvent::getStageTo).filter(Objects::nonNull))
        .containsExactly(LifecycleStage.APPLIED, LifecycleStage.QUALIFIED, LifecycleStage.BRIEFED,
            LifecycleStage.AGREEMENT, LifecycleStage.ONBOARDING, LifecycleStage.ACTIVE, LifecycleStage.TERMINATING,
            LifecycleStage.TERMINATED);
    assertThat(history).extracting(LifecycleEvent::getEventType).containsSubsequence(
        "PLAN_REQUESTED", "PLAN_SUBMITTED", "PLAN_APPROVED", "CERTIFICATION_VERIFIED", "CERTIFICATION_VERIFIED",
        "SCORECARD_COMPUTED", "TIER_CHANGED", "SCORECARD_COMPUTED", "REMEDIATION_OPENED", "REMEDIATION_CHECKED",
        "TIER_CHANGED", "RENEWAL_OUTREACH", "AGREEMENT_SIGNED", "AGREEMENT_RENEWED", "TERMINATION_REQUESTED",
        "DEALS_RELEASED", "PORTAL_ACCESS_REVOKED", "FUNDS_SETTLED", "FINAL_STATEMENT_ISSUED", "RECORDS_ARCHIVED");
    assertThat(history.stream().filter(e -> e.getEventType().equals("TIER_CHANGED")).map(LifecycleEvent::getPayload))
        .satisfiesExactly(p -> assertThat(p).contains("\"targetTier\":\"SILVER\""),
            p -> assertThat(p).contains("\"targetTier\":\"REGISTERED\""));
    assertThat(terminations.find(partnerId).orElseThrow().getSettledAmount()).isEqualByComparingTo("5000.00");
  }

  private void onboard(long partnerId, String user) {
    awaitStage(partnerId, LifecycleStage.BRIEFED);
    steps.acknowledgeBrief(partnerId, user);
    awaitStage(partnerId, LifecycleStage.AGREEMENT);
    Agreement agreement = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    steps.signAgreement(partnerId, "Ada Longhaul", true, agreement.getDocumentSha256(), "192.0.2.10", user);
    completeTask(partnerId, "CountersignAgreement", Map.of("countersignDecision", "approve"));
    new org.partnerlifecycle.onboarding.OnboardingDriver(app, WAIT)
        .completeOnboarding(partnerId, "Longhaul Partners AB", user);
    awaitStage(partnerId, LifecycleStage.ACTIVE);
  }

  private void recordPerformance(long partnerId, String revenue) {
    planning.recordPerformance(partnerId, Periods.quarterOf(clock.instant()), new BigDecimal(revenue), 50, 3, 1,
        new BigDecimal("8.0"), 40);
  }

  private void wonDeals(long partnerId, int count) {
    for (int i = 0; i < count; i++) {
      DealRegistration deal = new DealRegistration(partnerId, "Won Customer " + i, "won customer " + i, null, null,
          "SE", "Data", new BigDecimal("100000"), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), clock.instant());
      deal.close(DealRegistration.Status.WON, null, clock.instant());
      deals.save(deal);
    }
  }

  /** Moves the engine's clock once the timer it is meant to fire is waiting (moving earlier would miss it). */
  private void moveClock(long lifecycle, String timerElementId, Duration duration) {
    new EngineRecords(engine).awaitPendingTimer(lifecycle, timerElementId, WAIT);
    engine.increaseTime(duration);
  }

  private UserTask awaitTask(long partnerId, String elementId) {
    return EngineRecords.await(() -> tasks.findByPartnerIdAndStateInOrderByCreatedAtAsc(partnerId, List.of(TaskState.OPEN))
        .stream().filter(t -> t.getElementId().equals(elementId)).findFirst(), WAIT, "open task " + elementId);
  }

  private void completeTask(long partnerId, String elementId, Map<String, Object> variables) {
    completeTask(awaitTask(partnerId, elementId), variables);
  }

  private void completeTask(UserTask task, Map<String, Object> variables) {
    userTasks.complete(task.getUserTaskKey(), variables);
    EngineRecords.await(() -> tasks.findById(task.getUserTaskKey()).filter(t -> t.getState() == TaskState.COMPLETED),
        WAIT, "completion of " + task.getElementId());
  }

  private void awaitStage(long partnerId, LifecycleStage stage) {
    EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getStage() == stage), WAIT,
        "partner in stage " + stage);
  }

  private Partner awaitTier(long partnerId, Tier tier) {
    return EngineRecords.await(() -> partners.findById(partnerId).filter(p -> p.getTier() == tier), WAIT,
        "partner at tier " + tier + "; history so far: " + history(partnerId));
  }

  private List<String> history(long partnerId) {
    return events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream()
        .map(e -> e.getEventType() + (e.getPayload() == null ? "" : e.getPayload())).toList();
  }

  private void awaitEvent(long partnerId, String type) {
    EngineRecords.await(() -> events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream()
        .filter(e -> e.getEventType().equals(type)).findFirst(), WAIT, "event " + type);
  }
}
