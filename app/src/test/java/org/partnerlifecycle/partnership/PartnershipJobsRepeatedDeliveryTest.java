package org.partnerlifecycle.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerlifecycle.onboarding.TestPartners.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.partnerlifecycle.DeliveredTwice;
import org.partnerlifecycle.EmbeddedAppTest;
import org.partnerlifecycle.RepeatedDelivery;
import org.partnerlifecycle.RepeatedDelivery.Effects;
import org.partnerlifecycle.account.UserAccount;
import org.partnerlifecycle.account.UserAccountRepository;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.evaluation.Remediation;
import org.partnerlifecycle.evaluation.RemediationRepository;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.onboarding.AgreementRepository;
import org.partnerlifecycle.onboarding.PartnerSteps;
import org.partnerlifecycle.onboarding.TestPartners;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.PartnerRepository;
import org.partnerlifecycle.partner.Segment;
import org.partnerlifecycle.partner.Tier;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.BusinessPlanRepository;
import org.partnerlifecycle.planning.PlanForm;
import org.partnerlifecycle.planning.PlanningService;
import org.partnerlifecycle.termination.PartnerFund;
import org.partnerlifecycle.termination.PartnerFundRepository;
import org.partnerlifecycle.termination.TerminationService;
import org.partnerlifecycle.workers.partnership.PartnershipPort;
import org.partnerlifecycle.workers.partnership.PartnershipPort.TierDecision;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Zeebe delivers a job at least once: every job of the active partnership handled twice leaves exactly the one
 * record, audit event and mail of a single delivery, and completes with the same variables.
 */
@EmbeddedAppTest
@ExtendWith(OutputCaptureExtension.class)
class PartnershipJobsRepeatedDeliveryTest {

  static final AtomicInteger names = new AtomicInteger();

  @Autowired PartnershipPort port;
  @Autowired RepeatedDelivery delivery;
  @Autowired TestPartners testPartners;
  @Autowired PlanningService planning;
  @Autowired PartnerSteps steps;
  @Autowired TerminationService terminations;
  @Autowired PartnerRepository partners;
  @Autowired BusinessPlanRepository plans;
  @Autowired RemediationRepository remediations;
  @Autowired AgreementRepository agreements;
  @Autowired DealRegistrationRepository deals;
  @Autowired PartnerFundRepository funds;
  @Autowired UserAccountRepository accounts;

  private long activePartner(String name) {
    return testPartners.active(name + " " + names.incrementAndGet(), Segment.RESELLER);
  }

  @Test
  @DeliveredTwice({"partner-plan-request", "partner-plan-lock", "partner-qbr-record"})
  void planningJobsTwiceOverLeaveOnePlanOneReviewOneEventOneMail() {
    long partnerId = activePartner("Twice Planned BV");

    Effects requested = delivery.twice(partnerId, job("partner-plan-request", "RequestPlan"),
        j -> port.requestPlan(partnerId, j));
    assertThat(requested.events()).containsExactly("PLAN_REQUESTED");
    assertThat(requested.templates()).containsExactly("plan-requested");
    assertThat(requested.rows()).containsExactly(Map.entry("business_plan", 1L));

    planning.submit(partnerId, new PlanForm(new BigDecimal("900000"), 40, "Analytics", 8, 3, 4), "pat");
    Effects locked = delivery.twice(partnerId, job("partner-plan-lock", "LockPlan"),
        j -> port.lockPlan(partnerId, "Agreed", j));
    assertThat(locked.events()).containsExactly("PLAN_APPROVED");
    assertThat(locked.templates()).containsExactly("plan-approved");
    assertThat(locked.rows()).isEmpty();
    assertThat(plans.findFirstByPartnerIdOrderByPlanYearDesc(partnerId).orElseThrow().getStatus())
        .isEqualTo(BusinessPlan.Status.APPROVED);

    var reviewed = delivery.twiceReturning(partnerId, job("partner-qbr-record", "RecordQuarterlyReview"),
        j -> port.recordQuarterlyReview(partnerId, j));
    assertThat(reviewed.result()).containsEntry("quarter", 1);
    assertThat(reviewed.effects().events()).containsExactly("QUARTERLY_REVIEW_RECORDED");
    assertThat(reviewed.effects().mails()).isEmpty();
    assertThat(reviewed.effects().rows()).containsExactly(Map.entry("quarterly_review", 1L));
  }

  @Test
  @DeliveredTwice({"partner-scorecard-compute", "partner-evaluation-record", "partner-tier-apply",
      "partner-remediation-open", "partner-remediation-check", "partner-remediation-close", "partner-support-only"})
  void evaluationJobsTwiceOverLeaveOneScorecardOneRemediationOneEventOneMail() {
    long partnerId = activePartner("Twice Evaluated GmbH");

    var computed = delivery.twiceReturning(partnerId, job("partner-scorecard-compute", "ComputeScorecard"),
        j -> port.computeScorecard(partnerId, j));
    assertThat(computed.result()).containsKey("scorecard");
    assertThat(computed.effects().events()).containsExactly("SCORECARD_COMPUTED");
    assertThat(computed.effects().mails()).isEmpty();
    assertThat(computed.effects().rows()).containsExactly(Map.entry("scorecard", 1L));

    Effects evaluated = delivery.twice(partnerId, job("partner-evaluation-record", "RecordEvaluation"),
        j -> port.recordEvaluation(partnerId, new TierDecision("keep", "REGISTERED", "Steady"), j));
    assertThat(evaluated.events()).containsExactly("EVALUATED");
    assertThat(evaluated.mails()).isEmpty();
    assertThat(evaluated.rows()).isEmpty();

    Effects promoted = delivery.twice(partnerId, job("partner-tier-apply", "ApplyTierChange"),
        j -> port.applyTierChange(partnerId, new TierDecision("promote", "SILVER", "Attainment 120%"), j));
    assertThat(promoted.events()).containsExactly("TIER_CHANGED");
    assertThat(promoted.templates()).containsExactly("tier-changed");
    assertThat(partners.findById(partnerId).orElseThrow().getTier()).isEqualTo(Tier.SILVER);

    TierDecision demote = new TierDecision("demote", "REGISTERED", "Certified staff below Silver's requirement");
    Effects opened = delivery.twice(partnerId, job("partner-remediation-open", "OpenRemediation"),
        j -> port.openRemediation(partnerId, demote, j));
    assertThat(opened.events()).containsExactly("REMEDIATION_OPENED");
    assertThat(opened.templates()).containsExactly("remediation-opened");
    assertThat(opened.rows()).containsExactly(Map.entry("remediation", 1L));

    var checked = delivery.twiceReturning(partnerId, job("partner-remediation-check", "CheckRecovery"),
        j -> port.checkRecovery(partnerId, demote, j));
    assertThat(checked.result()).containsKey("recovered");
    assertThat(checked.effects().events()).containsExactly("REMEDIATION_CHECKED");
    assertThat(checked.effects().mails()).isEmpty();
    assertThat(checked.effects().rows()).as("the fresh scorecard").containsExactly(Map.entry("scorecard", 1L));

    Effects closed = delivery.twice(partnerId, job("partner-remediation-close", "CloseRemediation"),
        j -> port.closeRemediation(partnerId, j));
    assertThat(closed.events()).containsExactly("REMEDIATION_CLOSED");
    assertThat(closed.templates()).containsExactly("remediation-closed");
    assertThat(remediations.findByPartnerIdOrderByOpenedAtDesc(partnerId)).singleElement()
        .extracting(Remediation::getStatus).isEqualTo(Remediation.Status.RECOVERED);

    Effects supportOnly = delivery.twice(partnerId, job("partner-support-only", "SetSupportOnly"),
        j -> port.setSupportOnly(partnerId, "No deals in four quarters", j));
    assertThat(supportOnly.events()).containsExactly("SUPPORT_ONLY");
    assertThat(supportOnly.templates()).containsExactly("support-only");
    assertThat(partners.findById(partnerId).orElseThrow().isSupportOnly()).isTrue();
  }

  @Test
  @DeliveredTwice({"partner-renewal-schedule", "partner-renewal-outreach", "partner-suspend", "partner-renewal-activate"})
  void renewalJobsTwiceOverLeaveOneRenewalOneStageChangeOneMail() {
    long partnerId = activePartner("Twice Renewed Oy");

    var scheduled = delivery.twiceReturning(partnerId, job("partner-renewal-schedule", "ScheduleRenewal"),
        j -> port.scheduleRenewal(partnerId, j));
    assertThat(scheduled.result()).containsKeys("renewalOutreachAt", "agreementExpiresAt");
    assertThat(scheduled.effects()).isEqualTo(new Effects(List.of(), List.of(), Map.of()));

    Effects outreach = delivery.twice(partnerId, job("partner-renewal-outreach", "StartRenewalOutreach"),
        j -> port.startRenewalOutreach(partnerId, j));
    assertThat(outreach.events()).containsExactly("RENEWAL_OUTREACH");
    assertThat(outreach.templates()).containsExactly("renewal-ready");
    assertThat(outreach.rows()).containsExactly(Map.entry("agreement", 1L));

    Effects suspended = delivery.twice(partnerId, job("partner-suspend", "Suspend"),
        j -> port.suspend(partnerId, j));
    assertThat(suspended.events()).containsExactly("STAGE_CHANGED");
    assertThat(suspended.templates()).containsExactly("suspended");
    assertThat(partners.findById(partnerId).orElseThrow().getStage()).isEqualTo(LifecycleStage.SUSPENDED);

    Agreement renewal = agreements.findFirstByPartnerIdOrderByRevisionDesc(partnerId).orElseThrow();
    steps.signAgreement(partnerId, "Pat Contact", true, renewal.getDocumentSha256(), "198.51.100.4", "pat");
    Effects renewed = delivery.twice(partnerId, job("partner-renewal-activate", "ActivateRenewal"),
        j -> port.activateRenewal(partnerId, j));
    assertThat(renewed.events()).containsExactly("STAGE_CHANGED", "AGREEMENT_RENEWED");
    assertThat(renewed.templates()).containsExactly("renewed");
    assertThat(renewed.rows()).isEmpty();
    assertThat(partners.findById(partnerId).orElseThrow().getStage()).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(agreements.findById(renewal.getId()).orElseThrow().getStatus()).isEqualTo(Agreement.Status.ACTIVE);
  }

  @Test
  @DeliveredTwice({"partner-termination-request", "partner-deals-reassign", "partner-funds-freeze",
      "partner-portal-revoke", "partner-funds-settle", "partner-final-statement", "partner-archive"})
  void terminationAndOffboardingTwiceOverLeaveOneTerminationOneEventEachOneStatement(CapturedOutput output) {
    long partnerId = activePartner("Twice Offboarded SA");
    funds.save(new PartnerFund(partnerId, new BigDecimal("500.00")));
    DealRegistration open = deals.save(new DealRegistration(partnerId, "Open Customer", "open customer", null, null,
        "FR", "Analytics", new BigDecimal("20000"), LocalDate.now().plusMonths(2), Instant.now()));
    accounts.save(UserAccount.partnerUser("colleague+" + partnerId + "@twice.example", "Colleague",
        "colleague+" + partnerId + "@twice.example", partnerId, Instant.now()));

    Effects requested = delivery.twice(partnerId, job("partner-termination-request", "RequestTermination"),
        j -> port.requestTermination(partnerId, "NON_PRODUCTIVE", "Non-productive partner", j));
    assertThat(requested.events()).containsExactly("TERMINATION_REQUESTED");
    assertThat(requested.mails()).isEmpty();
    assertThat(requested.rows()).containsExactly(Map.entry("termination", 1L));
    long terminationId = terminations.find(partnerId).orElseThrow().getId();
    // the lifecycle process is told once: the engine refuses the second message with the same id
    assertThat(output.getAll()).contains("Message partner-termination-requested for " + partnerId + " (id termination-"
        + terminationId + ") was published before: not correlated again");

    record Step(String type, String elementId, java.util.function.Consumer<JobRef> job, String event) {}
    List<Step> offboarding = List.of(
        new Step("partner-deals-reassign", "ReassignOpenDeals", j -> port.releaseOpenDeals(partnerId, j), "DEALS_RELEASED"),
        new Step("partner-funds-freeze", "FreezeFunds", j -> port.freezeFunds(partnerId, j), "FUNDS_FROZEN"),
        new Step("partner-portal-revoke", "RevokePortalAccess", j -> port.revokePortalAccess(partnerId, j), "PORTAL_ACCESS_REVOKED"),
        new Step("partner-funds-settle", "SettleFunds", j -> port.settleFunds(partnerId, j), "FUNDS_SETTLED"),
        new Step("partner-final-statement", "IssueFinalStatement", j -> port.issueFinalStatement(partnerId, j), "FINAL_STATEMENT_ISSUED"),
        new Step("partner-archive", "ArchiveRecords", j -> port.archiveRecords(partnerId, j), "RECORDS_ARCHIVED"));
    for (Step step : offboarding) {
      Effects effects = delivery.twice(partnerId, job(step.type(), step.elementId()), step.job());
      assertThat(effects.events()).as(step.type()).containsExactly(step.event());
      assertThat(effects.templates()).as(step.type())
          .isEqualTo(step.type().equals("partner-final-statement") ? List.of("final-statement") : List.of());
      assertThat(effects.rows()).as(step.type()).isEmpty();
    }

    assertThat(deals.findById(open.getId()).orElseThrow().getStatus()).isEqualTo(DealRegistration.Status.RELEASED);
    assertThat(funds.findById(partnerId).orElseThrow().getBalance()).isEqualByComparingTo("0");
    assertThat(terminations.find(partnerId).orElseThrow().getSettledAmount()).isEqualByComparingTo("500.00");
    assertThat(accounts.findByPartnerIdOrderByUsername(partnerId)).isNotEmpty().noneMatch(UserAccount::isEnabled);
  }
}
