/**
 * What makes a slot bookable, checked inside the booking transaction after the advisor's
 * availability rows are locked (so two bookings for one advisor are checked one after the other).
 */
import { and, asc, count, eq, gt, inArray } from "drizzle-orm";
import type { BookingRefusalReason } from "../../../shared/clienteling/appointments.ts";
import type { ClientelingSettings } from "../../../shared/clienteling/settings.ts";
import { offersSlot } from "../../../shared/clienteling/slots.ts";
import type { Db } from "../../db/database.ts";
import { advisorAvailability, appointments } from "../../db/schema.ts";
import { CLIENT_BOOK_ROLES, staffMemberOf } from "../staff.ts";
import { bookingWindowFor, busyTimes } from "./freeSlots.ts";

/**
 * Locks every availability row of these advisors (all brands), in one order for every transaction,
 * so bookings never deadlock; returns the rows.
 */
export async function lockAdvisors(tx: Db, advisorIds: string[]) {
  return tx
    .select()
    .from(advisorAvailability)
    .where(inArray(advisorAvailability.advisorId, [...new Set(advisorIds)]))
    .orderBy(asc(advisorAvailability.advisorId), asc(advisorAvailability.brandId))
    .for("update");
}

export type SlotRequest = {
  brandId: string;
  advisorId: string;
  clientId: string;
  startsAt: Date;
  now: Date;
  settings: ClientelingSettings;
  /** The appointment being moved, which does not count against itself. */
  exceptAppointmentId?: string;
};

/** Null when the slot may be booked; otherwise why not. */
export async function slotRefusal(
  tx: Db,
  locked: Awaited<ReturnType<typeof lockAdvisors>>,
  request: SlotRequest,
): Promise<BookingRefusalReason | null> {
  const { brandId, advisorId, clientId, startsAt, now, settings } = request;
  if (advisorId === clientId) return "own_appointment";
  const advisor = await staffMemberOf(tx, advisorId, brandId);
  const availability = locked.find((row) => row.advisorId === advisorId && row.brandId === brandId);
  if (!advisor || !CLIENT_BOOK_ROLES.includes(advisor.role) || !availability) return "not_offered";
  const window = await bookingWindowFor(tx, brandId, clientId, now, settings);
  if (startsAt < window.from) return "too_soon";
  if (startsAt >= window.to) return "outside_horizon";
  if (!offersSlot(availability, startsAt, settings.slotMinutes)) return "not_offered";
  const endsAt = new Date(startsAt.getTime() + settings.slotMinutes * 60_000);
  if ((await busyTimes(tx, [advisorId], startsAt, endsAt, request.exceptAppointmentId)).length > 0)
    return "slot_taken";
  if (request.exceptAppointmentId === undefined) {
    const [upcoming] = await tx
      .select({ n: count() })
      .from(appointments)
      .where(
        and(
          eq(appointments.brandId, brandId),
          eq(appointments.clientId, clientId),
          eq(appointments.status, "booked"),
          gt(appointments.endsAt, now),
        ),
      );
    if ((upcoming?.n ?? 0) >= settings.maxUpcomingPerClient) return "too_many_upcoming";
  }
  return null;
}

export const REFUSAL_MESSAGES: Record<BookingRefusalReason, string> = {
  slot_taken: "Someone has just booked this time. Here are the next free ones.",
  not_offered: "This advisor does not offer that time.",
  outside_horizon: "That is further ahead than appointments can be booked yet.",
  too_soon: "That time is too close to book; choose a later one.",
  too_many_upcoming:
    "You already have as many upcoming appointments with this maison as can be held at once.",
  own_appointment: "You cannot book an appointment with yourself.",
  not_booked: "This appointment is no longer booked (cancelled, finished or under way).",
};
