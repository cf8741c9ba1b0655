package org.partnerlifecycle.task;

import java.util.Map;

/**
 * Commands on Camunda user tasks. Against a cluster they go to its REST API; on the embedded runtime they are
 * written to the in-process engine. Either way the engine runs the task listeners and continues the flow.
 */
public interface UserTaskService {

  void complete(long userTaskKey, Map<String, Object> variables);

  void assign(long userTaskKey, String assignee);

  void unassign(long userTaskKey);
}
