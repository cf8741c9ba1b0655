package org.partnerlifecycle.workers.support;

import io.camunda.client.api.response.ActivatedJob;

/**
 * Which job, at which point of which process version, asks for an effect. The job key stays the same across
 * retries and redeliveries, so it is the idempotency key of every effect the job has.
 */
public record JobRef(long jobKey, String jobType, long processInstanceKey, String bpmnProcessId, int processVersion,
    String elementId) {

  public static JobRef of(ActivatedJob job) {
    return new JobRef(job.getKey(), job.getType(), job.getProcessInstanceKey(), job.getBpmnProcessId(),
        job.getProcessDefinitionVersion(), job.getElementId());
  }

  /** Idempotency key of one named effect of this job (a job may have several: a record, a mail, an event). */
  public String effectKey(String effect) {
    return "job-" + jobKey + ":" + effect;
  }
}
