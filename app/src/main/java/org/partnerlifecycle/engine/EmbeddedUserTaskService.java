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
    engine.completeUserTask(userTaskKey, variables);
  }

  @Override
  public void assign(long userTaskKey, String assignee) {
    engine.assignUserTask(userTaskKey, assignee);
  }

  @Override
  public void unassign(long userTaskKey) {
    engine.unassignUserTask(userTaskKey);
  }
}
