package org.partnerlifecycle.audit;

/** The point in a BPMN process that caused an event: instance, process id, deployed version, element. */
public record ProcessRef(Long processInstanceKey, String bpmnProcessId, Integer processVersion, String elementId) {

  public static final ProcessRef NONE = new ProcessRef(null, null, null, null);
}
