/**
 * Reading events: the stored row with its presenters, products and seats, and turning it into the
 * shared views (summary for anyone, details for guests, phase on the server's clock).
 */
import { asc, eq } from "drizzle-orm";
import type { EventPresenter } from "../../shared/events/eventSchedule.ts";
import {
  type EventDetails,
  type EventSummary,
  type EventTimes,
  eventDoorsOpenAt,
  eventPhaseAt,
} from "../../shared/events/eventView.ts";
import type { InvitationStatus } from "../../shared/events/guestList.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brands, eventPresenters, eventProducts, eventSeats, events, users } from "../db/schema.ts";
import { DomainError } from "../errors.ts";

export type EventRow = typeof events.$inferSelect;

/** An event with everything its views need. */
export type EventRecord = EventRow & {
  brandName: string | null;
  presenters: { kind: "staff" | "host"; userId: string | null; displayName: string | null }[];
  productIds: string[];
  seatCap: number | null;
  seatsTaken: number;
};

export function timesOf(row: EventRow): EventTimes {
  return {
    startsAtMs: row.startsAt.getTime(),
    endsAtMs: row.endsAt.getTime(),
    doorsOpenMinutes: row.doorsOpenMinutes,
  };
}

/** @throws DomainError not_found */
export async function getEventRow(database: DbLike, eventId: string): Promise<EventRow> {
  const [row] = await drizzleOf(database).select().from(events).where(eq(events.id, eventId));
  if (!row) throw DomainError.notFound("event", eventId);
  return row;
}

/** The event with its presenters, products and seats. @throws DomainError not_found */
export async function getEventRecord(database: DbLike, eventId: string): Promise<EventRecord> {
  const db = drizzleOf(database);
  const [found] = await db
    .select({ event: events, brandName: brands.name })
    .from(events)
    .leftJoin(brands, eq(brands.id, events.brandId))
    .where(eq(events.id, eventId));
  if (!found) throw DomainError.notFound("event", eventId);
  const presenters = await db
    .select({ kind: eventPresenters.kind, userId: eventPresenters.userId, displayName: users.displayName })
    .from(eventPresenters)
    .leftJoin(users, eq(users.id, eventPresenters.userId))
    .where(eq(eventPresenters.eventId, eventId))
    .orderBy(asc(eventPresenters.position));
  const productRows = await db
    .select({ productId: eventProducts.productId })
    .from(eventProducts)
    .where(eq(eventProducts.eventId, eventId))
    .orderBy(asc(eventProducts.position));
  const [seats] = await db.select().from(eventSeats).where(eq(eventSeats.eventId, eventId));
  return {
    ...found.event,
    brandName: found.brandName,
    presenters,
    productIds: productRows.map((p) => p.productId),
    seatCap: seats?.seatCap ?? null,
    seatsTaken: seats?.seatsTaken ?? 0,
  };
}

/** The presenters as the schedule body names them. */
export function presentersOf(record: EventRecord): EventPresenter[] {
  return record.presenters.map((p) =>
    p.kind === "host" || p.userId === null ? { kind: "host" } : { kind: "staff", userId: p.userId },
  );
}

export function toEventSummary(
  row: EventRow & { brandName: string | null },
  now: Date,
  viewerInvitation: InvitationStatus | null,
): EventSummary {
  const times = timesOf(row);
  const phase = eventPhaseAt(times, now.getTime());
  return {
    id: row.id,
    brandId: row.brandId,
    brandName: row.brandName,
    title: row.title,
    kind: row.kind,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    doorsOpenAt: new Date(eventDoorsOpenAt(times)).toISOString(),
    phase,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    hasReplay: phase === "ended" && row.cancelledAt === null && row.timelineLength > 0,
    viewerInvitation,
  };
}

export function toEventDetails(record: EventRecord): EventDetails {
  return {
    description: record.description,
    presenters: record.presenters.map((p) =>
      p.kind === "host" || p.userId === null
        ? { kind: "host" }
        : { kind: "staff", userId: p.userId, displayName: p.displayName ?? "" },
    ),
    productIds: record.productIds,
    dropId: record.dropId,
    collectibleId: record.collectibleId,
    seatCap: record.seatCap,
  };
}
