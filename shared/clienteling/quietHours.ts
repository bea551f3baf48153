/**
 * Quiet hours in the client's own time zone, with daylight-saving changes handled by luxon: the local
 * times are rebuilt on each calendar day, so 21:00–09:00 is 12 hours on most nights and 11 or 13 on
 * the nights the clocks change.
 */
import { DateTime } from "luxon";
import { minutesOfDay, type QuietHours } from "./preferences.ts";

/** One quiet period as instants: [start, end). */
export type QuietPeriod = { start: Date; end: Date };

/** The local day `base` (a date in the zone) at `time` ("HH:MM", 24:00 = the next midnight). */
function atLocalTime(base: DateTime, time: string): DateTime {
  const minutes = minutesOfDay(time);
  const day = base.startOf("day");
  if (minutes === 24 * 60) return day.plus({ days: 1 });
  // fromObject moves a time that falls in a DST gap forward by the gap, which is what a person means.
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: base.zone },
  );
}

/**
 * The quiet period that contains `at` for a client in `zone`, or null when `at` is outside quiet
 * hours (or the client has none: start equal to end).
 */
export function quietPeriodAt(at: Date, zone: string, quiet: QuietHours): QuietPeriod | null {
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return null;
  const local = DateTime.fromJSDate(at, { zone });
  // Candidate periods starting yesterday and today (local days); the one containing `at` wins.
  for (const offset of [-1, 0]) {
    const day = local.plus({ days: offset });
    const periodStart = atLocalTime(day, quiet.start);
    const periodEnd = atLocalTime(end > start ? day : day.plus({ days: 1 }), quiet.end);
    if (periodStart.toMillis() <= at.getTime() && at.getTime() < periodEnd.toMillis()) {
      return { start: periodStart.toJSDate(), end: periodEnd.toJSDate() };
    }
  }
  return null;
}

/** `at` itself when it is outside quiet hours, else the end of the quiet period containing it. */
export function firstMomentOutsideQuietHours(at: Date, zone: string, quiet: QuietHours): Date {
  return quietPeriodAt(at, zone, quiet)?.end ?? at;
}

/** The least time before an appointment a deferred reminder still makes sense. */
export const REMINDER_MIN_LEAD_MS = 15 * 60_000;

/**
 * When a reminder `leadMinutes` before an appointment is sent to a client, and whether by email too.
 * A reminder due in the client's quiet hours waits for their end when that is still at least 15
 * minutes before the appointment; otherwise it goes to the in-app inbox (which makes no sound) at its
 * time, without an email.
 */
export function clientReminderSchedule(
  startsAt: Date,
  leadMinutes: number,
  zone: string,
  quiet: QuietHours,
): { at: Date; email: boolean } {
  const due = new Date(startsAt.getTime() - leadMinutes * 60_000);
  const period = quietPeriodAt(due, zone, quiet);
  if (!period) return { at: due, email: true };
  if (period.end.getTime() <= startsAt.getTime() - REMINDER_MIN_LEAD_MS)
    return { at: period.end, email: true };
  return { at: due, email: false };
}
