package org.partnerlifecycle.document;

/** What an uploaded document proves, as the partner labels it. */
public enum DocumentKind {
  TAX_CERTIFICATE("Tax registration certificate"),
  BANK_LETTER("Bank confirmation letter"),
  COMPANY_REGISTRATION("Company registration extract"),
  INSURANCE("Insurance certificate"),
  OTHER("Other");

  private final String label;

  DocumentKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
