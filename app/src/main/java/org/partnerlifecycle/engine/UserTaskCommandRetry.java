package org.partnerlifecycle.engine;

import io.camunda.client.api.command.ProblemException;
import java.time.Duration;

/**
 * The app's task projection lists a user task from its creating listener on, a moment before the engine has
 * finished creating it: the task stays in CREATING until that listener's job is completed, and a command sent
 * meanwhile is refused ("... but it is in state 'CREATING'"). Someone who acts on a task that fast gets their
 * command sent again for a few seconds instead of an error; any other refusal is passed on at once.
 */
final class UserTaskCommandRetry {

  static final Duration PATIENCE = Duration.ofSeconds(5);
  private static final Duration PAUSE = Duration.ofMillis(50);

  private UserTaskCommandRetry() {}

  static void run(Runnable command) {
    run(command, PATIENCE);
  }

  static void run(Runnable command, Duration patience) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        command.run();
        return;
      } catch (RuntimeException e) {
        if (!isStillCreating(e) || System.nanoTime() + PAUSE.toNanos() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(PAUSE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a user task to be created", e);
      }
    }
  }

  static boolean isStillCreating(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String detail = t instanceof ProblemException problem && problem.details() != null
          ? problem.details().getDetail() : null;
      if (mentionsCreating(t.getMessage()) || mentionsCreating(detail)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsCreating(String text) {
    return text != null && text.contains("in state 'CREATING'");
  }
}
