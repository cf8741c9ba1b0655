package org.partnerlifecycle.workers.deal;

import java.util.Map;
import org.partnerlifecycle.workers.support.JobRef;

/** What the deal registration processes ask of the domain; idempotent per job. */
public interface DealPort {

  /** Returns {conflicts: {...}, competing: [...]} for the routing decision and the reviewer. */
  Map<String, Object> detectConflicts(long dealId, JobRef job);

  /** Approves with exclusivity; returns {exclusiveUntil}. */
  Map<String, Object> approve(long dealId, Decision decision, JobRef job);

  void reject(long dealId, Decision decision, JobRef job);

  /** Returns {exclusiveUntil} (unchanged when the extension is refused) and {extended: boolean}. */
  Map<String, Object> extend(long dealId, JobRef job);

  void close(long dealId, String outcome, JobRef job);

  void release(long dealId, JobRef job);

  void offerRenewal(long contractId, JobRef job);

  void acceptRenewal(long contractId, JobRef job);

  void releaseRenewal(long contractId, JobRef job);

  /**
   * Who decided and why: the routing rule's route and reason, and the channel manager's decision and reason when
   * the registration went to review.
   */
  record Decision(String route, String ruleReason, String managerDecision, String managerReason) {

    public boolean reviewed() {
      return managerDecision != null;
    }

    public String reason() {
      return managerReason != null ? managerReason : ruleReason;
    }
  }
}
