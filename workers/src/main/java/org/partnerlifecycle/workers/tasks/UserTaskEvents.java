package org.partnerlifecycle.workers.tasks;

/** Port: where user task transitions go (the app's task projection). Must be idempotent per event. */
public interface UserTaskEvents {
  void record(UserTaskEvent event);
}
