package org.partnerlifecycle;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Registered in META-INF/spring.factories. */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<StartupFailure> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StartupFailure cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
