package org.partnerlifecycle.workers.tasks;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One transition of a Camunda user task, as its task listener reports it. {@code listenerJobKey} is the key of
 * the listener job: keys grow within a partition, and a task's listener jobs all come from its process
 * instance's partition, so a later transition always has a larger key than an earlier one.
 */
public record UserTaskEvent(
    long userTaskKey,
    Transition transition,
    long listenerJobKey,
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
