package org.partnerlifecycle.workers.deal;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.partnerlifecycle.workers.deal.DealPort.Decision;
import org.partnerlifecycle.workers.support.JobFailures;
import org.partnerlifecycle.workers.support.JobInput;
import org.partnerlifecycle.workers.support.JobRef;
import org.springframework.stereotype.Component;

/** Job workers of deal registration and incumbent renewal offers. */
@Component
public class DealWorkers {

  private final DealPort port;

  public DealWorkers(DealPort port) {
    this.port = port;
  }

  @JobWorker(type = "deal-conflicts-detect", fetchVariables = "dealId")
  public Map<String, Object> detectConflicts(ActivatedJob job) {
    return JobFailures.guard(job, () -> port.detectConflicts(new JobInput(job).requiredLong("dealId"), JobRef.of(job)));
  }

  @JobWorker(type = "deal-approve", fetchVariables = {"dealId", "dealRoute", "dealDecision", "dealDecisionReason"})
  public Map<String, Object> approve(ActivatedJob job) {
    return JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      return port.approve(in.requiredLong("dealId"), decision(in), JobRef.of(job));
    });
  }

  @JobWorker(type = "deal-reject", fetchVariables = {"dealId", "dealRoute", "dealDecision", "dealDecisionReason"})
  public void reject(ActivatedJob job) {
    JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      port.reject(in.requiredLong("dealId"), decision(in), JobRef.of(job));
    });
  }

  @JobWorker(type = "deal-extend", fetchVariables = "dealId")
  public Map<String, Object> extend(ActivatedJob job) {
    return JobFailures.guard(job, () -> port.extend(new JobInput(job).requiredLong("dealId"), JobRef.of(job)));
  }

  @JobWorker(type = "deal-close", fetchVariables = {"dealId", "outcome"})
  public void close(ActivatedJob job) {
    JobFailures.guard(job, () -> {
      JobInput in = new JobInput(job);
      port.close(in.requiredLong("dealId"), in.requiredString("outcome"), JobRef.of(job));
    });
  }

  @JobWorker(type = "deal-release", fetchVariables = "dealId")
  public void release(ActivatedJob job) {
    JobFailures.guard(job, () -> port.release(new JobInput(job).requiredLong("dealId"), JobRef.of(job)));
  }

  @JobWorker(type = "deal-renewal-offer", fetchVariables = "contractId")
  public void offerRenewal(ActivatedJob job) {
    JobFailures.guard(job, () -> port.offerRenewal(new JobInput(job).requiredLong("contractId"), JobRef.of(job)));
  }

  @JobWorker(type = "deal-renewal-accept", fetchVariables = "contractId")
  public void acceptRenewal(ActivatedJob job) {
    JobFailures.guard(job, () -> port.acceptRenewal(new JobInput(job).requiredLong("contractId"), JobRef.of(job)));
  }

  @JobWorker(type = "deal-renewal-release", fetchVariables = "contractId")
  public void releaseRenewal(ActivatedJob job) {
    JobFailures.guard(job, () -> port.releaseRenewal(new JobInput(job).requiredLong("contractId"), JobRef.of(job)));
  }

  static Decision decision(JobInput in) {
    String route = null;
    String reason = null;
    if (in.raw("dealRoute") instanceof Map<?, ?> rule) {
      route = rule.get("route") instanceof String r ? r : null;
      reason = rule.get("reason") instanceof String r ? r : null;
    }
    return new Decision(route, reason, in.optionalString("dealDecision").orElse(null),
        in.optionalString("dealDecisionReason").orElse(null));
  }
}
