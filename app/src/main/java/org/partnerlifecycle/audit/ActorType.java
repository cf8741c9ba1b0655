package org.partnerlifecycle.audit;

/** Who caused a lifecycle event. */
public enum ActorType {
  /** Vendor staff: ops, channel manager, admin. */
  STAFF,
  /** A user of the partner company, through the portal. */
  PARTNER_USER,
  /** A job worker acting for a BPMN process. */
  WORKER,
  /** The application itself (demo data, migrations). */
  SYSTEM
}
