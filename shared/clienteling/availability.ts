/**
 * An advisor's availability for one brand, in the ADVISOR's time zone: weekly hours per weekday
 * (1 = Monday … 7 = Sunday, as ISO and luxon count) and exceptions on dates (a day off removes that
 * day's weekly hours; extra hours add to whatever remains).
 */
import { DateTime } from "luxon";
import { z } from "zod";
import { minutesOfDay, TimeOfDay, TimeZoneName } from "./preferences.ts";

/** A calendar date, "YYYY-MM-DD". */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give a date as YYYY-MM-DD")
  .refine((d) => DateTime.fromISO(d).isValid, { message: "This date does not exist" });

const Range = { start: TimeOfDay, end: TimeOfDay };
const ordered = (r: { start: string; end: string }) => minutesOfDay(r.start) < minutesOfDay(r.end);
const orderedMessage = {
  message: "A range must end after it starts (use 24:00 for midnight)",
  path: ["end"],
};

export const WeeklyRange = z
  .object({ weekday: z.number().int().min(1).max(7), ...Range })
  .strict()
  .refine(ordered, orderedMessage);
export type WeeklyRange = z.infer<typeof WeeklyRange>;

export const AvailabilityException = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("day_off"), date: LocalDate }).strict(),
  z
    .object({ kind: z.literal("extra_hours"), date: LocalDate, ...Range })
    .strict()
    .refine(ordered, orderedMessage),
]);
export type AvailabilityException = z.infer<typeof AvailabilityException>;

/** Ranges of one list that overlap each other (same weekday, or same date). */
function overlapIndexes(ranges: { key: string; start: string; end: string }[]): number[] {
  const bad: number[] = [];
  ranges.forEach((a, i) => {
    const clash = ranges.some(
      (b, j) =>
        j < i &&
        a.key === b.key &&
        minutesOfDay(a.start) < minutesOfDay(b.end) &&
        minutesOfDay(b.start) < minutesOfDay(a.end),
    );
    if (clash) bad.push(i);
  });
  return bad;
}

export const SetAvailabilityBody = z
  .object({
    timeZone: TimeZoneName,
    weekly: z.array(WeeklyRange).max(50),
    exceptions: z.array(AvailabilityException).max(200),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const i of overlapIndexes(body.weekly.map((r) => ({ key: String(r.weekday), ...r })))) {
      ctx.addIssue({
        code: "custom",
        path: ["weekly", i],
        message: "Overlaps another range of the same weekday",
      });
    }
    const extras = body.exceptions.flatMap((e, index) =>
      e.kind === "extra_hours" ? [{ key: e.date, start: e.start, end: e.end, index }] : [],
    );
    for (const i of overlapIndexes(extras)) {
      ctx.addIssue({
        code: "custom",
        path: ["exceptions", extras[i]?.index ?? i],
        message: "Overlaps other extra hours of the same date",
      });
    }
  });
export type SetAvailabilityBody = z.infer<typeof SetAvailabilityBody>;

export const AdvisorAvailability = z.object({
  brandId: z.string(),
  advisorId: z.string(),
  timeZone: z.string(),
  weekly: z.array(WeeklyRange),
  exceptions: z.array(AvailabilityException),
  updatedAt: z.iso.datetime(),
});
export type AdvisorAvailability = z.infer<typeof AdvisorAvailability>;
