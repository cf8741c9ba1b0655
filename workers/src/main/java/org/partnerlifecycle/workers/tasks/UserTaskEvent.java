package org.partnerlifecycle.workers.tasks;

import java.time.OffsetDateTime;
import java.util.List;

/** One transition of a Camunda user task, as its task listener reports it. */
public record UserTaskEvent(
    long userTaskKey,
    Transition transition,
    long processInstanceKey,
    String bpmnProcessId,
    int processVersion,
    String elementId,
    long elementInstanceKey,
    String formKey,
    List<String> candidateGroups,
    String assignee,
    Integer priority,
    OffsetDateTime dueDate,
    Long partnerId) {

  public enum Transition { CREATING, ASSIGNING, UPDATING, COMPLETING, CANCELING }
}
