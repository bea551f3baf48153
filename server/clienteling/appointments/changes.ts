/**
 * Rescheduling and cancelling. A reschedule moves the appointment to a free slot in one transaction,
 * under the same locks as a booking (the old and new advisors' availability rows, in the fixed
 * order, then the appointment row), so the new slot cannot be taken by someone else meanwhile and the
 * old one is free for others the moment it commits. Its reminders start afresh for the new time.
 */
import { and, eq } from "drizzle-orm";
import type {
  Appointment,
  BookingAnswer,
  CancelAppointmentBody,
  RescheduleAppointmentBody,
} from "../../../shared/clienteling/appointments.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { appointmentReminders, appointments } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { DomainError } from "../../errors.ts";
import { getClientelingSettings } from "../settings.ts";
import { loadAppointment, roleInAppointment } from "./appointmentViews.ts";
import { type AppointmentDeps, sendAppointmentMail, storeBookingNotices } from "./booking.ts";
import { freeSlotsOfBrand } from "./freeSlots.ts";
import { lockAdvisors, REFUSAL_MESSAGES, slotRefusal } from "./slotChecks.ts";

async function requireParticipant(database: DbLike, appointmentId: string, actorId: string) {
  const [row] = await drizzleOf(database)
    .select()
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  const role = row ? await roleInAppointment(database, row, actorId) : null;
  if (!row || role === null) throw DomainError.notFound("appointment", appointmentId);
  return { row, role };
}

/**
 * Moves a booked appointment (not yet started) to another free slot of the brand, with the same or
 * another advisor. The client, the advisor or an owner of the brand may do it.
 * @throws DomainError not_found for anyone else.
 */
export async function rescheduleAppointment(
  database: DbLike,
  request: { actorId: string; appointmentId: string; body: RescheduleAppointmentBody },
  clock: Clock,
  deps: AppointmentDeps = {},
): Promise<BookingAnswer> {
  const { row: seen } = await requireParticipant(database, request.appointmentId, request.actorId);
  const advisorId = request.body.advisorId ?? seen.advisorId;
  const startsAt = new Date(request.body.startsAt);
  type Outcome = { reason: keyof typeof REFUSAL_MESSAGES } | { notices: string[] };
  const outcome = await drizzleOf(database).transaction(async (tx): Promise<Outcome> => {
    const now = clock.now();
    const locked = await lockAdvisors(tx, [seen.advisorId, advisorId]);
    const [row] = await tx.select().from(appointments).where(eq(appointments.id, seen.id)).for("update");
    if (row?.status !== "booked" || row.kind !== "scheduled" || row.startedAt || row.startsAt <= now) {
      return { reason: "not_booked" };
    }
    if (row.advisorId !== seen.advisorId)
      throw new DomainError("conflict", "The appointment changed meanwhile; try again.", {
        reason: "changed",
      });
    const settings = await getClientelingSettings(tx, row.brandId);
    const slot = {
      brandId: row.brandId,
      advisorId,
      clientId: row.clientId,
      startsAt,
      now,
      settings,
      exceptAppointmentId: row.id,
    };
    const reason = await slotRefusal(tx, locked, slot);
    if (reason) return { reason };
    await tx
      .update(appointments)
      .set({ advisorId, startsAt, endsAt: new Date(startsAt.getTime() + settings.slotMinutes * 60_000) })
      .where(eq(appointments.id, row.id));
    await tx.delete(appointmentReminders).where(eq(appointmentReminders.appointmentId, row.id));
    return {
      notices: await storeBookingNotices(tx, row.id, { client: "rescheduled", advisor: "rescheduled" }, now),
    };
  });
  if ("reason" in outcome) {
    const next = await freeSlotsOfBrand(
      database,
      { brandId: seen.brandId, clientId: seen.clientId, limit: 5 },
      clock,
    );
    return {
      outcome: "refused",
      reason: outcome.reason,
      message: REFUSAL_MESSAGES[outcome.reason],
      nextSlots: next.slots,
    };
  }
  await sendAppointmentMail(database, clock, deps, outcome.notices);
  return { outcome: "booked", appointment: await loadAppointment(database, seen.id) };
}

/**
 * Cancels a booked appointment that has not ended; both sides are told. Cancelling a cancelled one
 * answers it again.
 * @throws DomainError not_found (not a participant), conflict (`not_booked`: finished already).
 */
export async function cancelAppointment(
  database: DbLike,
  request: { actorId: string; appointmentId: string; body: CancelAppointmentBody },
  clock: Clock,
  deps: AppointmentDeps = {},
): Promise<Appointment> {
  const { row: seen } = await requireParticipant(database, request.appointmentId, request.actorId);
  if (seen.status === "cancelled") return loadAppointment(database, seen.id);
  const notices = await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const [row] = await tx
      .update(appointments)
      .set({
        status: "cancelled",
        cancelledAt: now,
        cancelledBy: request.actorId,
        cancelReason: request.body.reason ?? null,
      })
      .where(and(eq(appointments.id, seen.id), eq(appointments.status, "booked")))
      .returning({ endedAt: appointments.endedAt });
    if (!row) throw new DomainError("conflict", REFUSAL_MESSAGES.not_booked, { reason: "not_booked" });
    return storeBookingNotices(tx, seen.id, { client: "cancelled", advisor: "cancelled" }, now);
  });
  await sendAppointmentMail(database, clock, deps, notices);
  return loadAppointment(database, seen.id);
}
