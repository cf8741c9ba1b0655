package org.partnerlifecycle.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partnerlifecycle.certification.CertificationService;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.Tier;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.BusinessPlanRepository;
import org.partnerlifecycle.planning.PartnerPerformance;
import org.partnerlifecycle.planning.PartnerPerformanceRepository;
import org.partnerlifecycle.planning.Periods;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Formal evaluation on agreed metrics: revenue against the plan's target, close rate of registered deals, market
 * penetration in the segment, certified staff, customer satisfaction. The tier decision itself is the DMN
 * {@code partner-tier}; this service gathers its input, keeps the scorecard, ranks the partner in its category and
 * rates the relationship's maturity.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class EvaluationService {

  public static final String TIER_DECISION = "partner-tier";

  private final ScorecardRepository scorecards;
  private final RemediationRepository remediations;
  private final PartnerPerformanceRepository performance;
  private final BusinessPlanRepository plans;
  private final DealRegistrationRepository deals;
  private final CertificationService certifications;
  private final PartnerService partners;
  private final CamundaClient client;
  private final ObjectMapper json;
  private final Clock clock;

  EvaluationService(ScorecardRepository scorecards, RemediationRepository remediations,
      PartnerPerformanceRepository performance, BusinessPlanRepository plans, DealRegistrationRepository deals,
      CertificationService certifications, PartnerService partners, CamundaClient client, ObjectMapper json,
      Clock clock) {
    this.scorecards = scorecards;
    this.remediations = remediations;
    this.performance = performance;
    this.plans = plans;
    this.deals = deals;
    this.certifications = certifications;
    this.partners = partners;
    this.client = client;
    this.json = json;
    this.clock = clock;
  }

  /** Computes and stores this quarter's scorecard (once per job). */
  public Scorecard computeScorecard(long partnerId, String idempotencyKey) {
    return scorecards.findByIdempotencyKey(idempotencyKey).orElseGet(() -> {
      Partner partner = partners.get(partnerId);
      String period = Periods.quarterOf(clock.instant());
      Scorecard.Metrics metrics = metrics(partner);
      int better = (int) scorecards.countBetterInCategory(partner.getSegment(), period, metrics.compositeScore());
      int size = (int) scorecards.countInCategory(partner.getSegment(), period) + 1;
      return scorecards.save(new Scorecard(partnerId, period, metrics, tierOf(partner), better + 1, size,
          idempotencyKey, clock.instant()));
    });
  }

  /** The scorecard as the DMN reads it. */
  public static Map<String, Object> decisionInput(Scorecard s) {
    Map<String, Object> in = new LinkedHashMap<>();
    in.put("revenueAttainment", s.getRevenueAttainment().doubleValue());
    in.put("dealCloseRate", s.getDealCloseRate().doubleValue());
    in.put("marketPenetration", s.getMarketPenetration().doubleValue());
    in.put("certifiedStaff", s.getCertifiedStaff());
    in.put("requiredCertifiedStaff", s.getRequiredCertifiedStaff());
    in.put("customerSatisfaction", s.getCustomerSatisfaction().doubleValue());
    in.put("currentTier", s.getCurrentTier().name());
    in.put("nonProductive", s.isNonProductive());
    return in;
  }

  Scorecard.Metrics metrics(Partner partner) {
    long partnerId = partner.getId();
    List<PartnerPerformance> quarters = performance.findTop4ByPartnerIdOrderByPeriodDesc(partnerId);
    BigDecimal revenue = quarters.stream().map(PartnerPerformance::getRevenue).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal annualised = quarters.isEmpty() ? BigDecimal.ZERO
        : revenue.multiply(BigDecimal.valueOf(4)).divide(BigDecimal.valueOf(quarters.size()), 2, RoundingMode.HALF_UP);
    BigDecimal target = plans.findFirstByPartnerIdAndStatusOrderByPlanYearDesc(partnerId, BusinessPlan.Status.APPROVED)
        .map(BusinessPlan::getRevenueTarget).orElse(null);
    BigDecimal attainment = target == null || target.signum() <= 0 ? BigDecimal.ZERO
        : annualised.divide(target, 3, RoundingMode.HALF_UP);

    var yearAgo = clock.instant().minus(Duration.ofDays(365));
    long won = deals.countByPartnerIdAndStatusAndClosedAtAfter(partnerId, DealRegistration.Status.WON, yearAgo);
    long lost = deals.countByPartnerIdAndStatusAndClosedAtAfter(partnerId, DealRegistration.Status.LOST, yearAgo);
    BigDecimal closeRate = won + lost == 0 ? BigDecimal.ZERO
        : BigDecimal.valueOf(won).divide(BigDecimal.valueOf(won + lost), 3, RoundingMode.HALF_UP);

    BigDecimal penetration = BigDecimal.ZERO;
    BigDecimal satisfaction = BigDecimal.ZERO;
    if (!quarters.isEmpty()) {
      PartnerPerformance latest = quarters.get(0);
      long segmentTotal = performance.segmentCustomersInPeriod(partner.getSegment(), latest.getPeriod());
      penetration = segmentTotal == 0 ? BigDecimal.ZERO
          : BigDecimal.valueOf(latest.getSegmentCustomers()).divide(BigDecimal.valueOf(segmentTotal), 3, RoundingMode.HALF_UP);
      satisfaction = latest.getCustomerSatisfaction();
    }
    int certified = certifications.certifiedStaff(partnerId);
    int required = CertificationService.requiredCertifiedStaff(tierOf(partner));
    // non-productive needs evidence: at least two quarters of data, almost no revenue and no won deal
    boolean nonProductive = quarters.size() >= 2 && attainment.compareTo(new BigDecimal("0.1")) < 0 && won == 0;

    double composite = 40 * Math.min(attainment.doubleValue(), 1.5) / 1.5
        + 20 * closeRate.doubleValue()
        + 15 * Math.min(penetration.doubleValue() * 5, 1.0)
        + 15 * Math.min((double) certified / Math.max(required, 1), 1.0)
        + 10 * satisfaction.doubleValue() / 10;
    return new Scorecard.Metrics(attainment, closeRate, penetration, certified, required, satisfaction, nonProductive,
        (int) Math.round(composite));
  }

  public Scorecard latest(long partnerId) {
    return scorecards.findFirstByPartnerIdOrderByEvaluatedAtDescIdDesc(partnerId)
        .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " has no scorecard"));
  }

  /** Records what became of the latest scorecard's decision (if the change came from one). */
  public void recordOutcome(long partnerId, String action, String targetTier, String reason, String outcome) {
    scorecards.findFirstByPartnerIdOrderByEvaluatedAtDescIdDesc(partnerId).ifPresent(s ->
        s.decided(action, targetTier == null ? null : Tier.valueOf(targetTier), reason, outcome));
  }

  public Tier applyTier(long partnerId, Tier target) {
    Partner partner = partners.get(partnerId);
    Tier from = tierOf(partner);
    partner.setTier(target);
    remediations.findFirstByPartnerIdAndStatusOrderByOpenedAtDesc(partnerId, Remediation.Status.OPEN)
        .ifPresent(r -> r.close(Remediation.Status.DEMOTED, clock.instant()));
    return from;
  }

  public Remediation openRemediation(long partnerId, Tier target, Duration window, String idempotencyKey) {
    return remediations.findByIdempotencyKey(idempotencyKey).orElseGet(() -> {
      Scorecard scorecard = latest(partnerId);
      return remediations.save(new Remediation(partnerId, scorecard.getId(), target, remediationPlan(scorecard),
          clock.instant().plus(window), idempotencyKey, clock.instant()));
    });
  }

  static String remediationPlan(Scorecard s) {
    StringBuilder plan = new StringBuilder("To keep tier ").append(s.getCurrentTier()).append(":");
    if (s.getRevenueAttainment().compareTo(BigDecimal.ONE) < 0) {
      plan.append(" raise revenue towards the plan's target (now ")
          .append(s.getRevenueAttainment().movePointRight(2).setScale(0, RoundingMode.HALF_UP)).append("%);");
    }
    if (s.getCertifiedStaff() < s.getRequiredCertifiedStaff()) {
      plan.append(" certify ").append(s.getRequiredCertifiedStaff() - s.getCertifiedStaff()).append(" more people;");
    }
    if (s.getDealCloseRate().compareTo(new BigDecimal("0.3")) < 0) {
      plan.append(" register and close more deals (close rate ")
          .append(s.getDealCloseRate().movePointRight(2).setScale(0, RoundingMode.HALF_UP)).append("%);");
    }
    plan.append(" agree actions with your channel manager at the next review.");
    return plan.toString();
  }

  /**
   * At the end of a remediation window: has the partner recovered? Asks the same DMN on fresh metrics, so the
   * rules for recovery are the rules for demotion.
   */
  public boolean recovered(long partnerId, String idempotencyKey) {
    Scorecard fresh = computeScorecard(partnerId, idempotencyKey);
    var result = client.newEvaluateDecisionCommand().decisionId(TIER_DECISION)
        .variables(Map.of("scorecard", decisionInput(fresh))).send().join();
    Object action;
    try {
      action = json.readValue(result.getDecisionOutput(), Map.class).get("action");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tier decision returned unreadable output: " + result.getDecisionOutput(), e);
    }
    return !"demote".equals(action) && !"non-productive".equals(action);
  }

  public void closeRemediation(long partnerId) {
    remediations.findFirstByPartnerIdAndStatusOrderByOpenedAtDesc(partnerId, Remediation.Status.OPEN)
        .ifPresent(r -> r.close(Remediation.Status.RECOVERED, clock.instant()));
  }

  static Tier tierOf(Partner partner) {
    return partner.getTier() == null ? Tier.REGISTERED : partner.getTier();
  }
}
