package org.partnerlifecycle.workers.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.partnerlifecycle.workers.support.JobFailures;
import org.partnerlifecycle.workers.support.JobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.stereotype.Component;

/** The job workers of the onboarding process: each reads and checks its input and hands it to the port. */
@Component
public class OnboardingWorkers {

  private final OnboardingPort port;

  public OnboardingWorkers(OnboardingPort port) {
    this.port = port;
  }

  @JobWorker(type = "partner-stage", fetchVariables = "partnerId")
  public void recordStage(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.recordStage(partnerId, in.requiredHeader("stage"), ref));
  }

  @JobWorker(type = "partner-decline", fetchVariables = {"partnerId", "reviewReason", "fit"})
  public void decline(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.decline(partnerId, declineReason(in), ref));
  }

  @JobWorker(type = "partner-brief-generate", fetchVariables = "partnerId")
  public void generateBrief(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.generateBrief(partnerId, ref));
  }

  @JobWorker(type = "partner-notify", fetchVariables = "partnerId")
  public void notifyPartner(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.notifyPartner(partnerId, in.requiredHeader("template"), ref));
  }

  @JobWorker(type = "partner-withdraw", fetchVariables = "partnerId")
  public void withdraw(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.withdraw(partnerId, in.requiredHeader("reason"), ref));
  }

  @JobWorker(type = "partner-agreement-generate", fetchVariables = "partnerId")
  public void generateAgreement(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.generateAgreement(partnerId, ref));
  }

  @JobWorker(type = "partner-agreement-revise", fetchVariables = {"partnerId", "requestedChanges"})
  public void reviseAgreement(ActivatedJob job) {
    run(job, (in, partnerId, ref) ->
        port.reviseAgreement(partnerId, in.optionalString("requestedChanges").orElse("(no details given)"), ref));
  }

  @JobWorker(type = "partner-agreement-activate", fetchVariables = "partnerId")
  public void activateAgreement(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.activateAgreement(partnerId, ref));
  }

  @JobWorker(type = "partner-portal-access", fetchVariables = "partnerId")
  public void grantPortalAccess(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.grantPortalAccess(partnerId, ref));
  }

  @JobWorker(type = "partner-training-assign", fetchVariables = "partnerId")
  public void assignTraining(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.assignTraining(partnerId, ref));
  }

  @JobWorker(type = "partner-onboarding-escalate", fetchVariables = "partnerId")
  public void escalateOnboarding(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.escalateOnboarding(partnerId, ref));
  }

  @JobWorker(type = "partner-onboarding-sla-breach", fetchVariables = "partnerId")
  public void recordSlaBreach(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.recordSlaBreach(partnerId, ref));
  }

  @JobWorker(type = "partner-activate", fetchVariables = "partnerId")
  public void activatePartner(ActivatedJob job) {
    run(job, (in, partnerId, ref) -> port.activatePartner(partnerId, ref));
  }

  /** The reviewer's reason when ops declined, else the fit decision's. */
  static String declineReason(JobInput in) {
    return in.optionalString("reviewReason").orElseGet(() -> {
      Object fit = in.raw("fit");
      if (fit instanceof Map<?, ?> decision && decision.get("reason") instanceof String reason && !reason.isBlank()) {
        return reason;
      }
      return "The application does not match our partner profile.";
    });
  }

  private interface PartnerJob {
    void handle(JobInput in, long partnerId, JobRef ref);
  }

  private static void run(ActivatedJob job, PartnerJob handler) {
    JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      handler.handle(in, in.requiredLong("partnerId"), JobRef.of(job));
    });
  }
}
