/**
 * Admission to an event's stage and audience shards: presenters and the brand's staff (moderators)
 * any time before the end; the audience from doors open, anyone for open events, only guests who
 * answered yes for invite-only ones. Refusals name their reason (and when the doors open).
 */
import { and, eq } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import {
  ADMISSION_MESSAGES,
  type AdmissionRefusal,
  type StageAdmission,
  type StageRole,
} from "../../shared/events/admission.ts";
import { eventDoorsOpenAt } from "../../shared/events/eventView.ts";
import type { InvitationStatus } from "../../shared/events/guestList.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { eventInvitations, eventPresenters, events } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { isEventStaff } from "./eventAccess.ts";
import { type EventRow, timesOf } from "./eventRecords.ts";
import { bindPendingInvitations } from "./invitations.ts";

/** Who is asking, as far as the stage cares (an account's id, admin role and brand roles). */
export type StageVisitor = Pick<SessionUser, "id" | "role" | "brandRoles">;

/** The decision for a loaded event (shared with attendance, which re-checks it). */
export async function decideAdmission(
  tx: Db,
  event: EventRow,
  visitor: StageVisitor | null,
  now: Date,
): Promise<{ role: StageRole } | { refusal: AdmissionRefusal; opensAt: Date | null }> {
  if (event.cancelledAt) return { refusal: "cancelled", opensAt: null };
  if (now >= event.endsAt) return { refusal: "ended", opensAt: null };
  if (visitor) {
    const [presenting] = await tx
      .select({ id: eventPresenters.id })
      .from(eventPresenters)
      .where(and(eq(eventPresenters.eventId, event.id), eq(eventPresenters.userId, visitor.id)));
    if (presenting) return { role: "presenter" };
    if (isEventStaff(visitor, event.brandId)) return { role: "moderator" };
  }
  if (event.kind === "invite") {
    const status = visitor ? await invitationStatus(tx, event.id, visitor.id) : null;
    if (status === null) return { refusal: "invite_only", opensAt: null };
    if (status !== "yes") return { refusal: "rsvp_required", opensAt: null };
  }
  const opensAt = new Date(eventDoorsOpenAt(timesOf(event)));
  if (now < opensAt) return { refusal: "not_open_yet", opensAt };
  return { role: event.kind === "invite" ? "guest" : "viewer" };
}

async function invitationStatus(tx: Db, eventId: string, userId: string): Promise<InvitationStatus | null> {
  const [row] = await tx
    .select({ status: eventInvitations.status })
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.userId, userId)));
  return row?.status ?? null;
}

/**
 * May this person (null: a visitor without an account) enter the event's stage, and as whom?
 * Never throws for a missing event: that is the `not_found` refusal.
 */
export async function admitToStage(
  database: DbLike,
  visitor: (StageVisitor & { email: string }) | null,
  eventId: string,
  clock: Clock,
): Promise<StageAdmission> {
  const db = drizzleOf(database);
  const now = clock.now();
  if (visitor) await bindPendingInvitations(db, visitor);
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  const decision = event
    ? await decideAdmission(db, event, visitor, now)
    : { refusal: "not_found" as const, opensAt: null };
  if ("role" in decision) return { allowed: true, eventId, role: decision.role, userId: visitor?.id ?? null };
  return {
    allowed: false,
    eventId,
    reason: decision.refusal,
    message: ADMISSION_MESSAGES[decision.refusal],
    opensAt: decision.opensAt?.toISOString() ?? null,
  };
}
