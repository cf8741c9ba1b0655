package org.partnerlifecycle.partner;

/** Where a partner stands in its lifecycle, from first application to the end of the relationship. */
public enum LifecycleStage {
  APPLIED("Applied"),
  QUALIFIED("Qualified"),
  DECLINED("Declined"),
  BRIEFED("Partner brief"),
  AGREEMENT("Agreement"),
  ONBOARDING("Onboarding"),
  ACTIVE("Active"),
  SUSPENDED("Suspended"),
  WITHDRAWN("Withdrawn"),
  TERMINATING("Terminating"),
  TERMINATED("Terminated");

  private final String label;

  LifecycleStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
