/**
 * Booking an appointment. Why no slot is ever booked twice, under any concurrency and across
 * processes: the transaction first locks the advisor's availability rows (FOR UPDATE, in a fixed
 * order), then checks the slot against their appointments, then inserts with ON CONFLICT DO NOTHING
 * on `appointments_slot_unique` (advisor, start, for every appointment not cancelled). The lock makes
 * the checks see every committed booking; the unique index would refuse a duplicate even without it.
 */
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type {
  BookAppointmentBody,
  BookingAnswer,
  BookingRefusalReason,
} from "../../../shared/clienteling/appointments.ts";
import { recordFact } from "../../analytics/facts.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { appointments, brands, clientRelationships, users } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { errorLogger } from "../../observability/log.ts";
import { setConsent } from "../consent.ts";
import { deliverPendingEmails } from "../outreach/emailDelivery.ts";
import { formatInstantFor } from "../outreach/formatting.ts";
import { getPreferences } from "../preferences.ts";
import { storeServiceMessage } from "../serviceMessages.ts";
import { getClientelingSettings } from "../settings.ts";
import { loadAppointment } from "./appointmentViews.ts";
import { freeSlotsOfBrand } from "./freeSlots.ts";
import { lockAdvisors, REFUSAL_MESSAGES, slotRefusal } from "./slotChecks.ts";

export type AppointmentDeps = { mailer?: Mailer; log?: (message: string, error: unknown) => void };

/** Sends the email copies of what an appointment change stored (the sweep retries any failure). */
export async function sendAppointmentMail(
  database: DbLike,
  clock: Clock,
  deps: AppointmentDeps,
  messageIds: string[],
) {
  if (!deps.mailer) return;
  for (const messageId of messageIds) {
    await deliverPendingEmails(database, deps.mailer, clock, { messageId }).catch((error: unknown) =>
      (deps.log ?? errorLogger("clienteling"))("appointment email not sent yet (the sweep retries):", error),
    );
  }
}

/** The notices to client and advisor for a booking (client: in-app and email; advisor: in-app). */
export async function storeBookingNotices(
  database: DbLike,
  appointmentId: string,
  kinds: {
    client: "booked_client" | "rescheduled" | "cancelled";
    advisor: "booked_advisor" | "rescheduled" | "cancelled";
  },
  now: Date,
): Promise<string[]> {
  const a = await loadAppointment(database, appointmentId);
  const ids: string[] = [];
  for (const side of ["client", "advisor"] as const) {
    const userId = side === "client" ? a.clientId : a.advisorId;
    const prefs = await getPreferences(database, userId);
    const values = {
      brandName: a.brandName,
      advisorName: a.advisorName,
      clientName: a.clientName,
      startsAt: formatInstantFor(new Date(a.startsAt), prefs.timeZone, prefs.language),
    };
    ids.push(
      await storeServiceMessage(database, {
        kind: kinds[side],
        brandId: a.brandId,
        clientId: a.clientId,
        to: { userId },
        advisorId: a.advisorId,
        appointmentId: a.id,
        language: prefs.language,
        values,
        inApp: true,
        email: side === "client",
        at: now,
      }),
    );
  }
  return ids;
}

/**
 * A shopper books a free slot with an advisor of the brand. Refusals are answers (with the next
 * free slots to offer instead); nothing is stored then.
 */
export async function bookAppointment(
  database: DbLike,
  request: { clientId: string; brandId: string; body: BookAppointmentBody },
  clock: Clock,
  deps: AppointmentDeps = {},
): Promise<BookingAnswer> {
  const { clientId, brandId, body } = request;
  const db = drizzleOf(database);
  const [brand] = await db.select({ id: brands.id }).from(brands).where(eq(brands.id, brandId));
  const [client] = await db.select({ id: users.id }).from(users).where(eq(users.id, clientId));
  if (!brand || !client) throw new Error("bookAppointment needs an existing brand and client");
  type Outcome = { reason: BookingRefusalReason } | { appointmentId: string; notices: string[] };
  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    const now = clock.now();
    const settings = await getClientelingSettings(tx, brandId);
    const startsAt = new Date(body.startsAt);
    const locked = await lockAdvisors(tx, [body.advisorId]);
    const reason = await slotRefusal(tx, locked, {
      brandId,
      advisorId: body.advisorId,
      clientId,
      startsAt,
      now,
      settings,
    });
    if (reason) return { reason };
    const [row] = await tx
      .insert(appointments)
      .values({
        brandId,
        advisorId: body.advisorId,
        clientId,
        kind: "scheduled",
        status: "booked",
        source: body.source,
        startsAt,
        endsAt: new Date(startsAt.getTime() + settings.slotMinutes * 60_000),
        note: body.note ?? null,
        roomId: crypto.randomUUID(),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: appointments.id });
    if (!row) return { reason: "slot_taken" };
    if (body.keepInTouch) {
      const changes = [{ purpose: "appointments" as const, channel: "in_app" as const, granted: true }];
      await setConsent(tx, { clientId, brandId, body: { source: "appointment", changes } }, clock);
    }
    // A client in the book without an advisor of their own gets the one they chose to meet.
    await tx
      .update(clientRelationships)
      .set({ preferredAdvisorId: body.advisorId, updatedAt: now })
      .where(
        and(
          eq(clientRelationships.brandId, brandId),
          eq(clientRelationships.clientId, clientId),
          isNotNull(clientRelationships.inBookSince),
          isNull(clientRelationships.preferredAdvisorId),
        ),
      );
    const notices = await storeBookingNotices(
      tx,
      row.id,
      { client: "booked_client", advisor: "booked_advisor" },
      now,
    );
    return { appointmentId: row.id, notices };
  });
  if ("reason" in outcome) {
    const next = await freeSlotsOfBrand(database, { brandId, clientId, limit: 5 }, clock);
    return {
      outcome: "refused",
      reason: outcome.reason,
      message: REFUSAL_MESSAGES[outcome.reason],
      nextSlots: next.slots,
    };
  }
  recordFact({ kind: "appointment_booked", brandId, visitor: { userId: clientId } });
  await sendAppointmentMail(database, clock, deps, outcome.notices);
  return { outcome: "booked", appointment: await loadAppointment(database, outcome.appointmentId) };
}
