package org.partnerlifecycle.workers.onboarding;

import org.partnerlifecycle.workers.support.JobRef;

/**
 * What the onboarding process (Partner lifecycle I) asks of the domain. Every method is idempotent per job:
 * called again with the same {@link JobRef}, it changes nothing and sends nothing twice.
 */
public interface OnboardingPort {

  /** Records that the partner reached a lifecycle stage. */
  void recordStage(long partnerId, String stage, JobRef job);

  /** Declines the application and tells the applicant why. */
  void decline(long partnerId, String reason, JobRef job);

  void generateBrief(long partnerId, JobRef job);

  /** Sends one of the notification templates to the partner. */
  void notifyPartner(long partnerId, String template, JobRef job);

  /** Ends the partner's onboarding because it went quiet. */
  void withdraw(long partnerId, String reason, JobRef job);

  void generateAgreement(long partnerId, JobRef job);

  void reviseAgreement(long partnerId, String requestedChanges, JobRef job);

  void activateAgreement(long partnerId, JobRef job);

  void grantPortalAccess(long partnerId, JobRef job);

  void assignTraining(long partnerId, JobRef job);

  /** Day-21 escalation: flag the partner at risk and tell the channel manager. */
  void escalateOnboarding(long partnerId, JobRef job);

  void recordSlaBreach(long partnerId, JobRef job);

  /** The partner becomes ACTIVE at tier Registered and is welcomed. */
  void activatePartner(long partnerId, JobRef job);
}
