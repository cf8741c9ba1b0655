package org.partnerlifecycle.evaluation;

/** How mature the relationship with a partner is, from the scorecard's composite score. */
public enum Maturity {
  OPPORTUNISTIC, OPTIMIZED, STRATEGIC;

  static Maturity of(int compositeScore) {
    return compositeScore >= 70 ? STRATEGIC : compositeScore >= 40 ? OPTIMIZED : OPPORTUNISTIC;
  }
}
