/**
 * "An advisor now": advisors online for a brand (kept by heartbeats), the live queue of shoppers, a
 * shopper's place in it with an estimated wait, and the advisor taking the next one, which opens a
 * live appointment (and its salon) at once. Taking uses FOR UPDATE SKIP LOCKED, so two advisors
 * taking at the same moment take two different people.
 */
import { and, asc, count, desc, eq, gt, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Appointment } from "../../../shared/clienteling/appointments.ts";
import {
  estimateWaitMinutes,
  type JoinQueueAnswer,
  type QueueStatus,
} from "../../../shared/clienteling/queue.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { advisorPresence, advisorQueue, appointments } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { DomainError } from "../../errors.ts";
import { getClientelingSettings } from "../settings.ts";
import { requireStaff } from "../staff.ts";
import { loadAppointment } from "./appointmentViews.ts";
import { freeSlotsOfBrand } from "./freeSlots.ts";

/** An advisor counts as online while their last heartbeat is younger than this. */
export const PRESENCE_TTL_MS = 90_000;
/** Sessions averaged for the estimate (the most recent ones, within 30 days). */
const SESSIONS_AVERAGED = 20;

/** The advisor says they are online (available, or busy in a session) for the brand. */
export async function advisorHeartbeat(
  database: DbLike,
  request: { actorId: string; brandId: string; status: "available" | "in_session" },
  clock: Clock,
): Promise<void> {
  await requireStaff(database, request.actorId, request.brandId);
  const values = { status: request.status, lastSeenAt: clock.now() };
  await drizzleOf(database)
    .insert(advisorPresence)
    .values({ brandId: request.brandId, advisorId: request.actorId, ...values })
    .onConflictDoUpdate({ target: [advisorPresence.brandId, advisorPresence.advisorId], set: values });
}

/** The advisor goes offline for the brand. */
export async function advisorOffline(
  database: DbLike,
  request: { actorId: string; brandId: string },
): Promise<void> {
  await drizzleOf(database)
    .delete(advisorPresence)
    .where(and(eq(advisorPresence.brandId, request.brandId), eq(advisorPresence.advisorId, request.actorId)));
}

async function onlineAdvisors(database: DbLike, brandId: string, now: Date) {
  return drizzleOf(database)
    .select()
    .from(advisorPresence)
    .where(
      and(
        eq(advisorPresence.brandId, brandId),
        gt(advisorPresence.lastSeenAt, new Date(now.getTime() - PRESENCE_TTL_MS)),
      ),
    );
}

/** The brand's recent average session length in minutes (its slot length until it has sessions). */
export async function averageSessionMinutes(database: DbLike, brandId: string, now: Date): Promise<number> {
  const recent = await drizzleOf(database)
    .select({ startedAt: appointments.startedAt, endedAt: appointments.endedAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.brandId, brandId),
        isNotNull(appointments.startedAt),
        isNotNull(appointments.endedAt),
        gt(appointments.endedAt, new Date(now.getTime() - 30 * 86_400_000)),
      ),
    )
    .orderBy(desc(appointments.endedAt))
    .limit(SESSIONS_AVERAGED);
  if (recent.length === 0) return (await getClientelingSettings(database, brandId)).slotMinutes;
  const total = recent.reduce(
    (sum, s) => sum + ((s.endedAt as Date).getTime() - (s.startedAt as Date).getTime()),
    0,
  );
  return total / recent.length / 60_000;
}

/** Advisors online for the brand now, and the wait of a shopper who would join the queue now. */
export async function liveQueueEstimate(
  database: DbLike,
  brandId: string,
  clock: Clock,
): Promise<{ advisorsOnline: number; estimatedWaitMinutes: number | null }> {
  const db = drizzleOf(database);
  const now = clock.now();
  const online = await onlineAdvisors(db, brandId, now);
  if (online.length === 0) return { advisorsOnline: 0, estimatedWaitMinutes: null };
  const [waiting] = await db
    .select({ n: count() })
    .from(advisorQueue)
    .where(and(eq(advisorQueue.brandId, brandId), eq(advisorQueue.status, "waiting")));
  const estimatedWaitMinutes = estimateWaitMinutes({
    position: (waiting?.n ?? 0) + 1,
    advisorsOnline: online.length,
    advisorsFree: online.filter((a) => a.status === "available").length,
    averageSessionMinutes: await averageSessionMinutes(db, brandId, now),
  });
  return { advisorsOnline: online.length, estimatedWaitMinutes };
}

/** The shopper's latest queue entry with the brand, with their place and estimated wait. */
export async function queueStatus(
  database: DbLike,
  request: { clientId: string; brandId: string },
  clock: Clock,
): Promise<QueueStatus | null> {
  const db = drizzleOf(database);
  const now = clock.now();
  const [entry] = await db
    .select()
    .from(advisorQueue)
    .where(and(eq(advisorQueue.brandId, request.brandId), eq(advisorQueue.clientId, request.clientId)))
    .orderBy(desc(advisorQueue.joinedAt))
    .limit(1);
  if (!entry) return null;
  const online = await onlineAdvisors(db, request.brandId, now);
  let position: number | null = null;
  let estimate: number | null = null;
  if (entry.status === "waiting") {
    const [ahead] = await db
      .select({ n: count() })
      .from(advisorQueue)
      .where(
        and(
          eq(advisorQueue.brandId, request.brandId),
          eq(advisorQueue.status, "waiting"),
          or(
            lt(advisorQueue.joinedAt, entry.joinedAt),
            and(eq(advisorQueue.joinedAt, entry.joinedAt), lt(advisorQueue.id, entry.id)),
          ),
        ),
      );
    position = (ahead?.n ?? 0) + 1;
    estimate = estimateWaitMinutes({
      position,
      advisorsOnline: online.length,
      advisorsFree: online.filter((a) => a.status === "available").length,
      averageSessionMinutes: await averageSessionMinutes(db, request.brandId, now),
    });
  }
  return {
    brandId: entry.brandId,
    entryId: entry.id,
    status: entry.status,
    position,
    estimatedWaitMinutes: estimate,
    advisorsOnline: online.length,
    joinedAt: entry.joinedAt.toISOString(),
    appointmentId: entry.appointmentId,
  };
}

/**
 * The shopper joins the brand's live queue when an advisor is online (joining twice keeps their
 * place); otherwise they are offered the next free slots.
 */
export async function joinQueue(
  database: DbLike,
  request: { clientId: string; brandId: string },
  clock: Clock,
): Promise<JoinQueueAnswer> {
  const now = clock.now();
  if ((await onlineAdvisors(database, request.brandId, now)).length === 0) {
    const next = await freeSlotsOfBrand(
      database,
      { brandId: request.brandId, clientId: request.clientId, limit: 5 },
      clock,
    );
    return { outcome: "no_advisor_online", nextSlots: next.slots };
  }
  await drizzleOf(database)
    .insert(advisorQueue)
    .values({ brandId: request.brandId, clientId: request.clientId, status: "waiting", joinedAt: now })
    .onConflictDoNothing();
  const status = await queueStatus(database, request, clock);
  if (!status) throw new Error("queue entry vanished");
  return { outcome: "queued", queue: status };
}

/** The shopper leaves the queue (no-op when not waiting). */
export async function leaveQueue(
  database: DbLike,
  request: { clientId: string; brandId: string },
  clock: Clock,
): Promise<void> {
  await drizzleOf(database)
    .update(advisorQueue)
    .set({ status: "left", leftAt: clock.now() })
    .where(
      and(
        eq(advisorQueue.brandId, request.brandId),
        eq(advisorQueue.clientId, request.clientId),
        eq(advisorQueue.status, "waiting"),
      ),
    );
}

/**
 * The advisor takes the next shopper: a live appointment starting now, its salon open to both.
 * @returns null when nobody is waiting.
 * @throws DomainError forbidden, conflict (`advisor_busy`: they already have an appointment starting now).
 */
export async function takeNextInQueue(
  database: DbLike,
  request: { actorId: string; brandId: string },
  clock: Clock,
): Promise<Appointment | null> {
  const appointmentId = await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const staff = await requireStaff(tx, request.actorId, request.brandId);
    const [next] = await tx
      .select()
      .from(advisorQueue)
      .where(
        and(
          eq(advisorQueue.brandId, request.brandId),
          eq(advisorQueue.status, "waiting"),
          sql`${advisorQueue.clientId} <> ${staff.userId}`,
        ),
      )
      .orderBy(asc(advisorQueue.joinedAt), asc(advisorQueue.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!next) return null;
    const settings = await getClientelingSettings(tx, request.brandId);
    const [appointment] = await tx
      .insert(appointments)
      .values({
        brandId: request.brandId,
        advisorId: staff.userId,
        clientId: next.clientId,
        kind: "live",
        status: "booked",
        source: "queue",
        startsAt: now,
        endsAt: new Date(now.getTime() + settings.slotMinutes * 60_000),
        roomId: crypto.randomUUID(),
        createdAt: now,
        startedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: appointments.id });
    if (!appointment)
      throw new DomainError("conflict", "You already have an appointment starting now.", {
        reason: "advisor_busy",
      });
    await tx
      .update(advisorQueue)
      .set({ status: "taken", takenAt: now, takenBy: staff.userId, appointmentId: appointment.id })
      .where(eq(advisorQueue.id, next.id));
    await tx
      .insert(advisorPresence)
      .values({ brandId: request.brandId, advisorId: staff.userId, status: "in_session", lastSeenAt: now })
      .onConflictDoUpdate({
        target: [advisorPresence.brandId, advisorPresence.advisorId],
        set: { status: "in_session", lastSeenAt: now },
      });
    return appointment.id;
  });
  return appointmentId ? loadAppointment(database, appointmentId) : null;
}
