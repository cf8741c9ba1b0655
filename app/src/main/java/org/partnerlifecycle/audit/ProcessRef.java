package org.partnerlifecycle.audit;

/** The point in a BPMN process that caused an event: instance, process id, deployed version, element. */
public record ProcessRef(Long processInstanceKey, String bpmnProcessId, Integer processVersion, String elementId) {

  public static final ProcessRef NONE = new ProcessRef(null, null, null, null);

  /** Where a job stands in its process. */
  public static ProcessRef of(org.partnerlifecycle.workers.support.JobRef job) {
    return new ProcessRef(job.processInstanceKey(), job.bpmnProcessId(), job.processVersion(), job.elementId());
  }
}
