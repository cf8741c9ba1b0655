package org.partnerlifecycle.planning;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.partnerlifecycle.audit.ActorType;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.certification.CertificationService;
import org.partnerlifecycle.onboarding.PartnerSteps.StepNotAvailable;
import org.partnerlifecycle.onboarding.ProcessGateway;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Joint business planning: a plan each year, drafted by the partner, approved and locked, reviewed quarterly. */
@Service
public class PlanningService {

  public static final String PLAN_SUBMITTED = "partner-plan-submitted";

  private final BusinessPlanRepository plans;
  private final QuarterlyReviewRepository reviews;
  private final PartnerPerformanceRepository performance;
  private final CertificationService certifications;
  private final PartnerService partners;
  private final ProcessGateway processes;
  private final TransactionTemplate tx;
  private final Validator validator;
  private final Clock clock;

  PlanningService(BusinessPlanRepository plans, QuarterlyReviewRepository reviews,
      PartnerPerformanceRepository performance, CertificationService certifications, PartnerService partners,
      ProcessGateway processes, TransactionTemplate tx, Validator validator, Clock clock) {
    this.plans = plans;
    this.reviews = reviews;
    this.performance = performance;
    this.certifications = certifications;
    this.partners = partners;
    this.processes = processes;
    this.tx = tx;
    this.validator = validator;
    this.clock = clock;
  }

  /** A new plan to draft: for this calendar year, or the next one once this year's plan is approved. */
  @Transactional(propagation = Propagation.MANDATORY)
  public BusinessPlan requestPlan(long partnerId, String idempotencyKey) {
    return plans.findByIdempotencyKey(idempotencyKey).orElseGet(() -> {
      int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
      var latest = plans.findFirstByPartnerIdOrderByPlanYearDesc(partnerId);
      if (latest.isPresent() && latest.get().getPlanYear() >= year) {
        if (!latest.get().isLocked()) {
          return latest.get(); // still being drafted: ask for that one
        }
        year = latest.get().getPlanYear() + 1;
      }
      return plans.save(new BusinessPlan(partnerId, year, idempotencyKey, clock.instant()));
    });
  }

  /** The partner submits (or resubmits after requested changes) the plan's targets. */
  public BusinessPlan submit(long partnerId, PlanForm form, String username) {
    var violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    BusinessPlan plan = tx.execute(s -> {
      BusinessPlan current = plans.findFirstByPartnerIdOrderByPlanYearDesc(partnerId)
          .filter(p -> !p.isLocked())
          .orElseThrow(() -> new StepNotAvailable("There is no business plan open for drafting."));
      current.submit(form, username, clock.instant());
      BusinessPlan saved = plans.saveAndFlush(current);
      partners.recordEvent(partnerId, "PLAN_SUBMITTED", new Actor(ActorType.PARTNER_USER, username), ProcessRef.NONE,
          Map.of("planYear", saved.getPlanYear(), "revenueTarget", form.revenueTarget()), null);
      return saved;
    });
    processes.publish(PLAN_SUBMITTED, partnerId, "plan-" + plan.getId() + "-v" + plan.getVersion(), Map.of());
    return plan;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public BusinessPlan lock(long partnerId, String comments) {
    BusinessPlan plan = plans.findFirstByPartnerIdOrderByPlanYearDesc(partnerId)
        .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " has no business plan to lock"));
    if (!plan.isLocked()) {
      if (plan.getStatus() != BusinessPlan.Status.SUBMITTED) {
        throw new IllegalStateException("business plan " + plan.getId() + " was never submitted");
      }
      plan.approve(comments, clock.instant());
    }
    return plan;
  }

  /** Records the next quarter's review of the approved plan; the same job again returns the same review. */
  @Transactional(propagation = Propagation.MANDATORY)
  public QuarterlyReview recordQuarterlyReview(long partnerId, String idempotencyKey) {
    return reviews.findByIdempotencyKey(idempotencyKey).orElseGet(() -> {
      BusinessPlan plan = plans.findFirstByPartnerIdAndStatusOrderByPlanYearDesc(partnerId, BusinessPlan.Status.APPROVED)
          .orElseThrow(() -> new IllegalStateException("partner " + partnerId + " has no approved business plan"));
      int quarter = (int) reviews.countByPlanId(plan.getId()) + 1;
      String period = Periods.quarterOf(clock.instant());
      var actuals = performance.findByPartnerIdAndPeriod(partnerId, period).orElse(null);
      return reviews.save(new QuarterlyReview(plan, quarter, period, actuals, certifications.certifiedStaff(partnerId),
          idempotencyKey, clock.instant()));
    });
  }

  /** Ops record (or correct) what a partner achieved in a quarter. */
  @Transactional
  public PartnerPerformance recordPerformance(long partnerId, String period, BigDecimal revenue, int shareOfSales,
      int newCustomers, int marketingActivities, BigDecimal customerSatisfaction, int segmentCustomers) {
    if (!period.matches("\\d{4}-Q[1-4]")) {
      throw new IllegalArgumentException("period must look like 2026-Q3");
    }
    partners.get(partnerId);
    performance.findByPartnerIdAndPeriod(partnerId, period).ifPresent(performance::delete);
    performance.flush();
    return performance.save(new PartnerPerformance(partnerId, period, revenue, shareOfSales, newCustomers,
        marketingActivities, customerSatisfaction, segmentCustomers, clock.instant()));
  }
}
