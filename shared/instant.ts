/**
 * The strict instant of request bodies (issue 10). `z.coerce.date()` turned `null`, `true`, `-1`
 * and `""` into dates (1970 was stored): here only an ISO 8601 instant with its offset is read
 * from JSON (a Date object is accepted from code), and only within the years that make sense for
 * a drop, a pass or an event.
 */
import { z } from "zod";

/** Earliest and latest instants a body may name (UTC). */
export const EARLIEST_INSTANT = new Date(Date.UTC(2000, 0, 1));
export const LATEST_INSTANT = new Date(Date.UTC(2100, 0, 1));

const ISO = z.iso.datetime({
  offset: true,
  message: "Use an ISO 8601 instant with its offset, e.g. 2026-12-01T18:00:00Z",
});

/** An instant as a Date: an ISO 8601 string (or a Date) between 2000 and 2100. */
export const StrictInstant = z
  .union([z.date(), ISO], { message: "Use an ISO 8601 instant with its offset, e.g. 2026-12-01T18:00:00Z" })
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .refine((date) => !Number.isNaN(date.getTime()), { message: "Not a real date" })
  .refine((date) => date >= EARLIEST_INSTANT && date < LATEST_INSTANT, {
    message: "Use a date between the years 2000 and 2099",
  });
