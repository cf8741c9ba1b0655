package org.partnerlifecycle.partner;

/** Program tiers, lowest first. */
public enum Tier {
  REGISTERED, SILVER, GOLD, PLATINUM
}
