/**
 * The replay's timeline: the stage appends what happened (in batches), the event page reads it back
 * after the show. An event keeps at most TIMELINE_MAX_ENTRIES: the room is taken with a conditional
 * update of the event's counter, in the append's transaction.
 */
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { SessionUser } from "../../shared/auth.ts";
import { describeIssues, ErrorCode } from "../../shared/errors.ts";
import { eventPhaseAt } from "../../shared/events/eventView.ts";
import {
  TIMELINE_MAX_BATCH,
  TIMELINE_MAX_ENTRIES,
  type Timeline,
  TimelineDraft,
  TimelineEntry,
} from "../../shared/events/timeline.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { eventInvitations, eventPresenters, events, eventTimeline } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { isEventStaff } from "./eventAccess.ts";
import { type EventRow, getEventRow, timesOf } from "./eventRecords.ts";

const Batch = z.array(TimelineDraft).max(TIMELINE_MAX_BATCH);

/**
 * Appends entries (instants of the stage's clock) to the event's timeline, as `t` ms from its start.
 * Returns how many were kept: none once the timeline is full.
 * @throws DomainError not_found, validation_failed (a malformed entry, or one outside the show)
 */
export async function appendTimeline(
  database: DbLike,
  eventId: string,
  drafts: TimelineDraft[],
): Promise<number> {
  const parsed = Batch.safeParse(drafts);
  if (!parsed.success)
    throw new DomainError(ErrorCode.validation, "These timeline entries are not valid.", {
      reason: "invalid_timeline",
      issues: describeIssues(parsed.error),
    });
  if (parsed.data.length === 0) return 0;
  const event = await getEventRow(database, eventId);
  const start = event.startsAt.getTime();
  const entries = parsed.data.map((d) => ({ ...d, t: Math.round(d.at - start) }));
  for (const [i, entry] of entries.entries()) {
    if (!TimelineEntry.safeParse({ t: entry.t, kind: entry.kind, payload: entry.payload }).success)
      throw new DomainError(ErrorCode.validation, "A timeline entry falls outside the show.", {
        reason: "outside_show",
        index: i,
      });
  }
  return drizzleOf(database).transaction(async (tx) => {
    const [room] = await tx
      .update(events)
      .set({ timelineLength: sql`${events.timelineLength} + ${entries.length}` })
      .where(
        and(
          eq(events.id, eventId),
          isNull(events.cancelledAt),
          lte(events.timelineLength, TIMELINE_MAX_ENTRIES - entries.length),
        ),
      )
      .returning({ length: events.timelineLength });
    if (!room) return 0;
    await tx
      .insert(eventTimeline)
      .values(entries.map((e) => ({ eventId, tMs: e.t, kind: e.kind, payload: e.payload })));
    return entries.length;
  });
}

/** Whether the viewer may play the timeline: after the show as its details allow; staff any time. */
async function mayReadTimeline(
  database: DbLike,
  event: EventRow,
  viewer: SessionUser | null,
  ended: boolean,
) {
  const eventId = event.id;
  if (isEventStaff(viewer, event.brandId)) return true;
  if (viewer) {
    const db = drizzleOf(database);
    const [presenting] = await db
      .select({ id: eventPresenters.id })
      .from(eventPresenters)
      .where(and(eq(eventPresenters.eventId, eventId), eq(eventPresenters.userId, viewer.id)));
    if (presenting) return true;
    if (!ended) return false;
    if (event.kind === "open") return true;
    const [invited] = await db
      .select({ id: eventInvitations.id })
      .from(eventInvitations)
      .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.userId, viewer.id)));
    return invited !== undefined;
  }
  return ended && event.kind === "open";
}

/**
 * The timeline in order, for the replay (after the show; its staff any time).
 * @throws DomainError not_found, forbidden (`not_ended`, `invite_only`)
 */
export async function readTimeline(
  database: DbLike,
  eventId: string,
  viewer: SessionUser | null,
  clock: Clock,
): Promise<Timeline> {
  const event = await getEventRow(database, eventId);
  const ended = eventPhaseAt(timesOf(event), clock.now().getTime()) === "ended";
  if (!(await mayReadTimeline(database, event, viewer, ended)))
    throw new DomainError(
      ErrorCode.forbidden,
      ended ? "The replay of this salon is for its guests." : "The replay opens when the show has ended.",
      { reason: ended ? "invite_only" : "not_ended", eventId },
    );
  const rows = await drizzleOf(database)
    .select()
    .from(eventTimeline)
    .where(eq(eventTimeline.eventId, eventId))
    .orderBy(asc(eventTimeline.tMs), asc(eventTimeline.seq));
  return {
    eventId,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    entries: rows.map((r) => TimelineEntry.parse({ t: r.tMs, kind: r.kind, payload: r.payload })),
  };
}
