package org.partnerlifecycle.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerlifecycle.onboarding.TestPartners.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.audit.LifecycleEvent;
import org.partnerlifecycle.audit.LifecycleEventRepository;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.evaluation.Maturity;
import org.partnerlifecycle.evaluation.Remediation;
import org.partnerlifecycle.evaluation.RemediationRepository;
import org.partnerlifecycle.evaluation.ScorecardRepository;
import org.partnerlifecycle.notification.Notification;
import org.partnerlifecycle.notification.NotificationRepository;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.BusinessPlanRepository;
import org.partnerlifecycle.planning.Periods;
import org.partnerlifecycle.planning.PlanForm;
import org.partnerlifecycle.planning.PlanningService;
import org.partnerlifecycle.planning.QuarterlyReviewRepository;
import org.partnerlifecycle.termination.PartnerFund;
import org.partnerlifecycle.termination.PartnerFundRepository;
import org.partnerlifecycle.termination.TerminationService;
import org.partnerlifecycle.termination.TerminationTrigger;
import org.partnerlifecycle.workers.partnership.PartnershipPort;
import org.partnerlifecycle.workers.partnership.PartnershipPort.TierDecision;
import org.partnerlifecycle.workers.support.InvalidJobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The domain behind the active-partnership workers, on real persistence: each job's effect, and each job
 * delivered twice leaving one effect.
 */
@EmbeddedAppTest
class PartnershipJobsTest {

  @Autowired PartnershipPort port;
  @Autowired TestPartners testPartners;
  @Autowired PlanningService planning;
  @Autowired PartnerSteps steps;
  @Autowired TerminationService terminations;
  @Autowired PartnerRepository partners;
  @Autowired BusinessPlanRepository plans;
  @Autowired QuarterlyReviewRepository reviews;
  @Autowired ScorecardRepository scorecards;
  @Autowired RemediationRepository remediations;
  @Autowired AgreementRepository agreements;
  @Autowired DealRegistrationRepository deals;
  @Autowired PartnerFundRepository funds;
  @Autowired UserAccountRepository accounts;
  @Autowired LifecycleEventRepository events;
  @Autowired NotificationRepository notifications;
  @Autowired java.time.Clock clock;

  @Test
  void aPlanIsRequestedSubmittedLockedAndReviewedQuarterlyAgainstActuals() {
    long partnerId = testPartners.active("Planning Partners BV", Segment.RESELLER);
    JobRef request = job("partner-plan-request", "RequestPlan");
    port.requestPlan(partnerId, request);
    port.requestPlan(partnerId, request);
    assertThat(plans.findByPartnerIdOrderByPlanYearDesc(partnerId)).singleElement()
        .extracting(BusinessPlan::getStatus).isEqualTo(BusinessPlan.Status.REQUESTED);

    planning.submit(partnerId, new PlanForm(new BigDecimal("1200000"), 50, "Analytics, Backup", 12, 4, 6), "pat");
    port.lockPlan(partnerId, "Ambitious but fair", job("partner-plan-lock", "LockPlan"));
    BusinessPlan plan = plans.findFirstByPartnerIdOrderByPlanYearDesc(partnerId).orElseThrow();
    assertThat(plan.isLocked()).isTrue();
    assertThat(plan.getShareOfSalesTarget()).isEqualTo(50);
    assertThatThrownBy(() -> planning.submit(partnerId,
        new PlanForm(new BigDecimal("1"), 1, "x", 0, 0, 0), "pat"))
        .isInstanceOf(PartnerSteps.StepNotAvailable.class);

    String period = Periods.quarterOf(clock.instant());
    planning.recordPerformance(partnerId, period, new BigDecimal("310000"), 45, 3, 2, new BigDecimal("8.5"), 40);
    JobRef qbr = job("partner-qbr-record", "RecordQuarterlyReview");
    assertThat(port.recordQuarterlyReview(partnerId, qbr)).containsEntry("quarter", 1);
    assertThat(port.recordQuarterlyReview(partnerId, qbr)).containsEntry("quarter", 1);
    assertThat(port.recordQuarterlyReview(partnerId, job("partner-qbr-record", "RecordQuarterlyReview")))
        .containsEntry("quarter", 2);
    var first = reviews.findByPlanIdOrderByQuarter(plan.getId()).get(0);
    assertThat(first.getRevenueActual()).isEqualByComparingTo("310000");
    assertThat(first.getRevenueTarget()).isEqualByComparingTo("300000");
    assertThat(first.isDataMissing()).isFalse();
    assertThat(eventTypes(partnerId)).containsSubsequence("PLAN_REQUESTED", "PLAN_SUBMITTED", "PLAN_APPROVED",
        "QUARTERLY_REVIEW_RECORDED", "QUARTERLY_REVIEW_RECORDED");
    assertThat(eventTypes(partnerId).stream().filter("PLAN_REQUESTED"::equals)).hasSize(1);
  }

  @Test
  void theScorecardMeasuresTheAgreedMetricsRanksAndRatesMaturity() {
    long partnerId = testPartners.active("Scorecard Systems AG", Segment.SYSTEM_INTEGRATOR);
    port.requestPlan(partnerId, job("partner-plan-request", "RequestPlan"));
    planning.submit(partnerId, new PlanForm(new BigDecimal("1000000"), 50, "Cloud", 10, 2, 4), "pat");
    port.lockPlan(partnerId, null, job("partner-plan-lock", "LockPlan"));
    planning.recordPerformance(partnerId, Periods.quarterOf(clock.instant()), new BigDecimal("300000"), 55, 4, 2,
        new BigDecimal("9.0"), 50);
    closedDeal(partnerId, DealRegistration.Status.WON);
    closedDeal(partnerId, DealRegistration.Status.WON);
    closedDeal(partnerId, DealRegistration.Status.LOST);

    JobRef compute = job("partner-scorecard-compute", "ComputeScorecard");
    Map<String, Object> result = port.computeScorecard(partnerId, compute);
    port.computeScorecard(partnerId, compute);

    @SuppressWarnings("unchecked")
    Map<String, Object> scorecard = (Map<String, Object>) result.get("scorecard");
    assertThat(scorecard).containsEntry("revenueAttainment", 1.2).containsEntry("dealCloseRate", 0.667)
        .containsEntry("certifiedStaff", 0).containsEntry("requiredCertifiedStaff", 0)
        .containsEntry("customerSatisfaction", 9.0).containsEntry("currentTier", "REGISTERED")
        .containsEntry("nonProductive", false);
    assertThat((Double) scorecard.get("marketPenetration")).isBetween(0.0, 1.0).isPositive();
    var stored = scorecards.findByPartnerIdOrderByEvaluatedAtDescIdDesc(partnerId);
    assertThat(stored).hasSize(1);
    assertThat(stored.get(0).getMaturity()).isIn(Maturity.OPTIMIZED, Maturity.STRATEGIC);
    assertThat(stored.get(0).getCategoryRank()).isBetween(1, stored.get(0).getCategorySize());

    port.applyTierChange(partnerId, new TierDecision("promote", "SILVER", "Attainment 120%"),
        job("partner-tier-apply", "ApplyTierChange"));
    assertThat(partners.findById(partnerId).orElseThrow().getTier()).isEqualTo(Tier.SILVER);
    LifecycleEvent changed = events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream()
        .filter(e -> e.getEventType().equals("TIER_CHANGED")).findFirst().orElseThrow();
    assertThat(changed.getPayload()).contains("\"fromTier\":\"REGISTERED\"", "\"targetTier\":\"SILVER\"");
    assertThat(scorecards.findFirstByPartnerIdOrderByEvaluatedAtDescIdDesc(partnerId).orElseThrow().getOutcome())
        .isEqualTo("APPLIED");
  }

  @Test
  void aDemotionOpensARemediationWindowWithAPlanAndTakesEffectOnlyWhenApplied() {
    long partnerId = testPartners.active("Remedy Resellers Ltd", Segment.RESELLER);
    port.applyTierChange(partnerId, new TierDecision("promote", "GOLD", "seed"), job("partner-tier-apply", "ApplyTierChange"));
    port.computeScorecard(partnerId, job("partner-scorecard-compute", "ComputeScorecard"));

    TierDecision demote = new TierDecision("demote", "SILVER", "Certified staff below Gold's requirement");
    JobRef open = job("partner-remediation-open", "OpenRemediation");
    port.openRemediation(partnerId, demote, open);
    port.openRemediation(partnerId, demote, open);

    Remediation remediation = remediations.findByPartnerIdOrderByOpenedAtDesc(partnerId).get(0);
    assertThat(remediations.findByPartnerIdOrderByOpenedAtDesc(partnerId)).hasSize(1);
    assertThat(remediation.getStatus()).isEqualTo(Remediation.Status.OPEN);
    assertThat(remediation.getPlan()).contains("certify 5 more people");
    assertThat(remediation.getWindowEndsAt()).isBetween(clock.instant().plusSeconds(59L * 86400),
        clock.instant().plusSeconds(61L * 86400));
    assertThat(partners.findById(partnerId).orElseThrow().getTier()).isEqualTo(Tier.GOLD);

    port.applyTierChange(partnerId, demote, job("partner-tier-apply", "ApplyDemotion"));
    assertThat(partners.findById(partnerId).orElseThrow().getTier()).isEqualTo(Tier.SILVER);
    assertThat(remediations.findById(remediation.getId()).orElseThrow().getStatus()).isEqualTo(Remediation.Status.DEMOTED);
    assertThat(templates(partnerId)).contains("remediation-opened", "tier-changed");
  }

  @Test
  void theRenewalIsScheduledBeforeExpiryOnTheCurrentTiersTermsAndRunsFromTheOldExpiry() {
    long partnerId = testPartners.active("Renewal Routes GmbH", Segment.MSP);
    Agreement initial = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();

    Map<String, Object> schedule = port.scheduleRenewal(partnerId, job("partner-renewal-schedule", "ScheduleRenewal"));
    Instant expires = Instant.parse((String) schedule.get("agreementExpiresAt"));
    Instant outreach = Instant.parse((String) schedule.get("renewalOutreachAt"));
    assertThat(expires).isEqualTo(initial.getExpiresOn().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    assertThat(java.time.Duration.between(outreach, expires).toDays()).isEqualTo(120);

    port.applyTierChange(partnerId, new TierDecision("promote", "SILVER", "seed"), job("partner-tier-apply", "ApplyTierChange"));
    JobRef outreachJob = job("partner-renewal-outreach", "StartRenewalOutreach");
    port.startRenewalOutreach(partnerId, outreachJob);
    port.startRenewalOutreach(partnerId, outreachJob);
    Agreement renewal = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    assertThat(renewal.getKind()).isEqualTo(Agreement.Kind.RENEWAL);
    assertThat(renewal.getTier()).isEqualTo(Tier.SILVER);
    assertThat(agreements.findByPartnerIdOrderByRevisionAsc(partnerId)).hasSize(2);

    steps.signAgreement(partnerId, "Pat Contact", true, renewal.getDocumentSha256(), "198.51.100.4", "pat");
    port.activateRenewal(partnerId, job("partner-renewal-activate", "ActivateRenewal"));

    Agreement active = agreements.findById(renewal.getId()).orElseThrow();
    assertThat(active.getStatus()).isEqualTo(Agreement.Status.ACTIVE);
    assertThat(active.getEffectiveFrom()).isEqualTo(initial.getExpiresOn());
    assertThat(active.getExpiresOn()).isEqualTo(initial.getExpiresOn().plusMonths(24));
    assertThat(agreements.findById(initial.getId()).orElseThrow().getStatus()).isEqualTo(Agreement.Status.EXPIRED);
  }

  @Test
  void offboardingReleasesDealsFreezesAndSettlesFundsRevokesAccessAndStatesTheEndOnce() {
    long partnerId = testPartners.active("Farewell Integrators Oy", Segment.SYSTEM_INTEGRATOR);
    funds.save(new PartnerFund(partnerId, new BigDecimal("1234.50")));
    DealRegistration open = deals.save(new DealRegistration(partnerId, "Acme Oy", "acme", "acme.fi", null, "FI",
        "Analytics", new BigDecimal("50000"), LocalDate.now().plusMonths(2), Instant.now()));
    accounts.save(UserAccount.partnerUser("colleague+" + partnerId + "@farewell.example", "Colleague",
        "colleague@farewell.example", partnerId, Instant.now()));

    terminations.request(partnerId, TerminationTrigger.FOR_CAUSE, "Repeated breach of the discount policy",
        new Actor(org.partnerlifecycle.audit.ActorType.STAFF, "manager"), ProcessRef.NONE);
    terminations.request(partnerId, TerminationTrigger.FOR_CAUSE, "asked twice", Actor.system(), ProcessRef.NONE);

    JobRef[] offboarding = {job("partner-deals-reassign", "ReassignOpenDeals"), job("partner-funds-freeze", "FreezeFunds"),
        job("partner-portal-revoke", "RevokePortalAccess"), job("partner-funds-settle", "SettleFunds"),
        job("partner-final-statement", "IssueFinalStatement"), job("partner-archive", "ArchiveRecords")};
    for (int delivery = 0; delivery < 2; delivery++) {
      port.releaseOpenDeals(partnerId, offboarding[0]);
      port.freezeFunds(partnerId, offboarding[1]);
      port.revokePortalAccess(partnerId, offboarding[2]);
      port.settleFunds(partnerId, offboarding[3]);
      port.issueFinalStatement(partnerId, offboarding[4]);
      port.archiveRecords(partnerId, offboarding[5]);
    }

    assertThat(deals.findById(open.getId()).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.RELEASED);
    assertThat(funds.findById(partnerId).orElseThrow().getBalance()).isEqualByComparingTo("0");
    assertThat(accounts.findByPartnerIdOrderByUsername(partnerId)).isNotEmpty().noneMatch(UserAccount::isEnabled);
    var termination = terminations.find(partnerId).orElseThrow();
    assertThat(termination.getReason()).isEqualTo("Repeated breach of the discount policy");
    assertThat(termination.getSettledAmount()).isEqualByComparingTo("1234.50");
    assertThat(termination.getFinalStatement()).contains("Farewell Integrators Oy", "FOR_CAUSE",
        "Deal registrations released for reassignment: 1", "1234.50");
    assertThat(termination.getArchivedAt()).isNotNull();
    assertThat(eventTypes(partnerId)).containsSubsequence("TERMINATION_REQUESTED", "DEALS_RELEASED", "FUNDS_FROZEN",
        "PORTAL_ACCESS_REVOKED", "FUNDS_SETTLED", "FINAL_STATEMENT_ISSUED", "RECORDS_ARCHIVED");
    assertThat(eventTypes(partnerId).stream().filter("TERMINATION_REQUESTED"::equals)).hasSize(1);
    assertThat(eventTypes(partnerId).stream().filter("FUNDS_SETTLED"::equals)).hasSize(1);
    assertThat(templates(partnerId).stream().filter("final-statement"::equals)).hasSize(1);
  }

  @Test
  void badJobInputIsAnIncidentNotARetry() {
    long partnerId = testPartners.active("Strict Input SA", Segment.DISTRIBUTOR);
    assertThatThrownBy(() -> port.applyTierChange(partnerId, new TierDecision("promote", "DIAMOND", "?"),
        job("partner-tier-apply", "ApplyTierChange"))).isInstanceOf(InvalidJobInput.class).hasMessageContaining("DIAMOND");
    assertThatThrownBy(() -> port.requestTermination(partnerId, "BORED", "no", job("partner-termination-request", "RequestTermination")))
        .isInstanceOf(InvalidJobInput.class).hasMessageContaining("BORED");
    assertThatThrownBy(() -> port.lapseCertification(-5, job("partner-certification-lapse", "LapseCertification")))
        .isInstanceOf(InvalidJobInput.class);
  }

  private void closedDeal(long partnerId, DealRegistration.Status outcome) {
    DealRegistration deal = new DealRegistration(partnerId, "Customer " + outcome, "customer", null, null, "DE",
        "Cloud", new BigDecimal("10000"), LocalDate.now(), clock.instant());
    deal.close(outcome, null, clock.instant());
    deals.save(deal);
  }

  private List<String> eventTypes(long partnerId) {
    return events.findByPartnerIdOrderByOccurredAtAscIdAsc(partnerId).stream().map(LifecycleEvent::getEventType).toList();
  }

  private List<String> templates(long partnerId) {
    return notifications.findByPartnerIdOrderByIdAsc(partnerId).stream().map(Notification::getTemplate).toList();
  }
}
