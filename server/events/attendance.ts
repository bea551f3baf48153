/**
 * Attendance of an event's signed-in audience: the first join (which grants the event's collectible,
 * once per person, in the same transaction), the last time seen, and the time watched.
 */
import { and, eq, sql } from "drizzle-orm";
import type { AdmissionRefusal } from "../../shared/events/admission.ts";
import { certificateSignerFor } from "../collectibles/certificateSigner.ts";
import { type GrantOutcome, grantCopyInTransaction } from "../collectibles/grants.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandStaff, eventAttendance, events, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { decideAdmission, type StageVisitor } from "./admission.ts";
import { getEventRow, timesOf } from "./eventRecords.ts";

/** The most one report of watch time may add (the audience shards report every minute). */
export const WATCH_REPORT_MAX_SECONDS = 600;
/** How often an audience shard reports the watch time of those who stay. */
export const WATCH_REPORT_EVERY_SECONDS = 60;

export type AttendanceOutcome =
  | { recorded: true; first: boolean; grant: GrantOutcome | null }
  | { recorded: false; reason: AdmissionRefusal | "staff" };

async function visitorOf(database: DbLike, userId: string): Promise<StageVisitor | null> {
  const db = drizzleOf(database);
  const [user] = await db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
  if (!user) return null;
  const brandRoles = await db
    .select({ brandId: brandStaff.brandId, role: brandStaff.role })
    .from(brandStaff)
    .where(eq(brandStaff.userId, userId));
  return { ...user, brandRoles };
}

/**
 * Records that a signed-in person joined the event's audience (the stage calls it on each join).
 * The person must be admitted now (staff are not the audience); the first join grants the event's
 * collectible, if it has one, through the collectibles' grants (`event_attendance`, once per person).
 * @throws DomainError not_found
 */
export async function recordAttendance(
  database: DbLike,
  input: { eventId: string; userId: string },
  clock: Clock,
): Promise<AttendanceOutcome> {
  const event = await getEventRow(database, input.eventId);
  const visitor = await visitorOf(database, input.userId);
  if (!visitor) return { recorded: false, reason: "not_found" };
  return drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const decision = await decideAdmission(tx, event, visitor, now);
    if ("refusal" in decision) return { recorded: false, reason: decision.refusal };
    if (decision.role === "presenter" || decision.role === "moderator")
      return { recorded: false, reason: "staff" };
    const [first] = await tx
      .insert(eventAttendance)
      .values({ eventId: event.id, userId: input.userId, firstSeenAt: now, lastSeenAt: now })
      .onConflictDoNothing()
      .returning({ userId: eventAttendance.userId });
    if (!first) {
      await tx
        .update(eventAttendance)
        .set({ lastSeenAt: sql`greatest(${eventAttendance.lastSeenAt}, ${now.toISOString()}::timestamptz)` })
        .where(and(eq(eventAttendance.eventId, event.id), eq(eventAttendance.userId, input.userId)));
      return { recorded: true, first: false, grant: null };
    }
    const grant = event.collectibleId
      ? await grantCopyInTransaction(
          tx,
          certificateSignerFor(database),
          {
            collectibleId: event.collectibleId,
            userId: input.userId,
            reason: "event_attendance",
            ref: event.id,
          },
          now,
        )
      : null;
    return { recorded: true, first: true, grant };
  });
}

/**
 * Adds watched seconds (clamped to 0..WATCH_REPORT_MAX_SECONDS per report, and in all to the time
 * the doors are open) for someone whose attendance is recorded. Returns the new total, or null.
 */
export async function addWatchTime(
  database: DbLike,
  input: { eventId: string; userId: string; seconds: number },
  clock: Clock,
): Promise<number | null> {
  const seconds = Math.round(
    Math.min(WATCH_REPORT_MAX_SECONDS, Math.max(0, Number.isFinite(input.seconds) ? input.seconds : 0)),
  );
  const [event] = await drizzleOf(database).select().from(events).where(eq(events.id, input.eventId));
  if (!event) return null;
  const times = timesOf(event);
  const cap = Math.ceil((times.endsAtMs - times.startsAtMs) / 1000) + times.doorsOpenMinutes * 60;
  const now = clock.now();
  const [row] = await drizzleOf(database)
    .update(eventAttendance)
    .set({
      watchSeconds: sql`least(${eventAttendance.watchSeconds} + ${seconds}, ${cap})`,
      lastSeenAt: sql`greatest(${eventAttendance.lastSeenAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(and(eq(eventAttendance.eventId, input.eventId), eq(eventAttendance.userId, input.userId)))
    .returning({ watchSeconds: eventAttendance.watchSeconds });
  return row?.watchSeconds ?? null;
}
