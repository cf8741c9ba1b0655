package org.partnerlifecycle.engine;

import org.partnerlifecycle.StartupFailure;

/** The Camunda cluster did not answer when the app started; the message names the address that was asked. */
public class CamundaGatewayUnavailableException extends StartupFailure {

  CamundaGatewayUnavailableException(String description, String action, Throwable cause) {
    super(description, action, cause);
  }
}
