package org.partnerlifecycle.task;

import java.time.Clock;
import org.partnerlifecycle.workers.tasks.UserTaskEvent;
import org.partnerlifecycle.workers.tasks.UserTaskEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the user_task table in step with the engine. Each transition is applied as a state, not as a delta,
 * so a listener job delivered twice leaves the same row.
 */
@Service
class UserTaskProjection implements UserTaskEvents {

  private final UserTaskRepository tasks;
  private final Clock clock;

  UserTaskProjection(UserTaskRepository tasks, Clock clock) {
    this.tasks = tasks;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void record(UserTaskEvent event) {
    var now = clock.instant();
    UserTask task = tasks.findById(event.userTaskKey()).orElseGet(() -> tasks.save(new UserTask(
        event.userTaskKey(), event.processInstanceKey(), event.bpmnProcessId(), event.processVersion(),
        event.elementId(), event.elementInstanceKey(), now)));
    task.describe(event.formKey(), String.join(",", event.candidateGroups()), event.priority(),
        event.dueDate() == null ? null : event.dueDate().toInstant(), event.partnerId());
    switch (event.transition()) {
      case CREATING, UPDATING -> { }
      case ASSIGNING -> task.assign(event.assignee(), now);
      case COMPLETING -> task.end(TaskState.COMPLETED, now);
      case CANCELING -> task.end(TaskState.CANCELED, now);
    }
  }
}
