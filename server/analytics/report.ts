/**
 * A brand's analytics over a range of UTC days, read from the daily rollups only: counts, distinct
 * visitors and time, never a visitor key, so nothing in the answer leads back to a person.
 */
import { and, eq, gte, lte } from "drizzle-orm";
import {
  type AnalyticsQuery,
  type AnalyticsRange,
  type AnalyticsReport,
  type FactKind,
  FUNNEL_STEPS,
} from "../../shared/analytics.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { analyticsDaily } from "../db/schema.ts";
import { ALL_ITEMS } from "./rollups.ts";

const PIECE_FACTS = new Set<FactKind>(["viewer_open", "viewer_time", "wishlist_add", "variant_switch"]);
const DROP_FACTS = new Set<FactKind>(["drop_page_visit", "drop_entry", "drop_claim", "claim_confirmed"]);

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
    drops: [...dropRows.entries()].map(([dropId, d]) => ({
      dropId,
      ...d,
      conversion: d.pageVisitors > 0 ? d.claims / d.pageVisitors : 0,
    })),
  };
}
