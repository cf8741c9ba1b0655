package org.partnerlifecycle.engine;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.partnerlifecycle.task.UserTaskService;

/** User task commands through the REST API of a Camunda 8.8 cluster. */
class ClusterUserTaskService implements UserTaskService {

  private final CamundaClient client;

  ClusterUserTaskService(CamundaClient client) {
    this.client = client;
  }

  @Override
  public void complete(long userTaskKey, Map<String, Object> variables) {
    UserTaskCommandRetry.run(() -> client.newCompleteUserTaskCommand(userTaskKey).variables(variables).send().join());
  }

  @Override
  public void assign(long userTaskKey, String assignee) {
    UserTaskCommandRetry.run(
        () -> client.newAssignUserTaskCommand(userTaskKey).assignee(assignee).allowOverride(true).send().join());
  }

  @Override
  public void unassign(long userTaskKey) {
    UserTaskCommandRetry.run(() -> client.newUnassignUserTaskCommand(userTaskKey).send().join());
  }
}
