/**
 * Events as people see them: the list (live and upcoming, then recent ones with a replay) and one
 * event's view. Invite-only events show anyone their title and time; their details to their guests
 * and staff; their guest list to staff only.
 */
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import type { EventList, EventStaffView, EventView } from "../../shared/events/eventView.ts";
import { EVENT_VIEW_GUEST_LIMIT } from "../../shared/events/eventView.ts";
import type { InvitationStatus } from "../../shared/events/guestList.ts";
import type { LiveEventFact } from "../../shared/host/hostBrain.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brands, eventAttendance, eventInvitations, events, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { isEventStaff } from "./eventAccess.ts";
import { type EventRecord, getEventRecord, toEventDetails, toEventSummary } from "./eventRecords.ts";
import { bindPendingInvitations } from "./invitations.ts";

/** Events listed ahead, and how long an ended show with a replay stays listed. */
export const EVENT_LIST_AHEAD_DAYS = 60;
export const EVENT_LIST_REPLAY_DAYS = 14;
export const EVENT_LIST_LIMIT = 100;
const DAY = 86_400_000;

/** The viewer's invitation statuses for these events. */
async function invitationsOf(database: DbLike, viewer: SessionUser | null, eventIds: string[]) {
  const statuses = new Map<string, InvitationStatus>();
  if (!viewer || eventIds.length === 0) return statuses;
  const rows = await drizzleOf(database)
    .select({ eventId: eventInvitations.eventId, status: eventInvitations.status })
    .from(eventInvitations)
    .where(and(eq(eventInvitations.userId, viewer.id), inArray(eventInvitations.eventId, eventIds)));
  for (const r of rows) statuses.set(r.eventId, r.status);
  return statuses;
}

/**
 * Live events first (ending soonest), then upcoming ones (starting soonest, up to 60 days ahead),
 * then shows ended in the last 14 days that have a replay (latest first). Cancelled ones are left out.
 */
export async function listEvents(
  database: DbLike,
  viewer: SessionUser | null,
  clock: Clock,
): Promise<EventList> {
  const now = clock.now();
  if (viewer) await bindPendingInvitations(database, viewer);
  const rows = await drizzleOf(database)
    .select({ event: events, brandName: brands.name })
    .from(events)
    .leftJoin(brands, eq(brands.id, events.brandId))
    .where(
      and(
        isNull(events.cancelledAt),
        or(
          and(
            gt(events.endsAt, now),
            lt(events.startsAt, new Date(now.getTime() + EVENT_LIST_AHEAD_DAYS * DAY)),
          ),
          and(
            gt(events.endsAt, new Date(now.getTime() - EVENT_LIST_REPLAY_DAYS * DAY)),
            sql`${events.endsAt} <= ${now.toISOString()}::timestamptz`,
            gt(events.timelineLength, 0),
          ),
        ),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(EVENT_LIST_LIMIT * 2);
  const statuses = await invitationsOf(
    database,
    viewer,
    rows.map((r) => r.event.id),
  );
  const summaries = rows.map((r) =>
    toEventSummary({ ...r.event, brandName: r.brandName }, now, statuses.get(r.event.id) ?? null),
  );
  const rank = { live: 0, doors_open: 1, scheduled: 1, ended: 2 } as const;
  summaries.sort((a, b) => {
    const byPhase = rank[a.phase] - rank[b.phase];
    if (byPhase !== 0) return byPhase;
    if (a.phase === "live") return Date.parse(a.endsAt) - Date.parse(b.endsAt);
    if (a.phase === "ended") return Date.parse(b.endsAt) - Date.parse(a.endsAt);
    return Date.parse(a.startsAt) - Date.parse(b.startsAt);
  });
  return { serverTime: now.toISOString(), events: summaries.slice(0, EVENT_LIST_LIMIT) };
}

async function staffViewOf(database: DbLike, record: EventRecord): Promise<EventStaffView> {
  const db = drizzleOf(database);
  const countRows = await db
    .select({
      status: eventInvitations.status,
      pending: sql<boolean>`${eventInvitations.userId} is null`,
      n: count(),
    })
    .from(eventInvitations)
    .where(eq(eventInvitations.eventId, record.id))
    .groupBy(eventInvitations.status, sql`${eventInvitations.userId} is null`);
  const counts = { invited: 0, yes: 0, no: 0, pending: 0 };
  for (const r of countRows) {
    counts[r.status] += Number(r.n);
    if (r.pending) counts.pending += Number(r.n);
  }
  const guests = await db
    .select({ invitation: eventInvitations, displayName: users.displayName })
    .from(eventInvitations)
    .leftJoin(users, eq(users.id, eventInvitations.userId))
    .where(eq(eventInvitations.eventId, record.id))
    .orderBy(asc(eventInvitations.invitedAt), asc(eventInvitations.email))
    .limit(EVENT_VIEW_GUEST_LIMIT);
  const [attended] = await db
    .select({ n: count(), seconds: sql<string>`coalesce(sum(${eventAttendance.watchSeconds}), 0)` })
    .from(eventAttendance)
    .where(eq(eventAttendance.eventId, record.id));
  const attendees = Number(attended?.n ?? 0);
  const watchSeconds = Number(attended?.seconds ?? 0);
  return {
    hostScript: record.hostScript,
    guestListRules: record.guestListRules,
    seatsTaken: record.seatsTaken,
    counts,
    guests: guests.map(({ invitation: i, displayName }) => ({
      invitationId: i.id,
      email: i.email,
      userId: i.userId,
      displayName,
      status: i.status,
      source: i.source,
      invitedAt: i.invitedAt.toISOString(),
      respondedAt: i.respondedAt?.toISOString() ?? null,
    })),
    createdBy: record.createdBy,
    cancelReason: record.cancelReason,
    attendance: {
      attendees,
      watchSeconds,
      averageWatchSeconds: attendees > 0 ? Math.round(watchSeconds / attendees) : 0,
    },
  };
}

/**
 * One event as `viewer` (null: a visitor without an account) may see it.
 * @throws DomainError not_found
 */
export async function getEventView(
  database: DbLike,
  eventId: string,
  viewer: SessionUser | null,
  clock: Clock,
): Promise<EventView> {
  const now = clock.now();
  if (viewer) await bindPendingInvitations(database, viewer);
  const record = await getEventRecord(database, eventId);
  const invitation = (await invitationsOf(database, viewer, [eventId])).get(eventId) ?? null;
  const presenter = viewer !== null && record.presenters.some((p) => p.userId === viewer.id);
  const staff = presenter || isEventStaff(viewer, record.brandId);
  const showDetails = record.kind === "open" || staff || invitation !== null;
  return {
    ...toEventSummary(record, now, invitation),
    details: showDetails ? toEventDetails(record) : null,
    staff: staff ? await staffViewOf(database, record) : null,
    serverTime: now.toISOString(),
  };
}

/** Open events of a maison live at `now` (started, not ended, not cancelled), for the avenue's host. */
export async function liveEventFacts(database: DbLike, now: Date): Promise<LiveEventFact[]> {
  const rows = await drizzleOf(database)
    .select({ eventId: events.id, brandId: events.brandId, title: events.title })
    .from(events)
    .where(
      and(
        isNull(events.cancelledAt),
        eq(events.kind, "open"),
        isNotNull(events.brandId),
        lte(events.startsAt, now),
        gt(events.endsAt, now),
      ),
    );
  return rows.flatMap((r) => (r.brandId ? [{ eventId: r.eventId, brandId: r.brandId, title: r.title }] : []));
}
