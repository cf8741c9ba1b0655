package org.partnerlifecycle.partner;

/** What kind of channel partner a company is; drives templates, curriculum and the fit decision. */
public enum Segment {
  RESELLER("Reseller / VAR"),
  DISTRIBUTOR("Distributor"),
  SYSTEM_INTEGRATOR("System integrator"),
  MSP("Managed service provider"),
  REFERRAL("Referral partner");

  private final String label;

  Segment(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
