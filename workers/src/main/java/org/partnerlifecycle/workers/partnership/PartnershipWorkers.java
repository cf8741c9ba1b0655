package org.partnerlifecycle.workers.partnership;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.function.Function;
import org.partnerlifecycle.workers.partnership.PartnershipPort.TierDecision;
import org.partnerlifecycle.workers.support.InvalidJobInput;
import org.partnerlifecycle.workers.support.JobFailures;
import org.partnerlifecycle.workers.support.JobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.partnerlifecycle.workers.support.PartnerJobs;
import org.springframework.stereotype.Component;

/** Job workers of the active partnership processes: check the input, hand it to the port. */
@Component
public class PartnershipWorkers {

  private final PartnershipPort port;

  public PartnershipWorkers(PartnershipPort port) {
    this.port = port;
  }

  @JobWorker(type = "partner-plan-request", fetchVariables = "partnerId")
  public void requestPlan(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.requestPlan(id, ref));
  }

  @JobWorker(type = "partner-plan-lock", fetchVariables = {"partnerId", "planComments"})
  public void lockPlan(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.lockPlan(id, in.optionalString("planComments").orElse(null), ref));
  }

  @JobWorker(type = "partner-qbr-record", fetchVariables = "partnerId")
  public Map<String, Object> recordQuarterlyReview(ActivatedJob job) {
    return PartnerJobs.call(job, (in, id, ref) -> port.recordQuarterlyReview(id, ref));
  }

  @JobWorker(type = "partner-scorecard-compute", fetchVariables = "partnerId")
  public Map<String, Object> computeScorecard(ActivatedJob job) {
    return PartnerJobs.call(job, (in, id, ref) -> port.computeScorecard(id, ref));
  }

  @JobWorker(type = "partner-evaluation-record", fetchVariables = {"partnerId", "tierDecision"})
  public void recordEvaluation(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.recordEvaluation(id, tierDecision(in), ref));
  }

  @JobWorker(type = "partner-tier-apply", fetchVariables = {"partnerId", "tierDecision"})
  public void applyTierChange(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.applyTierChange(id, tierDecision(in), ref));
  }

  @JobWorker(type = "partner-remediation-open", fetchVariables = {"partnerId", "tierDecision"})
  public void openRemediation(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.openRemediation(id, tierDecision(in), ref));
  }

  @JobWorker(type = "partner-remediation-check", fetchVariables = {"partnerId", "tierDecision"})
  public Map<String, Object> checkRecovery(ActivatedJob job) {
    return PartnerJobs.call(job, (in, id, ref) -> port.checkRecovery(id, tierDecision(in), ref));
  }

  @JobWorker(type = "partner-remediation-close", fetchVariables = "partnerId")
  public void closeRemediation(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.closeRemediation(id, ref));
  }

  @JobWorker(type = "partner-support-only", fetchVariables = {"partnerId", "decisionReason"})
  public void setSupportOnly(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) ->
        port.setSupportOnly(id, in.optionalString("decisionReason").orElse("Non-productive partner"), ref));
  }

  @JobWorker(type = "partner-termination-request", fetchVariables = {"partnerId", "decisionReason"})
  public void requestTermination(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> {
      String trigger = in.requiredHeader("trigger");
      String reason = in.optionalString("decisionReason").orElse(switch (trigger) {
        case "AGREEMENT_LAPSED" -> "The partner agreement expired without renewal.";
        case "NON_PRODUCTIVE" -> "Non-productive partner: the channel manager decided to part ways.";
        default -> "Terminated by the lifecycle process.";
      });
      port.requestTermination(id, trigger, reason, ref);
    });
  }

  @JobWorker(type = "partner-renewal-schedule", fetchVariables = "partnerId")
  public Map<String, Object> scheduleRenewal(ActivatedJob job) {
    return PartnerJobs.call(job, (in, id, ref) -> port.scheduleRenewal(id, ref));
  }

  @JobWorker(type = "partner-renewal-outreach", fetchVariables = "partnerId")
  public void startRenewalOutreach(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.startRenewalOutreach(id, ref));
  }

  @JobWorker(type = "partner-suspend", fetchVariables = "partnerId")
  public void suspend(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.suspend(id, ref));
  }

  @JobWorker(type = "partner-renewal-activate", fetchVariables = "partnerId")
  public void activateRenewal(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.activateRenewal(id, ref));
  }

  @JobWorker(type = "partner-deals-reassign", fetchVariables = "partnerId")
  public void releaseOpenDeals(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.releaseOpenDeals(id, ref));
  }

  @JobWorker(type = "partner-funds-freeze", fetchVariables = "partnerId")
  public void freezeFunds(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.freezeFunds(id, ref));
  }

  @JobWorker(type = "partner-portal-revoke", fetchVariables = "partnerId")
  public void revokePortalAccess(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.revokePortalAccess(id, ref));
  }

  @JobWorker(type = "partner-funds-settle", fetchVariables = "partnerId")
  public void settleFunds(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.settleFunds(id, ref));
  }

  @JobWorker(type = "partner-final-statement", fetchVariables = "partnerId")
  public void issueFinalStatement(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.issueFinalStatement(id, ref));
  }

  @JobWorker(type = "partner-archive", fetchVariables = "partnerId")
  public void archiveRecords(ActivatedJob job) {
    PartnerJobs.run(job, (in, id, ref) -> port.archiveRecords(id, ref));
  }

  @JobWorker(type = "partner-certification-grant", fetchVariables = {"certificationId", "certificationComment"})
  public Map<String, Object> grantCertification(ActivatedJob job) {
    return JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      return port.grantCertification(in.requiredLong("certificationId"),
          in.optionalString("certificationComment").orElse(null), JobRef.of(job));
    });
  }

  @JobWorker(type = "partner-certification-reject", fetchVariables = {"certificationId", "certificationComment"})
  public void rejectCertification(ActivatedJob job) {
    JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      port.rejectCertification(in.requiredLong("certificationId"),
          in.optionalString("certificationComment").orElse("The evidence could not be verified."), JobRef.of(job));
    });
  }

  @JobWorker(type = "partner-certification-remind", fetchVariables = "certificationId")
  public void remindCertificationExpiry(ActivatedJob job) {
    JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      port.remindCertificationExpiry(in.requiredLong("certificationId"),
          (int) in.requiredLongHeader("daysBefore"), JobRef.of(job));
    });
  }

  @JobWorker(type = "partner-certification-lapse", fetchVariables = "certificationId")
  public void lapseCertification(ActivatedJob job) {
    JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      port.lapseCertification(in.requiredLong("certificationId"), JobRef.of(job));
    });
  }

  static TierDecision tierDecision(JobInput in) {
    if (!(in.raw("tierDecision") instanceof Map<?, ?> decision)) {
      throw new InvalidJobInput("variable 'tierDecision' (the DMN result) is missing or not an object");
    }
    Function<String, String> text = key -> decision.get(key) instanceof String s && !s.isBlank() ? s : null;
    String action = text.apply("action");
    if (action == null) {
      throw new InvalidJobInput("tierDecision.action is missing");
    }
    return new TierDecision(action, text.apply("targetTier"), text.apply("reason"));
  }
}
