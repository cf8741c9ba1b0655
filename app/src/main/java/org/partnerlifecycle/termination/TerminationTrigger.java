package org.partnerlifecycle.termination;

/** Why a partnership ends. */
public enum TerminationTrigger {
  /** The partner asked to leave. */
  PARTNER_REQUEST,
  /** A channel manager decided, for cause, with a reason. */
  FOR_CAUSE,
  /** An evaluation found the partner non-productive and the manager chose to part ways. */
  NON_PRODUCTIVE,
  /** The agreement expired and was not renewed within the grace period. */
  AGREEMENT_LAPSED
}
