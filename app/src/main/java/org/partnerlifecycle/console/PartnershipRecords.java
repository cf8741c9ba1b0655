package org.partnerlifecycle.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.partnerlifecycle.certification.Certification;
import org.partnerlifecycle.certification.CertificationRepository;
import org.partnerlifecycle.deal.DealRegistration;
import org.partnerlifecycle.deal.DealRegistrationRepository;
import org.partnerlifecycle.evaluation.Remediation;
import org.partnerlifecycle.evaluation.RemediationRepository;
import org.partnerlifecycle.evaluation.Scorecard;
import org.partnerlifecycle.evaluation.ScorecardRepository;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.BusinessPlanRepository;
import org.partnerlifecycle.planning.QuarterlyReview;
import org.partnerlifecycle.planning.QuarterlyReviewRepository;
import org.partnerlifecycle.task.TaskState;
import org.partnerlifecycle.task.UserTask;
import org.partnerlifecycle.task.UserTaskRepository;
import org.partnerlifecycle.termination.Termination;
import org.partnerlifecycle.termination.TerminationService;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The active partnership of one partner as the partner page shows it: certifications, business plans with
 * their quarterly reviews, scorecards, remediation windows, deal registrations and the termination. Each
 * section is the latest few rows with the total beside them: one statement counts every section, then one
 * bounded statement per non-empty section (two for certifications and plans: their verifiers and reviews), so
 * a partner with years of history costs what a new one does.
 */
@Component
class PartnershipRecords {

  static final int CERTIFICATION_ROWS = 10;
  static final int PLAN_ROWS = 3;
  static final int SCORECARD_ROWS = 8;
  static final int REMEDIATION_ROWS = 5;
  static final int DEAL_ROWS = 10;
  static final String VERIFY_CERTIFICATION = "VerifyCertification";

  private final NamedParameterJdbcTemplate jdbc;
  private final CertificationRepository certifications;
  private final UserTaskRepository tasks;
  private final BusinessPlanRepository plans;
  private final QuarterlyReviewRepository reviews;
  private final ScorecardRepository scorecards;
  private final RemediationRepository remediations;
  private final DealRegistrationRepository deals;
  private final TerminationService terminations;

  PartnershipRecords(NamedParameterJdbcTemplate jdbc, CertificationRepository certifications,
      UserTaskRepository tasks, BusinessPlanRepository plans, QuarterlyReviewRepository reviews,
      ScorecardRepository scorecards, RemediationRepository remediations, DealRegistrationRepository deals,
      TerminationService terminations) {
    this.jdbc = jdbc;
    this.certifications = certifications;
    this.tasks = tasks;
    this.plans = plans;
    this.reviews = reviews;
    this.scorecards = scorecards;
    this.remediations = remediations;
    this.deals = deals;
    this.terminations = terminations;
  }

  /** The latest rows of a section and how many there are in all. */
  record Section<T>(List<T> latest, long total) {
    static <T> Section<T> empty() {
      return new Section<>(List.of(), 0);
    }

    public boolean isEmpty() {
      return total == 0;
    }

    /** More rows exist than are shown. */
    public boolean isTruncated() {
      return total > latest.size();
    }
  }

  /** A certification with the staff user who verified or rejected it (the assignee of its completed task). */
  record CertificationView(Certification certification, String decidedBy) {}

  /** A business plan with its quarterly reviews, first quarter first. */
  record PlanView(BusinessPlan plan, List<ReviewView> reviews) {}

  /** A quarterly review: actuals against the plan's targets. */
  record ReviewView(QuarterlyReview review, BusinessPlan plan) {
    /** Revenue actual as a share of the quarter's revenue target, or null without a target. */
    public BigDecimal revenueAttainment() {
      BigDecimal target = review.getRevenueTarget();
      return target == null || target.signum() == 0 ? null
          : review.getRevenueActual().divide(target, 3, RoundingMode.HALF_UP);
    }
  }

  record Records(Section<CertificationView> certifications, Section<PlanView> plans, Section<Scorecard> scorecards,
      Section<Remediation> remediations, Section<DealRegistration> deals, Termination termination) {}

  Records of(long partnerId) {
    Map<String, Object> counts = jdbc.queryForMap("SELECT"
        + " (SELECT COUNT(*) FROM certification WHERE partner_id = :id) AS certifications,"
        + " (SELECT COUNT(*) FROM business_plan WHERE partner_id = :id) AS plans,"
        + " (SELECT COUNT(*) FROM scorecard WHERE partner_id = :id) AS scorecards,"
        + " (SELECT COUNT(*) FROM remediation WHERE partner_id = :id) AS remediations,"
        + " (SELECT COUNT(*) FROM deal_registration WHERE partner_id = :id) AS deals,"
        + " (SELECT COUNT(*) FROM termination WHERE partner_id = :id) AS terminations", Map.of("id", partnerId));
    return new Records(
        certifications(partnerId, count(counts, "certifications")),
        plans(partnerId, count(counts, "plans")),
        count(counts, "scorecards") == 0 ? Section.empty() : new Section<>(scorecards.findByPartnerId(partnerId,
            latest(SCORECARD_ROWS, "evaluatedAt")), count(counts, "scorecards")),
        count(counts, "remediations") == 0 ? Section.empty() : new Section<>(remediations.findByPartnerId(partnerId,
            latest(REMEDIATION_ROWS, "openedAt")), count(counts, "remediations")),
        count(counts, "deals") == 0 ? Section.empty() : new Section<>(deals.findByPartnerId(partnerId,
            latest(DEAL_ROWS, "registeredAt")), count(counts, "deals")),
        count(counts, "terminations") == 0 ? null : terminations.find(partnerId).orElse(null));
  }

  private Section<CertificationView> certifications(long partnerId, long total) {
    if (total == 0) {
      return Section.empty();
    }
    List<Certification> latest = certifications.findByPartnerId(partnerId, latest(CERTIFICATION_ROWS, "submittedAt"));
    List<Long> instances = latest.stream().map(Certification::getProcessInstanceKey).filter(Objects::nonNull).toList();
    Map<Long, String> deciders = instances.isEmpty() ? Map.of()
        : tasks.findByProcessInstanceKeyInAndElementIdAndState(instances, VERIFY_CERTIFICATION, TaskState.COMPLETED)
            .stream().filter(t -> t.getAssignee() != null)
            .collect(Collectors.toMap(UserTask::getProcessInstanceKey, UserTask::getAssignee, (a, b) -> b));
    return new Section<>(latest.stream().map(c -> new CertificationView(c,
        c.getStatus() == Certification.Status.SUBMITTED ? null : deciders.get(c.getProcessInstanceKey()))).toList(),
        total);
  }

  private Section<PlanView> plans(long partnerId, long total) {
    if (total == 0) {
      return Section.empty();
    }
    List<BusinessPlan> latest = plans.findByPartnerId(partnerId,
        PageRequest.of(0, PLAN_ROWS, Sort.by(Sort.Order.desc("planYear"))));
    Map<Long, List<QuarterlyReview>> byPlan = reviews.findByPlanIdInOrderByPlanIdAscQuarterAsc(
        latest.stream().map(BusinessPlan::getId).toList()).stream()
        .collect(Collectors.groupingBy(QuarterlyReview::getPlanId));
    return new Section<>(latest.stream().map(p -> new PlanView(p, byPlan.getOrDefault(p.getId(), List.of()).stream()
        .map(r -> new ReviewView(r, p)).toList())).toList(), total);
  }

  private static PageRequest latest(int rows, String newestBy) {
    return PageRequest.of(0, rows, Sort.by(Sort.Order.desc(newestBy), Sort.Order.desc("id")));
  }

  private static long count(Map<String, Object> counts, String section) {
    // queryForMap's map ignores the case of the column labels
    return ((Number) counts.get(section)).longValue();
  }
}
