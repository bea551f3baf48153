/**
 * Product analytics: the facts the server records (server/analytics/) and what a brand reads of
 * them (GET /api/brands/:brandId/analytics). Facts about a person who has not consented to the brand
 * are keyed by a per-brand pseudonym; the API only ever answers counts, never a visitor key.
 */
import { z } from "zod";
import { LocalizedText } from "./catalog.ts";

/** What happened, one kind per row of the rollups. */
export const FactKind = z.enum([
  "avenue_visit",
  "boutique_pass",
  "window_dwell",
  "viewer_open",
  "viewer_time",
  "variant_switch",
  "wishlist_add",
  "drop_page_visit",
  "drop_entry",
  "drop_claim",
  "claim_confirmed",
  "event_attendance",
  "event_watch",
  "event_pin_click",
  "appointment_booked",
]);
export type FactKind = z.infer<typeof FactKind>;

/** The funnel from passing the window to claiming, in order. */
export const FUNNEL_STEPS = [
  "boutique_pass",
  "window_dwell",
  "viewer_open",
  "wishlist_add",
  "drop_claim",
] as const;

/** A real calendar day: "2026-13-45" or "2026-02-30" would reach the report as NaN or March. */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD")
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, "a day of the calendar");

/** Query of the analytics endpoint: an inclusive range of UTC days (default: the last 30 days). */
export const AnalyticsQuery = z
  .object({ from: Day.optional(), to: Day.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: "a range of at most 366 days",
    path: ["to"],
  });
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;
/** The range a report covers, once defaults are applied. */
export type AnalyticsRange = { from: string; to: string };

const Count = z.number().int().nonnegative();

/** One day of one brand: facts, distinct visitors, and the time (ms) summed over timed facts. */
export const AnalyticsDay = z.object({
  day: Day,
  kind: FactKind,
  count: Count,
  visitors: Count,
  totalMs: Count,
});

export const AnalyticsReport = z.object({
  brandId: z.string(),
  from: Day,
  to: Day,
  /** Days in UTC; rows only where something happened. */
  days: z.array(AnalyticsDay),
  /** Distinct visitors at each funnel step over the whole range (a visitor counted once per day). */
  funnel: z.array(z.object({ step: FactKind, visitors: Count })),
  /** Pieces by viewer opens, then wishlists. */
  topPieces: z.array(
    z.object({ productId: z.string(), viewerOpens: Count, viewerMs: Count, wishlists: Count, claims: Count }),
  ),
  /** Drops: page visits, entries, claims, confirmations, and claims per page visitor. */
  drops: z.array(
    z.object({
      dropId: z.string(),
      title: LocalizedText,
      pageVisitors: Count,
      entries: Count,
      claims: Count,
      confirmations: Count,
      conversion: z.number().min(0),
      /** When the last unit went (ISO), and how long after the drop opened (ms); null while stock lasts. */
      soldOutAt: z.string().nullable(),
      sellOutMs: Count.nullable(),
      /**
       * By the pass tier the claimant held for the brand when claiming ("" without a pass): entries,
       * claims, confirmed purchases, and confirmations per claim (per entry for a raffle).
       */
      tiers: z.array(
        z.object({
          tier: z.string(),
          entries: Count,
          claims: Count,
          confirmations: Count,
          conversion: z.number().min(0),
        }),
      ),
    }),
  ),
  /** Events: attendance per hour (distinct attendees joining), its peak, watch time, pins clicked. */
  events: z.array(
    z.object({
      eventId: z.string(),
      title: LocalizedText,
      attendees: Count,
      watchMs: Count,
      pinClicks: Count,
      peak: z.object({ hour: z.string(), visitors: Count }).nullable(),
      attendance: z.array(z.object({ hour: z.string(), visitors: Count })),
    }),
  ),
});
export type AnalyticsReport = z.infer<typeof AnalyticsReport>;

/** What the product viewer tells the server: opened, closed after a while, a variant chosen; or a pin clicked. */
export const ViewerFactBody = z.discriminatedUnion("event", [
  z.object({ event: z.enum(["open", "variant"]) }).strict(),
  z
    .object({
      event: z.literal("close"),
      /** Time the viewer was open (ms, at most an hour). */
      durationMs: z.number().int().min(0).max(3_600_000).optional(),
    })
    .strict(),
  /** A piece pinned on an event's stage was clicked: counted for the event. */
  z.object({ event: z.literal("pin"), eventId: z.string().min(1).max(200) }).strict(),
]);
export type ViewerFactBody = z.infer<typeof ViewerFactBody>;
