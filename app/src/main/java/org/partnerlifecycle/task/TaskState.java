package org.partnerlifecycle.task;

public enum TaskState {
  OPEN, ASSIGNED, COMPLETED, CANCELED;

  public boolean isEnded() {
    return this == COMPLETED || this == CANCELED;
  }
}
