/**
 * A brand's analytics over a range of UTC days, read from the daily rollups only: counts, distinct
 * visitors and time, never a visitor key, so nothing in the answer leads back to a person.
 */
import { and, eq, gte, inArray, lt, lte } from "drizzle-orm";
import {
  type AnalyticsQuery,
  type AnalyticsRange,
  type AnalyticsReport,
  type FactKind,
  FUNNEL_STEPS,
} from "../../shared/analytics.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { analyticsDaily, analyticsHourly, drops, events } from "../db/schema.ts";
import { claimsByTier } from "./dropTiers.ts";
import { ALL_ITEMS } from "./rollups.ts";

const PIECE_FACTS = new Set<FactKind>(["viewer_open", "viewer_time", "wishlist_add", "variant_switch"]);
const DROP_FACTS = new Set<FactKind>(["drop_page_visit", "drop_entry", "drop_claim", "claim_confirmed"]);
const EVENT_FACTS = new Set<FactKind>(["event_attendance", "event_watch", "event_pin_click"]);

const DAY_MS = 86_400_000;

/** The query's range, defaulting to the 30 days up to today (UTC); a lone bound keeps 30 days. */
export function rangeOf(query: AnalyticsQuery, now: Date): AnalyticsRange {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const to = query.to ?? (query.from ? iso(Date.parse(query.from) + 29 * DAY_MS) : iso(now.getTime()));
  const from = query.from ?? iso(Date.parse(to) - 29 * DAY_MS);
  return { from, to };
}

export async function brandAnalytics(
  database: DbLike,
  brandId: string,
  range: AnalyticsRange,
): Promise<AnalyticsReport> {
  const rows = await drizzleOf(database)
    .select()
    .from(analyticsDaily)
    .where(
      and(
        eq(analyticsDaily.brandId, brandId),
        gte(analyticsDaily.bucket, new Date(`${range.from}T00:00:00Z`)),
        lte(analyticsDaily.bucket, new Date(`${range.to}T00:00:00Z`)),
      ),
    )
    .orderBy(analyticsDaily.bucket, analyticsDaily.kind, analyticsDaily.itemId);

  const days: AnalyticsReport["days"] = [];
  const funnel = new Map<FactKind, number>(FUNNEL_STEPS.map((s) => [s, 0]));
  const pieces = new Map<string, AnalyticsReport["topPieces"][number]>();
  const dropRows = new Map<
    string,
    { pageVisitors: number; entries: number; claims: number; confirmations: number }
  >();
  const eventRows = new Map<string, { attendees: number; watchMs: number; pinClicks: number }>();
  for (const row of rows) {
    if (row.itemId === ALL_ITEMS) {
      days.push({
        day: row.bucket.toISOString().slice(0, 10),
        kind: row.kind,
        count: row.count,
        visitors: row.visitors,
        totalMs: row.totalMs,
      });
      if (funnel.has(row.kind)) funnel.set(row.kind, (funnel.get(row.kind) ?? 0) + row.visitors);
      continue;
    }
    if (row.itemId === "") continue;
    if (PIECE_FACTS.has(row.kind)) {
      const piece = pieces.get(row.itemId) ?? {
        productId: row.itemId,
        viewerOpens: 0,
        viewerMs: 0,
        wishlists: 0,
        claims: 0,
      };
      if (row.kind === "viewer_open") piece.viewerOpens += row.count;
      if (row.kind === "viewer_time") piece.viewerMs += row.totalMs;
      if (row.kind === "wishlist_add") piece.wishlists += row.count;
      pieces.set(row.itemId, piece);
    } else if (DROP_FACTS.has(row.kind)) {
      const drop = dropRows.get(row.itemId) ?? { pageVisitors: 0, entries: 0, claims: 0, confirmations: 0 };
      if (row.kind === "drop_page_visit") drop.pageVisitors += row.visitors;
      if (row.kind === "drop_entry") drop.entries += row.count;
      if (row.kind === "drop_claim") drop.claims += row.count;
      if (row.kind === "claim_confirmed") drop.confirmations += row.count;
      dropRows.set(row.itemId, drop);
    } else if (EVENT_FACTS.has(row.kind)) {
      const event = eventRows.get(row.itemId) ?? { attendees: 0, watchMs: 0, pinClicks: 0 };
      if (row.kind === "event_attendance") event.attendees += row.visitors;
      if (row.kind === "event_watch") event.watchMs += row.totalMs;
      if (row.kind === "event_pin_click") event.pinClicks += row.count;
      eventRows.set(row.itemId, event);
    }
  }
  return {
    brandId,
    from: range.from,
    to: range.to,
    days,
    funnel: FUNNEL_STEPS.map((step) => ({ step, visitors: funnel.get(step) ?? 0 })),
    topPieces: [...pieces.values()]
      .sort((a, b) => b.viewerOpens - a.viewerOpens || b.wishlists - a.wishlists)
      .slice(0, 20),
    drops: await dropDetails(database, brandId, dropRows),
    events: await eventDetails(database, brandId, range, eventRows),
  };
}

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/** The drops that had facts in the range, with their title, sell-out and pass tiers. */
async function dropDetails(
  database: DbLike,
  brandId: string,
  counts: Map<string, { pageVisitors: number; entries: number; claims: number; confirmations: number }>,
): Promise<AnalyticsReport["drops"]> {
  if (counts.size === 0) return [];
  const rows = await drizzleOf(database)
    .select()
    .from(drops)
    .where(and(eq(drops.brandId, brandId), inArray(drops.id, [...counts.keys()])));
  const tiers = await claimsByTier(
    database,
    brandId,
    rows.map((r) => r.id),
  );
  return rows
    .sort((a, b) => b.publicStartsAt.getTime() - a.publicStartsAt.getTime())
    .map((drop) => {
      const d = counts.get(drop.id) ?? { pageVisitors: 0, entries: 0, claims: 0, confirmations: 0 };
      // A drop opens to its early access (equal to the public start when it has none).
      const opened = drop.earlyAccessStartsAt.getTime();
      return {
        dropId: drop.id,
        title: drop.title,
        ...d,
        conversion: ratio(d.claims, d.pageVisitors),
        soldOutAt: drop.soldOutAt?.toISOString() ?? null,
        sellOutMs: drop.soldOutAt ? Math.max(0, drop.soldOutAt.getTime() - opened) : null,
        tiers: (tiers.get(drop.id) ?? []).map((t) => ({
          ...t,
          conversion: ratio(t.confirmations, drop.mode === "raffle" ? t.entries : t.claims),
        })),
      };
    });
}

/** The events that had facts in the range: attendance per hour (from the hourly rollup) and its peak. */
async function eventDetails(
  database: DbLike,
  brandId: string,
  range: AnalyticsRange,
  counts: Map<string, { attendees: number; watchMs: number; pinClicks: number }>,
): Promise<AnalyticsReport["events"]> {
  if (counts.size === 0) return [];
  const db = drizzleOf(database);
  const ids = [...counts.keys()];
  const rows = await db
    .select({ id: events.id, title: events.title })
    .from(events)
    .where(and(eq(events.brandId, brandId), inArray(events.id, ids)));
  const hours = await db
    .select()
    .from(analyticsHourly)
    .where(
      and(
        eq(analyticsHourly.brandId, brandId),
        eq(analyticsHourly.kind, "event_attendance"),
        inArray(analyticsHourly.itemId, ids),
        gte(analyticsHourly.bucket, new Date(`${range.from}T00:00:00Z`)),
        lt(analyticsHourly.bucket, new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS)),
      ),
    )
    .orderBy(analyticsHourly.bucket);
  return rows.map((event) => {
    const attendance = hours
      .filter((h) => h.itemId === event.id)
      .map((h) => ({ hour: h.bucket.toISOString(), visitors: h.visitors }));
    const peak = attendance.reduce<(typeof attendance)[number] | null>(
      (best, h) => (best === null || h.visitors > best.visitors ? h : best),
      null,
    );
    const c = counts.get(event.id) ?? { attendees: 0, watchMs: 0, pinClicks: 0 };
    return { eventId: event.id, title: event.title, ...c, peak, attendance };
  });
}
