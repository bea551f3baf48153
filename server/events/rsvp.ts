/**
 * RSVP to an invite-only event.
 *
 * Why the seat cap never overflows (PGlite and PostgreSQL, any number of processes): a yes takes its
 * seat with `UPDATE event_seats SET seats_taken = seats_taken + 1 WHERE event_id = $1 AND seats_taken
 * < seat_cap`, in the same transaction as the invitation's change to yes; PostgreSQL re-checks the
 * WHERE after taking the row lock, so concurrent yeses queue on the counter and the one that finds it
 * full rolls its invitation change back. The invitation only changes through conditional updates
 * (`status <> 'yes'`, `status = 'yes'`), so repeats of one person (even concurrent) take or give back
 * at most one seat; a check constraint ties the seat to the yes. Lock order: invitation → seats.
 */
import { and, eq, gt, lt, ne, sql } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import type { RsvpAnswer, RsvpRefusal } from "../../shared/events/guestList.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, eventInvitations, eventSeats, events } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { bindPendingInvitations } from "./invitations.ts";

const MESSAGES: Record<RsvpRefusal, string> = {
  not_invited: "You are not on this event's guest list.",
  seats_full: "Every seat is taken. A seat may free up if a guest declines.",
  ended: "This event has ended.",
  cancelled: "This event was cancelled.",
};

function refused(reason: RsvpRefusal): RsvpAnswer {
  return { outcome: "refused", reason, message: MESSAGES[reason] };
}

/** Thrown inside the transaction to roll it back, answered as a refusal outside it. */
class RsvpRefused extends Error {
  readonly reason: RsvpRefusal;
  constructor(reason: RsvpRefusal) {
    super(reason);
    this.reason = reason;
  }
}

async function seatsLeft(tx: Db, eventId: string): Promise<number> {
  const [seats] = await tx.select().from(eventSeats).where(eq(eventSeats.eventId, eventId));
  return seats ? seats.seatCap - seats.seatsTaken : 0;
}

async function currentAnswer(tx: Db, eventId: string, userId: string): Promise<RsvpAnswer> {
  const [mine] = await tx
    .select({ status: eventInvitations.status, respondedAt: eventInvitations.respondedAt })
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.userId, userId)));
  if (!mine) throw new RsvpRefused("not_invited");
  return {
    outcome: "accepted",
    status: mine.status,
    respondedAt: mine.respondedAt?.toISOString() ?? null,
    seatsLeft: await seatsLeft(tx, eventId),
  };
}

const mine = (eventId: string, userId: string) =>
  and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.userId, userId));

async function answerYes(tx: Db, eventId: string, userId: string, now: Date): Promise<boolean> {
  const [changed] = await tx
    .update(eventInvitations)
    .set({ status: "yes", seatTakenAt: now, respondedAt: now })
    .where(and(mine(eventId, userId), ne(eventInvitations.status, "yes")))
    .returning({ id: eventInvitations.id });
  if (!changed) return false;
  const [seat] = await tx
    .update(eventSeats)
    .set({ seatsTaken: sql`${eventSeats.seatsTaken} + 1` })
    .where(and(eq(eventSeats.eventId, eventId), lt(eventSeats.seatsTaken, eventSeats.seatCap)))
    .returning({ seatsTaken: eventSeats.seatsTaken });
  if (!seat) throw new RsvpRefused("seats_full");
  return true;
}

async function answerNo(tx: Db, eventId: string, userId: string, now: Date): Promise<boolean> {
  const [gaveBack] = await tx
    .update(eventInvitations)
    .set({ status: "no", seatTakenAt: null, respondedAt: now })
    .where(and(mine(eventId, userId), eq(eventInvitations.status, "yes")))
    .returning({ id: eventInvitations.id });
  if (gaveBack) {
    await tx
      .update(eventSeats)
      .set({ seatsTaken: sql`${eventSeats.seatsTaken} - 1` })
      .where(and(eq(eventSeats.eventId, eventId), gt(eventSeats.seatsTaken, 0)));
    return true;
  }
  const [declined] = await tx
    .update(eventInvitations)
    .set({ status: "no", respondedAt: now })
    .where(and(mine(eventId, userId), eq(eventInvitations.status, "invited")))
    .returning({ id: eventInvitations.id });
  return declined !== undefined;
}

/**
 * Answers the person's invitation yes (taking a seat) or no (giving it back). Answering the same
 * again changes nothing and gets the same answer. Refusals are answers; only a missing event throws.
 * @throws DomainError not_found
 */
export async function rsvp(
  database: DbLike,
  user: Pick<SessionUser, "id" | "email">,
  eventId: string,
  answer: "yes" | "no",
  clock: Clock,
): Promise<RsvpAnswer> {
  await bindPendingInvitations(database, user);
  const db = drizzleOf(database);
  const [event] = await db
    .select({ kind: events.kind, endsAt: events.endsAt, cancelledAt: events.cancelledAt })
    .from(events)
    .where(eq(events.id, eventId));
  if (!event) throw DomainError.notFound("event", eventId);
  if (event.cancelledAt) return refused("cancelled");
  if (clock.now() >= event.endsAt) return refused("ended");
  if (event.kind !== "invite") return refused("not_invited");
  try {
    return await db.transaction(async (tx) => {
      const now = clock.now();
      const changed =
        answer === "yes"
          ? await answerYes(tx, eventId, user.id, now)
          : await answerNo(tx, eventId, user.id, now);
      const result = await currentAnswer(tx, eventId, user.id);
      if (changed)
        await tx.insert(auditEvents).values({
          at: now,
          kind: "event_rsvp",
          subjectUserId: user.id,
          reason: answer,
          details: { eventId, seatsLeft: result.outcome === "accepted" ? result.seatsLeft : null },
        });
      return result;
    });
  } catch (error) {
    if (error instanceof RsvpRefused) return refused(error.reason);
    throw error;
  }
}
