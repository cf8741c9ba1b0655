package org.partnerlifecycle.workers.partnership;

import java.util.Map;
import org.partnerlifecycle.workers.support.JobRef;

/**
 * What the processes of an active partnership (Partner lifecycle II) ask of the domain: business planning,
 * evaluation and tiering, renewal, certification, termination and offboarding. Idempotent per job, like
 * {@link org.partnerlifecycle.workers.onboarding.OnboardingPort}. Methods that return a map return the
 * variables the job completes with.
 */
public interface PartnershipPort {

  // joint business planning
  void requestPlan(long partnerId, JobRef job);

  void lockPlan(long partnerId, String comments, JobRef job);

  /** Records actuals against targets for the next quarter of the current plan; returns {quarter: 1..4}. */
  Map<String, Object> recordQuarterlyReview(long partnerId, JobRef job);

  // evaluation and tiering
  /** Returns {scorecard: {...}} with the agreed metrics, for the tier decision. */
  Map<String, Object> computeScorecard(long partnerId, JobRef job);

  void recordEvaluation(long partnerId, TierDecision decision, JobRef job);

  void applyTierChange(long partnerId, TierDecision decision, JobRef job);

  void openRemediation(long partnerId, TierDecision decision, JobRef job);

  /** Returns {recovered: boolean}. */
  Map<String, Object> checkRecovery(long partnerId, TierDecision decision, JobRef job);

  void closeRemediation(long partnerId, JobRef job);

  void setSupportOnly(long partnerId, String reason, JobRef job);

  /** Records a termination decided inside a process and tells the partner's lifecycle process. */
  void requestTermination(long partnerId, String trigger, String reason, JobRef job);

  // renewal
  /** Returns {renewalOutreachAt, agreementExpiresAt} as ISO-8601 date-times. */
  Map<String, Object> scheduleRenewal(long partnerId, JobRef job);

  void startRenewalOutreach(long partnerId, JobRef job);

  void suspend(long partnerId, JobRef job);

  void activateRenewal(long partnerId, JobRef job);

  // offboarding
  void releaseOpenDeals(long partnerId, JobRef job);

  void freezeFunds(long partnerId, JobRef job);

  void revokePortalAccess(long partnerId, JobRef job);

  void settleFunds(long partnerId, JobRef job);

  void issueFinalStatement(long partnerId, JobRef job);

  void archiveRecords(long partnerId, JobRef job);

  // certification
  /** Returns {expiresAt, remind60At, remind30At, remind7At} as ISO-8601 date-times. */
  Map<String, Object> grantCertification(long certificationId, String comment, JobRef job);

  void rejectCertification(long certificationId, String comment, JobRef job);

  void remindCertificationExpiry(long certificationId, int daysBefore, JobRef job);

  void lapseCertification(long certificationId, JobRef job);

  /** The DMN's tier decision as the evaluation process carries it. */
  record TierDecision(String action, String targetTier, String reason) {}
}
