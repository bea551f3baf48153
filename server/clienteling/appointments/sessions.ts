/**
 * An appointment's session in the private salon: started when a participant opens it, ended by the
 * advisor (or, for a past appointment, by the sweep: completed if it started, no-show otherwise).
 * Either end makes the advisor's follow-up task. Session lengths feed the live queue's estimate.
 */
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Appointment } from "../../../shared/clienteling/appointments.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { advisorPresence, appointments } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { DomainError } from "../../errors.ts";
import { createFollowUp } from "../followUps.ts";
import { loadAppointment, roleInAppointment } from "./appointmentViews.ts";

/** How long after its end a booked appointment that never ended is closed by the sweep. */
export const CLOSE_AFTER_END_MS = 30 * 60_000;

/** Marks the session started (the first time a participant opens the salon). */
export async function startSession(
  database: DbLike,
  request: { actorId: string; appointmentId: string },
  clock: Clock,
): Promise<Appointment> {
  const db = drizzleOf(database);
  const [row] = await db.select().from(appointments).where(eq(appointments.id, request.appointmentId));
  const role = row ? await roleInAppointment(db, row, request.actorId) : null;
  if (!row || role === null || role === "owner")
    throw DomainError.notFound("appointment", request.appointmentId);
  await db
    .update(appointments)
    .set({ startedAt: clock.now() })
    .where(
      and(eq(appointments.id, row.id), eq(appointments.status, "booked"), isNull(appointments.startedAt)),
    );
  return loadAppointment(db, row.id);
}

/**
 * The advisor ends the session: completed, with a follow-up task; the advisor is free for the queue.
 * @throws DomainError not_found (not the advisor), conflict (`not_booked`).
 */
export async function endSession(
  database: DbLike,
  request: { actorId: string; appointmentId: string },
  clock: Clock,
): Promise<Appointment> {
  await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const [row] = await tx
      .update(appointments)
      .set({ status: "completed", endedAt: now })
      .where(
        and(
          eq(appointments.id, request.appointmentId),
          eq(appointments.advisorId, request.actorId),
          eq(appointments.status, "booked"),
        ),
      )
      .returning();
    if (!row) {
      const [other] = await tx.select().from(appointments).where(eq(appointments.id, request.appointmentId));
      if (!other || other.advisorId !== request.actorId)
        throw DomainError.notFound("appointment", request.appointmentId);
      throw new DomainError("conflict", "This appointment is not under way.", { reason: "not_booked" });
    }
    if (row.startedAt === null)
      await tx
        .update(appointments)
        .set({ startedAt: new Date(Math.min(row.startsAt.getTime(), now.getTime())) })
        .where(eq(appointments.id, row.id));
    await tx
      .update(advisorPresence)
      .set({ status: "available", lastSeenAt: now })
      .where(and(eq(advisorPresence.brandId, row.brandId), eq(advisorPresence.advisorId, row.advisorId)));
    await createFollowUp(tx, { ...row, kind: "after_appointment", sourceId: row.id, after: now, now });
  });
  return loadAppointment(database, request.appointmentId);
}

/** Closes booked appointments long past their end. @returns how many were closed. */
export async function closePastAppointments(database: DbLike, clock: Clock): Promise<number> {
  const now = clock.now();
  return drizzleOf(database).transaction(async (tx) => {
    const past = await tx
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.status, "booked"),
          lt(appointments.endsAt, new Date(now.getTime() - CLOSE_AFTER_END_MS)),
        ),
      )
      .limit(200)
      .for("update", { skipLocked: true });
    for (const row of past) {
      const status = row.startedAt ? "completed" : "no_show";
      await tx
        .update(appointments)
        .set({ status, endedAt: row.startedAt ? row.endsAt : null })
        .where(eq(appointments.id, row.id));
      await createFollowUp(tx, {
        ...row,
        kind: "after_appointment",
        sourceId: row.id,
        after: row.endsAt,
        now,
      });
    }
    return past.length;
  });
}
