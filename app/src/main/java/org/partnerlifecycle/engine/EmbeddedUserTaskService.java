package org.partnerlifecycle.engine;

import java.util.Map;
import org.partnerlifecycle.task.UserTaskService;

class EmbeddedUserTaskService implements UserTaskService {

  private final EmbeddedEngine engine;

  EmbeddedUserTaskService(EmbeddedEngine engine) {
    this.engine = engine;
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    UserTaskCommandRetry.run(() -> engine.completeUserTask(userTaskKey, variables));
  }

  @Override
  public void assign(long userTaskKey, String assignee) {
    UserTaskCommandRetry.run(() -> engine.assignUserTask(userTaskKey, assignee));
  }

  @Override
  public void unassign(long userTaskKey) {
    UserTaskCommandRetry.run(() -> engine.unassignUserTask(userTaskKey));
  }
}
