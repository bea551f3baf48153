/**
 * Scheduling an event, changing it and cancelling it (both only before it starts). Every change is
 * audited in its transaction; presenters and products are replaced as a whole; an invite event's
 * seat cap never goes below the seats already taken (checked by a conditional update).
 */
import { and, count, eq, isNull, lte, sql } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import { describeIssues, ErrorCode } from "../../shared/errors.ts";
import {
  type CancelEventBody,
  ScheduleEventBody,
  type ScheduleEventInput,
  type UpdateEventBody,
} from "../../shared/events/eventSchedule.ts";
import type { EventView } from "../../shared/events/eventView.ts";
import { type AuditedBy, auditActor, auditOrigin } from "../audit.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import {
  auditEvents,
  eventInvitations,
  eventPresenters,
  eventProducts,
  eventSeats,
  events,
} from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { requireEventManager } from "./eventAccess.ts";
import { getEventView } from "./eventQueries.ts";
import { type EventRecord, getEventRecord, presentersOf } from "./eventRecords.ts";
import { checkEventReferences } from "./eventReferences.ts";

function startsInPast(): DomainError {
  return new DomainError(ErrorCode.validation, "An event is scheduled to start in the future.", {
    reason: "starts_in_past",
    path: "startsAt",
  });
}

async function writeChildren(tx: Db, eventId: string, body: ScheduleEventBody): Promise<void> {
  await tx.delete(eventPresenters).where(eq(eventPresenters.eventId, eventId));
  await tx.insert(eventPresenters).values(
    body.presenters.map((p, position) => ({
      eventId,
      kind: p.kind,
      userId: p.kind === "staff" ? p.userId : null,
      position,
    })),
  );
  await tx.delete(eventProducts).where(eq(eventProducts.eventId, eventId));
  if (body.productIds.length > 0)
    await tx
      .insert(eventProducts)
      .values(body.productIds.map((productId, position) => ({ eventId, productId, position })));
}

function columnsOf(body: ScheduleEventBody) {
  return {
    title: body.title,
    description: body.description,
    kind: body.kind,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    doorsOpenMinutes: body.doorsOpenMinutes,
    dropId: body.dropId ?? null,
    collectibleId: body.collectibleId ?? null,
    hostScript: body.hostScript ?? null,
  };
}

/**
 * Writes a new event (its presenters, products and seats) and audits it, in the caller's
 * transaction; the references are checked as for a brand's request. Writes nothing and returns
 * null when an event with the body's id exists (so the demo seed re-runs safely). Times are not
 * checked against the clock here: `scheduleEvent` refuses a start in the past, the seed does not.
 * @throws DomainError validation_failed (references), not_found (brand)
 */
export async function insertEvent(
  tx: Db,
  body: ScheduleEventBody,
  by: AuditedBy,
  now: Date,
): Promise<string | null> {
  await checkEventReferences(tx, body, body.id ?? null);
  const [row] = await tx
    .insert(events)
    .values({
      ...(body.id ? { id: body.id } : {}),
      brandId: body.brandId,
      ...columnsOf(body),
      createdBy: auditActor(by),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: events.id });
  if (!row) return null;
  await writeChildren(tx, row.id, body);
  if (body.kind === "invite" && body.seatCap)
    await tx.insert(eventSeats).values({ eventId: row.id, seatCap: body.seatCap });
  await tx.insert(auditEvents).values({
    at: now,
    kind: "event_scheduled",
    actorUserId: auditActor(by),
    details: {
      eventId: row.id,
      brandId: body.brandId,
      kind: body.kind,
      seatCap: body.seatCap ?? null,
      ...auditOrigin(by),
    },
  });
  return row.id;
}

/**
 * Schedules an event for `body.brandId` (its owners and merchandisers, or admins; null: a platform
 * event, admins). Returns it as its scheduler sees it.
 * @throws DomainError forbidden, validation_failed (with `reason` and `path`), not_found (brand),
 * conflict `id_taken`
 */
export async function scheduleEvent(
  database: DbLike,
  actor: SessionUser,
  body: ScheduleEventBody,
  clock: Clock,
): Promise<EventView> {
  requireEventManager(actor, body.brandId);
  const now = clock.now();
  if (Date.parse(body.startsAt) <= now.getTime()) throw startsInPast();
  const eventId = await drizzleOf(database).transaction(async (tx) => {
    const id = await insertEvent(tx, body, { personId: actor.id }, now);
    if (!id)
      throw new DomainError(ErrorCode.conflict, `An event with the id ${body.id} already exists.`, {
        reason: "id_taken",
        path: "id",
      });
    return id;
  });
  return getEventView(database, eventId, actor, clock);
}

/** The stored event as a schedule body, to merge a change into. */
function bodyOf(record: EventRecord): ScheduleEventInput {
  return {
    brandId: record.brandId,
    title: record.title,
    description: record.description,
    startsAt: record.startsAt.toISOString(),
    endsAt: record.endsAt.toISOString(),
    doorsOpenMinutes: record.doorsOpenMinutes,
    kind: record.kind,
    presenters: presentersOf(record),
    productIds: record.productIds,
    seatCap: record.seatCap,
    dropId: record.dropId,
    collectibleId: record.collectibleId,
    hostScript: record.hostScript,
  };
}

/** Loads the event for a change by its manager, refusing once it started or was cancelled. */
async function changeableEvent(tx: Db, actor: SessionUser, eventId: string, now: Date): Promise<EventRecord> {
  // The row lock serialises changes of one event (two editors, or an edit and a cancellation).
  await tx.execute(sql`select 1 from ${events} where ${events.id} = ${eventId} for update`);
  const record = await getEventRecord(tx, eventId);
  requireEventManager(actor, record.brandId);
  if (record.cancelledAt)
    throw new DomainError(ErrorCode.conflict, "This event was cancelled.", { reason: "cancelled", eventId });
  if (now >= record.startsAt)
    throw new DomainError(ErrorCode.conflict, "This event has started: it can no longer be changed.", {
      reason: "already_started",
      eventId,
    });
  return record;
}

/**
 * Changes an event before it starts: the fields given replace the stored ones, and the whole
 * event is checked again as if scheduled anew.
 * @throws DomainError not_found, forbidden, conflict (`cancelled`, `already_started`, `kind_locked`,
 * `seat_cap_below_taken`), validation_failed
 */
export async function updateEvent(
  database: DbLike,
  actor: SessionUser,
  eventId: string,
  patch: UpdateEventBody,
  clock: Clock,
): Promise<EventView> {
  await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const record = await changeableEvent(tx, actor, eventId, now);
    const parsed = ScheduleEventBody.safeParse({ ...bodyOf(record), ...patch });
    if (!parsed.success)
      throw new DomainError(ErrorCode.validation, "The event would not be valid with this change.", {
        reason: "invalid_event",
        issues: describeIssues(parsed.error),
      });
    const body = parsed.data;
    if (patch.startsAt !== undefined && Date.parse(body.startsAt) <= now.getTime()) throw startsInPast();
    await checkEventReferences(tx, body, eventId);
    if (body.kind !== record.kind) await refuseKindChangeWithGuests(tx, eventId);
    await tx
      .update(events)
      .set({ ...columnsOf(body), updatedAt: now })
      .where(eq(events.id, eventId));
    await writeChildren(tx, eventId, body);
    await setSeatCap(tx, eventId, body.kind === "invite" ? (body.seatCap ?? null) : null);
    await tx.insert(auditEvents).values({
      at: now,
      kind: "event_updated",
      actorUserId: actor.id,
      details: { eventId, fields: Object.keys(patch) },
    });
  });
  return getEventView(database, eventId, actor, clock);
}

async function refuseKindChangeWithGuests(tx: Db, eventId: string): Promise<void> {
  const [guests] = await tx
    .select({ n: count() })
    .from(eventInvitations)
    .where(eq(eventInvitations.eventId, eventId));
  if (Number(guests?.n ?? 0) > 0)
    throw new DomainError(ErrorCode.conflict, "Guests are invited already: the event stays invite-only.", {
      reason: "kind_locked",
      path: "kind",
    });
}

/** Sets (or removes, for open events) the seat cap; never below the seats taken. */
async function setSeatCap(tx: Db, eventId: string, seatCap: number | null): Promise<void> {
  if (seatCap === null) {
    await tx.delete(eventSeats).where(eq(eventSeats.eventId, eventId));
    return;
  }
  const [changed] = await tx
    .update(eventSeats)
    .set({ seatCap })
    .where(and(eq(eventSeats.eventId, eventId), lte(eventSeats.seatsTaken, seatCap)))
    .returning({ eventId: eventSeats.eventId });
  if (changed) return;
  const [inserted] = await tx
    .insert(eventSeats)
    .values({ eventId, seatCap })
    .onConflictDoNothing()
    .returning();
  if (inserted) return;
  const [seats] = await tx.select().from(eventSeats).where(eq(eventSeats.eventId, eventId));
  throw new DomainError(ErrorCode.conflict, `${seats?.seatsTaken ?? "More"} guests already hold a seat.`, {
    reason: "seat_cap_below_taken",
    path: "seatCap",
    seatsTaken: seats?.seatsTaken ?? null,
  });
}

/**
 * Cancels an event before it starts; cancelling it again changes nothing. Guests keep their
 * invitations, which now show the event as cancelled.
 */
export async function cancelEvent(
  database: DbLike,
  actor: SessionUser,
  eventId: string,
  body: CancelEventBody,
  clock: Clock,
): Promise<EventView> {
  await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const [already] = await tx
      .select({ brandId: events.brandId })
      .from(events)
      .where(and(eq(events.id, eventId), sql`${events.cancelledAt} is not null`));
    if (already) {
      requireEventManager(actor, already.brandId);
      return;
    }
    await changeableEvent(tx, actor, eventId, now);
    await tx
      .update(events)
      .set({ cancelledAt: now, cancelReason: body.reason, updatedAt: now })
      .where(and(eq(events.id, eventId), isNull(events.cancelledAt)));
    await tx.insert(auditEvents).values({
      at: now,
      kind: "event_cancelled",
      actorUserId: actor.id,
      reason: body.reason,
      details: { eventId },
    });
  });
  return getEventView(database, eventId, actor, clock);
}
