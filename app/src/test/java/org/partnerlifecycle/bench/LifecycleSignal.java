package org.partnerlifecycle.bench;

import java.util.function.Consumer;

/**
 * A point of a partner's onboarding that a benchmark's simulated actors react to or that it times, heard where
 * the job that caused it is done (by the real workers' port or by a no-op worker), never by reading the record
 * stream.
 */
public record LifecycleSignal(Kind kind, long partnerId, long userTaskKey, String elementId) {

  public enum Kind {
    APPLIED, BRIEF_READY, AGREEMENT_READY, ONBOARDING, TRAINING_ASSIGNED, ACTIVE, TASK_CREATING
  }

  private static volatile Consumer<LifecycleSignal> listener = signal -> { };

  public static LifecycleSignal of(Kind kind, long partnerId) {
    return new LifecycleSignal(kind, partnerId, 0, null);
  }

  /** Where the signals go while a benchmark runs; nowhere otherwise. */
  public static void listen(Consumer<LifecycleSignal> to) {
    listener = to == null ? signal -> { } : to;
  }

  public static void emit(LifecycleSignal signal) {
    listener.accept(signal);
  }
}
