package org.partnerlifecycle.engine;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a failed Camunda startup check into Spring Boot's "APPLICATION FAILED TO START" report. */
class CamundaGatewayFailureAnalyzer extends AbstractFailureAnalyzer<CamundaGatewayUnavailableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CamundaGatewayUnavailableException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
