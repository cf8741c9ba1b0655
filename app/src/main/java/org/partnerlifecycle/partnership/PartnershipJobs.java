package org.partnerlifecycle.partnership;

import java.util.HashMap;
import java.util.Map;
import org.partnerlifecycle.audit.ProcessRef;
import org.partnerlifecycle.certification.Certification;
import org.partnerlifecycle.certification.CertificationService;
import org.partnerlifecycle.evaluation.EvaluationService;
import org.partnerlifecycle.evaluation.Remediation;
import org.partnerlifecycle.evaluation.Scorecard;
import org.partnerlifecycle.notification.NotificationService;
import org.partnerlifecycle.notification.PartnerNotifier;
import org.partnerlifecycle.onboarding.Agreement;
import org.partnerlifecycle.partner.LifecycleStage;
import org.partnerlifecycle.partner.Partner;
import org.partnerlifecycle.partner.PartnerService;
import org.partnerlifecycle.partner.PartnerService.Actor;
import org.partnerlifecycle.partner.PartnerService.UnknownPartnerException;
import org.partnerlifecycle.partner.Tier;
import org.partnerlifecycle.planning.BusinessPlan;
import org.partnerlifecycle.planning.PlanningService;
import org.partnerlifecycle.planning.QuarterlyReview;
import org.partnerlifecycle.renewal.RenewalService;
import org.partnerlifecycle.termination.TerminationService;
import org.partnerlifecycle.termination.TerminationTrigger;
import org.partnerlifecycle.workers.partnership.PartnershipPort;
import org.partnerlifecycle.workers.support.InvalidJobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain side of the active-partnership workers. One transaction per job: the change, its audit event and
 * its notification commit together, each keyed by the job so a repeated job adds nothing.
 */
@Service
@Transactional
class PartnershipJobs implements PartnershipPort {

  private final PartnerService partners;
  private final PlanningService planning;
  private final EvaluationService evaluation;
  private final RenewalService renewal;
  private final TerminationService termination;
  private final CertificationService certifications;
  private final PartnerNotifier notifier;
  private final NotificationService notifications;
  private final PartnershipProperties settings;

  PartnershipJobs(PartnerService partners, PlanningService planning, EvaluationService evaluation,
      RenewalService renewal, TerminationService termination, CertificationService certifications,
      PartnerNotifier notifier, NotificationService notifications, PartnershipProperties settings) {
    this.partners = partners;
    this.planning = planning;
    this.evaluation = evaluation;
    this.renewal = renewal;
    this.termination = termination;
    this.certifications = certifications;
    this.notifier = notifier;
    this.notifications = notifications;
    this.settings = settings;
  }

  // --- joint business planning

  @Override
  public void requestPlan(long partnerId, JobRef job) {
    partner(partnerId);
    BusinessPlan plan = planning.requestPlan(partnerId, job.effectKey("plan"));
    event(partnerId, "PLAN_REQUESTED", Map.of("planYear", plan.getPlanYear()), job);
    mail(partnerId, "plan-requested", Map.of("planYear", plan.getPlanYear()), job);
  }

  @Override
  public void lockPlan(long partnerId, String comments, JobRef job) {
    partner(partnerId);
    BusinessPlan plan = planning.lock(partnerId, comments);
    event(partnerId, "PLAN_APPROVED", Map.of("planYear", plan.getPlanYear()), job);
    mail(partnerId, "plan-approved", Map.of("planYear", plan.getPlanYear()), job);
  }

  @Override
  public Map<String, Object> recordQuarterlyReview(long partnerId, JobRef job) {
    partner(partnerId);
    QuarterlyReview review = planning.recordQuarterlyReview(partnerId, job.effectKey("review"));
    event(partnerId, "QUARTERLY_REVIEW_RECORDED", Map.of("quarter", review.getQuarter(), "period", review.getPeriod(),
        "revenueActual", review.getRevenueActual(), "dataMissing", review.isDataMissing()), job);
    return Map.of("quarter", review.getQuarter());
  }

  // --- evaluation and tiering

  @Override
  public Map<String, Object> computeScorecard(long partnerId, JobRef job) {
    partner(partnerId);
    Scorecard scorecard = evaluation.computeScorecard(partnerId, job.effectKey("scorecard"));
    event(partnerId, "SCORECARD_COMPUTED", Map.of("period", scorecard.getPeriod(),
        "compositeScore", scorecard.getCompositeScore(), "maturity", scorecard.getMaturity().name(),
        "categoryRank", scorecard.getCategoryRank() + "/" + scorecard.getCategorySize()), job);
    return Map.of("scorecard", EvaluationService.decisionInput(scorecard));
  }

  @Override
  public void recordEvaluation(long partnerId, TierDecision decision, JobRef job) {
    partner(partnerId);
    String outcome = "keep".equals(decision.action()) ? "KEPT" : "CHANGE_REJECTED";
    evaluation.recordOutcome(partnerId, decision.action(), decision.targetTier(), decision.reason(), outcome);
    event(partnerId, "EVALUATED", decisionDetails(decision, outcome), job);
  }

  @Override
  public void applyTierChange(long partnerId, TierDecision decision, JobRef job) {
    partner(partnerId);
    Tier target = tier(decision.targetTier());
    Tier from = evaluation.applyTier(partnerId, target);
    evaluation.recordOutcome(partnerId, decision.action(), decision.targetTier(), decision.reason(), "APPLIED");
    Map<String, Object> details = decisionDetails(decision, "APPLIED");
    details.put("fromTier", from.name());
    event(partnerId, "TIER_CHANGED", details, job);
    mail(partnerId, "tier-changed", Map.of("fromTier", from.name(), "toTier", target.name(),
        "reason", String.valueOf(decision.reason())), job);
  }

  @Override
  public void openRemediation(long partnerId, TierDecision decision, JobRef job) {
    partner(partnerId);
    Remediation remediation = evaluation.openRemediation(partnerId, tier(decision.targetTier()),
        settings.remediationWindow(), job.effectKey("remediation"));
    evaluation.recordOutcome(partnerId, decision.action(), decision.targetTier(), decision.reason(), "REMEDIATION");
    event(partnerId, "REMEDIATION_OPENED", Map.of("targetTier", remediation.getTargetTier().name(),
        "windowEndsAt", remediation.getWindowEndsAt().toString(), "plan", remediation.getPlan()), job);
    mail(partnerId, "remediation-opened", Map.of("targetTier", remediation.getTargetTier().name(),
        "windowEndsAt", remediation.getWindowEndsAt().toString(), "plan", remediation.getPlan()), job);
  }

  @Override
  public Map<String, Object> checkRecovery(long partnerId, TierDecision decision, JobRef job) {
    partner(partnerId);
    boolean recovered = evaluation.recovered(partnerId, job.effectKey("scorecard"));
    event(partnerId, "REMEDIATION_CHECKED", Map.of("recovered", recovered), job);
    return Map.of("recovered", recovered);
  }

  @Override
  public void closeRemediation(long partnerId, JobRef job) {
    partner(partnerId);
    evaluation.closeRemediation(partnerId);
    event(partnerId, "REMEDIATION_CLOSED", Map.of("outcome", "RECOVERED"), job);
    mail(partnerId, "remediation-closed", Map.of(), job);
  }

  @Override
  public void setSupportOnly(long partnerId, String reason, JobRef job) {
    partner(partnerId).setSupportOnly(true);
    event(partnerId, "SUPPORT_ONLY", Map.of("reason", reason), job);
    mail(partnerId, "support-only", Map.of("reason", reason), job);
  }

  @Override
  public void requestTermination(long partnerId, String trigger, String reason, JobRef job) {
    partner(partnerId);
    TerminationTrigger parsed;
    try {
      parsed = TerminationTrigger.valueOf(trigger);
    } catch (IllegalArgumentException e) {
      throw new InvalidJobInput("header 'trigger' names no termination trigger: '" + trigger + "'");
    }
    termination.request(partnerId, parsed, reason, Actor.worker(job), ProcessRef.of(job));
  }

  // --- renewal

  @Override
  public Map<String, Object> scheduleRenewal(long partnerId, JobRef job) {
    partner(partnerId);
    try {
      return renewal.schedule(partnerId);
    } catch (IllegalStateException e) {
      throw new InvalidJobInput(e.getMessage());
    }
  }

  @Override
  public void startRenewalOutreach(long partnerId, JobRef job) {
    partner(partnerId);
    Agreement revision = renewal.startOutreach(partnerId, job.effectKey("agreement"));
    event(partnerId, "RENEWAL_OUTREACH", Map.of("revision", revision.getRevision(), "tier", revision.getTier().name()), job);
    mail(partnerId, "renewal-ready", Map.of("revision", revision.getRevision(), "tier", revision.getTier().name()), job);
  }

  @Override
  public void suspend(long partnerId, JobRef job) {
    partner(partnerId);
    partners.moveToStage(partnerId, LifecycleStage.SUSPENDED, Actor.worker(job), ProcessRef.of(job),
        Map.of("reason", "agreement expired unsigned"), job.effectKey("stage"));
    mail(partnerId, "suspended", Map.of(), job);
  }

  @Override
  public void activateRenewal(long partnerId, JobRef job) {
    Partner partner = partner(partnerId);
    Agreement renewed = renewal.activate(partnerId);
    if (partner.getStage() == LifecycleStage.SUSPENDED) {
      partners.moveToStage(partnerId, LifecycleStage.ACTIVE, Actor.worker(job), ProcessRef.of(job),
          Map.of("reason", "agreement renewed"), job.effectKey("stage"));
    }
    event(partnerId, "AGREEMENT_RENEWED", Map.of("revision", renewed.getRevision(),
        "effectiveFrom", renewed.getEffectiveFrom().toString(), "expiresOn", renewed.getExpiresOn().toString()), job);
    mail(partnerId, "renewed", Map.of("expiresOn", renewed.getExpiresOn().toString()), job);
  }

  // --- offboarding

  @Override
  public void releaseOpenDeals(long partnerId, JobRef job) {
    partner(partnerId);
    event(partnerId, "DEALS_RELEASED", Map.of("count", termination.releaseOpenDeals(partnerId)), job);
  }

  @Override
  public void freezeFunds(long partnerId, JobRef job) {
    partner(partnerId);
    event(partnerId, "FUNDS_FROZEN", Map.of("amount", termination.freezeFunds(partnerId)), job);
  }

  @Override
  public void revokePortalAccess(long partnerId, JobRef job) {
    partner(partnerId);
    event(partnerId, "PORTAL_ACCESS_REVOKED", Map.of("users", termination.revokePortalAccess(partnerId)), job);
  }

  @Override
  public void settleFunds(long partnerId, JobRef job) {
    partner(partnerId);
    event(partnerId, "FUNDS_SETTLED", Map.of("amount", termination.settleFunds(partnerId)), job);
  }

  @Override
  public void issueFinalStatement(long partnerId, JobRef job) {
    partner(partnerId);
    String statement = termination.issueFinalStatement(partnerId);
    event(partnerId, "FINAL_STATEMENT_ISSUED", Map.of(), job);
    mail(partnerId, "final-statement", Map.of("statement", statement), job);
  }

  @Override
  public void archiveRecords(long partnerId, JobRef job) {
    partner(partnerId);
    termination.archive(partnerId);
    event(partnerId, "RECORDS_ARCHIVED", Map.of(), job);
  }

  // --- certification

  @Override
  public Map<String, Object> grantCertification(long certificationId, String comment, JobRef job) {
    Certification certification = certification(certificationId);
    Map<String, Object> timers = certifications.grant(certification, comment);
    event(certification.getPartnerId(), "CERTIFICATION_VERIFIED", Map.of("certificationId", certificationId,
        "level", certification.getLevel().name(), "person", certification.getPersonName(),
        "expiresAt", timers.get("expiresAt")), job);
    mail(certification.getPartnerId(), "certification-verified", Map.of("person", certification.getPersonName(),
        "level", certification.getLevel().label(), "expiresAt", timers.get("expiresAt")), job);
    certifications.announceRenewal(certification);
    return timers;
  }

  @Override
  public void rejectCertification(long certificationId, String comment, JobRef job) {
    Certification certification = certification(certificationId);
    if (certification.getStatus() == Certification.Status.SUBMITTED) {
      certifications.reject(certification, comment);
    }
    event(certification.getPartnerId(), "CERTIFICATION_REJECTED", Map.of("certificationId", certificationId,
        "comment", comment), job);
    mail(certification.getPartnerId(), "certification-rejected", Map.of("person", certification.getPersonName(),
        "level", certification.getLevel().label(), "comment", comment), job);
  }

  @Override
  public void remindCertificationExpiry(long certificationId, int daysBefore, JobRef job) {
    Certification certification = certification(certificationId);
    Map<String, Object> model = Map.of("person", certification.getPersonName(),
        "level", certification.getLevel().label(), "daysBefore", daysBefore,
        "expiresAt", String.valueOf(certification.getExpiresAt()));
    mail(certification.getPartnerId(), "certification-expiring", model, job);
    // the certified person hears of it too, not only the company's contact
    Map<String, Object> personal = new HashMap<>(model);
    personal.put("partnerName", partner(certification.getPartnerId()).getLegalName());
    personal.put("contactName", certification.getPersonName());
    notifications.send(certification.getPartnerId(), certification.getPersonEmail(), "certification-expiring",
        personal, job.effectKey("mail-person"));
    event(certification.getPartnerId(), "CERTIFICATION_EXPIRY_REMINDER", Map.of("certificationId", certificationId,
        "daysBefore", daysBefore), job);
  }

  @Override
  public void lapseCertification(long certificationId, JobRef job) {
    Certification certification = certification(certificationId);
    certifications.lapse(certification);
    event(certification.getPartnerId(), "CERTIFICATION_LAPSED", Map.of("certificationId", certificationId,
        "level", certification.getLevel().name()), job);
    mail(certification.getPartnerId(), "certification-lapsed", Map.of("person", certification.getPersonName(),
        "level", certification.getLevel().label()), job);
    certifications.requestReevaluation(certification);
  }

  // --- helpers

  private Partner partner(long partnerId) {
    try {
      return partners.get(partnerId);
    } catch (UnknownPartnerException e) {
      throw new InvalidJobInput(e.getMessage());
    }
  }

  private Certification certification(long certificationId) {
    try {
      return certifications.get(certificationId);
    } catch (IllegalArgumentException e) {
      throw new InvalidJobInput(e.getMessage());
    }
  }

  private static Tier tier(String name) {
    try {
      return Tier.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidJobInput("tierDecision.targetTier names no tier: '" + name + "'");
    }
  }

  private static Map<String, Object> decisionDetails(TierDecision decision, String outcome) {
    Map<String, Object> details = new HashMap<>();
    details.put("action", decision.action());
    details.put("targetTier", decision.targetTier());
    details.put("reason", decision.reason());
    details.put("outcome", outcome);
    details.values().removeIf(java.util.Objects::isNull);
    return details;
  }

  private void event(long partnerId, String type, Map<String, ?> details, JobRef job) {
    partners.recordEvent(partnerId, type, Actor.worker(job), ProcessRef.of(job), details, job.effectKey("event"));
  }

  private void mail(long partnerId, String template, Map<String, ?> model, JobRef job) {
    notifier.notifyPartner(partnerId, template, model, job.effectKey("mail"));
  }

}
