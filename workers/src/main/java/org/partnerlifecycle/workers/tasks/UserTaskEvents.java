package org.partnerlifecycle.workers.tasks;

/**
 * Port: where user task transitions go (the app's task projection). Must be idempotent per event, and must not
 * let a stale event (a listener job delivered again after a later transition) undo a later one.
 */
public interface UserTaskEvents {
  void record(UserTaskEvent event);
}
