package org.partnerlifecycle.task;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.partnerlifecycle.workers.tasks.UserTaskEvent;
import org.partnerlifecycle.workers.tasks.UserTaskEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the user_task table in step with the engine. Each transition is applied as a state, not as a delta, and
 * only if its listener job is newer than the last one applied: a listener job delivered twice leaves the same
 * row, and one delivered late (its worker stalled past the job timeout while another finished it and the task
 * moved on) cannot take the task back to an earlier assignee or state.
 */
@Service
class UserTaskProjection implements UserTaskEvents {

  private static final Logger log = LoggerFactory.getLogger(UserTaskProjection.class);

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
    UserTask task = tasks.findById(event.userTaskKey()).orElse(null);
    if (task != null && (task.getProcessInstanceKey() != event.processInstanceKey()
        || task.getElementInstanceKey() != event.elementInstanceKey())) {
      // the key names another task: an engine that started afresh (the embedded runtime restarted while the
      // database was kept) hands out its keys again, so the row left from before is stale
      log.warn("User task {} of {} replaces a stale row of {} (the engine's keys started afresh)",
          event.userTaskKey(), event.elementId(), task.getElementId());
      tasks.delete(task);
      tasks.flush();
      task = null;
    }
    if (task == null) {
      task = tasks.save(new UserTask(event.userTaskKey(), event.processInstanceKey(), event.bpmnProcessId(),
          event.processVersion(), event.elementId(), event.elementInstanceKey(), now));
    }
    if (!task.isNewerThanApplied(event.listenerJobKey())) {
      log.info("User task {}: {} from listener job {} ignored, job {} was applied already (repeated or late delivery)",
          event.userTaskKey(), event.transition(), event.listenerJobKey(), task.getLastListenerJobKey());
      return;
    }
    task.applied(event.listenerJobKey());
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
