package org.partnerlifecycle;

/**
 * The app cannot start as configured: the message says what is wrong, {@link #action()} which setting to fix.
 * {@link StartupFailureAnalyzer} prints both as Spring Boot's "APPLICATION FAILED TO START" report instead of
 * a stack trace.
 */
public class StartupFailure extends RuntimeException {

  private final String action;

  public StartupFailure(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
