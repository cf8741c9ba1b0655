package org.partnerlifecycle.account;

/** What a signed-in user may do. PARTNER users belong to one partner company; the others are vendor staff. */
public enum Role {
  PARTNER, OPS, MANAGER, ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isStaff() {
    return this != PARTNER;
  }
}
