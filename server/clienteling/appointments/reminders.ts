/**
 * Reminders of appointments, to both sides, 24 hours and 1 hour before. They are service messages:
 * the client's booking is their consent, so they pass no marketing consent and are not counted by
 * the frequency cap. They do respect the client's quiet hours: a reminder due at night waits for
 * the morning when that is still ahead of the appointment, and otherwise goes to the inbox alone
 * (no email) at its time. Advisors get theirs at the plain time, in-app and by email.
 *
 * `dueReminders` is a query on the clock; `sweepReminders` sends them, once each: the row in
 * `appointment_reminders` is inserted first (ON CONFLICT DO NOTHING) and only its inserter sends, so
 * sweeps in several processes never send one twice. When several leads are due at once (a sweep that
 * did not run for a while), only the nearest is sent; the others are recorded as passed.
 */
import { and, eq, gt, inArray, lte } from "drizzle-orm";
import { clientReminderSchedule } from "../../../shared/clienteling/quietHours.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { appointmentReminders, appointments } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { formatInstantFor } from "../outreach/formatting.ts";
import { preferencesOf } from "../preferences.ts";
import { storeServiceMessage } from "../serviceMessages.ts";
import { loadAppointment } from "./appointmentViews.ts";
import { type AppointmentDeps, sendAppointmentMail } from "./booking.ts";

/** Minutes before the start at which reminders go, farthest first. */
export const REMINDER_LEADS_MINUTES = [24 * 60, 60] as const;

export type DueReminder = {
  appointmentId: string;
  recipient: "client" | "advisor";
  leadMinutes: number;
  email: boolean;
  /** Leads passed over for this one (due together, only the nearest is sent). */
  superseded: number[];
};

/** Reminders due now and not yet sent. */
export async function dueReminders(database: DbLike, clock: Clock): Promise<DueReminder[]> {
  const db = drizzleOf(database);
  const now = clock.now();
  const farthest = Math.max(...REMINDER_LEADS_MINUTES) * 60_000;
  const upcoming = await db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.status, "booked"),
        eq(appointments.kind, "scheduled"),
        gt(appointments.startsAt, now),
        lte(appointments.startsAt, new Date(now.getTime() + farthest)),
      ),
    );
  if (upcoming.length === 0) return [];
  const sent = await db
    .select()
    .from(appointmentReminders)
    .where(
      inArray(
        appointmentReminders.appointmentId,
        upcoming.map((a) => a.id),
      ),
    );
  const done = new Set(sent.map((r) => `${r.appointmentId}/${r.recipient}/${r.leadMinutes}`));
  const prefs = await preferencesOf(db, [...new Set(upcoming.map((a) => a.clientId))]);
  const due: DueReminder[] = [];
  for (const a of upcoming) {
    for (const recipient of ["client", "advisor"] as const) {
      const ready = REMINDER_LEADS_MINUTES.flatMap((lead) => {
        const plainAt = new Date(a.startsAt.getTime() - lead * 60_000);
        // Booked after the reminder's time: the booking notice already told them.
        if (a.createdAt >= plainAt || done.has(`${a.id}/${recipient}/${lead}`)) return [];
        const p = prefs.get(a.clientId);
        const schedule =
          recipient === "client" && p
            ? clientReminderSchedule(a.startsAt, lead, p.timeZone, p.quietHours)
            : { at: plainAt, email: true };
        return schedule.at <= now ? [{ lead, email: schedule.email }] : [];
      });
      const nearest = ready[ready.length - 1];
      if (!nearest) continue;
      const superseded = ready.slice(0, -1).map((r) => r.lead);
      due.push({
        appointmentId: a.id,
        recipient,
        leadMinutes: nearest.lead,
        email: nearest.email,
        superseded,
      });
    }
  }
  return due;
}

/** Sends the due reminders once each. @returns how many were sent. */
export async function sweepReminders(
  database: DbLike,
  clock: Clock,
  deps: AppointmentDeps = {},
): Promise<number> {
  const due = await dueReminders(database, clock);
  const messageIds: string[] = [];
  for (const reminder of due) {
    const id = await drizzleOf(database).transaction(async (tx) => {
      const now = clock.now();
      const rows = [reminder.leadMinutes, ...reminder.superseded].map((leadMinutes) => ({
        appointmentId: reminder.appointmentId,
        recipient: reminder.recipient,
        leadMinutes,
        sentAt: now,
      }));
      const claimed = await tx.insert(appointmentReminders).values(rows).onConflictDoNothing().returning();
      if (!claimed.some((r) => r.leadMinutes === reminder.leadMinutes)) return null;
      const a = await loadAppointment(tx, reminder.appointmentId);
      const userId = reminder.recipient === "client" ? a.clientId : a.advisorId;
      const p = (await preferencesOf(tx, [userId])).get(userId);
      const language = p?.language ?? "en";
      const messageId = await storeServiceMessage(tx, {
        kind: reminder.recipient === "client" ? "reminder_client" : "reminder_advisor",
        brandId: a.brandId,
        clientId: a.clientId,
        to: { userId },
        advisorId: a.advisorId,
        appointmentId: a.id,
        language,
        values: {
          brandName: a.brandName,
          advisorName: a.advisorName,
          clientName: a.clientName,
          startsAt: formatInstantFor(new Date(a.startsAt), p?.timeZone ?? "UTC", language),
        },
        inApp: true,
        email: reminder.email,
        at: now,
      });
      await tx
        .update(appointmentReminders)
        .set({ messageId })
        .where(
          and(
            eq(appointmentReminders.appointmentId, a.id),
            eq(appointmentReminders.recipient, reminder.recipient),
            eq(appointmentReminders.leadMinutes, reminder.leadMinutes),
          ),
        );
      return messageId;
    });
    if (id) messageIds.push(id);
  }
  await sendAppointmentMail(database, clock, deps, messageIds);
  return messageIds.length;
}
