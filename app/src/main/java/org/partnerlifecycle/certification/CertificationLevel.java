package org.partnerlifecycle.certification;

/** Individual certification levels of the program, lowest first. */
public enum CertificationLevel {
  SALES_ASSOCIATE("Sales Associate"),
  TECHNICAL_SPECIALIST("Technical Specialist"),
  SOLUTION_ARCHITECT("Solution Architect");

  private final String label;

  CertificationLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
