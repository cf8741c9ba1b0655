package org.partnerlifecycle.engine;

/**
 * The Camunda cluster did not answer when the app started. The message says which address was asked and what
 * went wrong; {@link #action()} says which setting to check. {@link CamundaGatewayFailureAnalyzer} prints both
 * instead of a stack trace.
 */
public class CamundaGatewayUnavailableException extends RuntimeException {

  private final String action;

  CamundaGatewayUnavailableException(String description, String action, Throwable cause) {
    super(description, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
