/**
 * Who a write is by, for its row in `audit_events`. Domain functions that write and audit take one,
 * so the demo seed writes through the same code as a person does, and its audit rows still say
 * where they came from (`source: "demo_seed"` in the details, as they always have).
 */

export type AuditedBy = {
  /** The acting person's user id; null for a rule, a timer or the seed acting alone. */
  readonly personId: string | null;
  /** Written by the demo seed. */
  readonly seeded?: true;
};

/** The demo seed, with no acting person. */
export const DEMO_SEED: AuditedBy = { personId: null, seeded: true };

/** The acting person's id for `audit_events.actor_user_id`. */
export function auditActor(by: AuditedBy): string | null {
  return by.personId;
}

/** What an audit row's details say of where it came from: `source: "demo_seed"` for the seed. */
export function auditOrigin(by: AuditedBy): { source?: "demo_seed" } {
  return by.seeded ? { source: "demo_seed" } : {};
}
