package org.partnerlifecycle.workers.onboarding;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.partnerlifecycle.workers.support.JobInput;
import org.partnerlifecycle.workers.support.PartnerJobs;
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
    PartnerJobs.run(job, (in, partnerId, ref) -> port.recordStage(partnerId, in.requiredHeader("stage"), ref));
  }

  @JobWorker(type = "partner-decline", fetchVariables = {"partnerId", "reviewReason", "fit"})
  public Map<String, Object> decline(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.decline(partnerId, declineReason(in), ref));
    return outcome("DECLINED");
  }

  @JobWorker(type = "partner-brief-generate", fetchVariables = "partnerId")
  public void generateBrief(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.generateBrief(partnerId, ref));
  }

  @JobWorker(type = "partner-notify", fetchVariables = "partnerId")
  public void notifyPartner(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.notifyPartner(partnerId, in.requiredHeader("template"), ref));
  }

  @JobWorker(type = "partner-withdraw", fetchVariables = "partnerId")
  public Map<String, Object> withdraw(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.withdraw(partnerId, in.requiredHeader("reason"), ref));
    return outcome("WITHDRAWN");
  }

  @JobWorker(type = "partner-agreement-generate", fetchVariables = "partnerId")
  public void generateAgreement(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.generateAgreement(partnerId, ref));
  }

  @JobWorker(type = "partner-agreement-revise", fetchVariables = {"partnerId", "requestedChanges"})
  public void reviseAgreement(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) ->
        port.reviseAgreement(partnerId, in.optionalString("requestedChanges").orElse("(no details given)"), ref));
  }

  @JobWorker(type = "partner-agreement-activate", fetchVariables = "partnerId")
  public void activateAgreement(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.activateAgreement(partnerId, ref));
  }

  @JobWorker(type = "partner-portal-access", fetchVariables = "partnerId")
  public void grantPortalAccess(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.grantPortalAccess(partnerId, ref));
  }

  @JobWorker(type = "partner-training-assign", fetchVariables = "partnerId")
  public void assignTraining(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.assignTraining(partnerId, ref));
  }

  @JobWorker(type = "partner-onboarding-escalate", fetchVariables = "partnerId")
  public void escalateOnboarding(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.escalateOnboarding(partnerId, ref));
  }

  @JobWorker(type = "partner-onboarding-sla-breach", fetchVariables = "partnerId")
  public void recordSlaBreach(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.recordSlaBreach(partnerId, ref));
  }

  @JobWorker(type = "partner-activate", fetchVariables = "partnerId")
  public Map<String, Object> activatePartner(ActivatedJob job) {
    PartnerJobs.run(job, (in, partnerId, ref) -> port.activatePartner(partnerId, ref));
    return outcome("ACTIVE");
  }

  /** How onboarding ended, for the top-level lifecycle process to route on. */
  private static Map<String, Object> outcome(String outcome) {
    return Map.of("onboardingOutcome", outcome);
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
}
