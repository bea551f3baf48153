/**
 * The analytics page's tables, from the report: each a list of typed columns and rows of raw
 * values. The page formats the values for the reader's locale; the CSV export writes them raw (ISO
 * days and hours, plain numbers, ratios), so a spreadsheet reads them as numbers and dates.
 */
import type { AnalyticsReport, FactKind } from "../../../../shared/analytics.ts";
import type { CsvCell } from "./csv.ts";

export type ColumnKind = "text" | "day" | "hour" | "count" | "duration" | "percent";
export type Column = { key: string; kind: ColumnKind };
export type AnalyticsTable = { id: TableId; columns: Column[]; rows: CsvCell[][] };
export const TABLE_IDS = ["daily", "funnel", "pieces", "drops", "tiers", "events"] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** What the tables need besides the report: names of pieces and events in the reader's language. */
export type Names = {
  piece: (productId: string) => string;
  /** A title per language (a drop's, an event's), in the reader's language. */
  text: (title: Record<string, string | undefined>) => string;
  /** A funnel step's label. */
  step: (step: FactKind) => string;
  /** A pass tier's label ("" is no pass). */
  tier: (tier: string) => string;
};

const col = (key: string, kind: ColumnKind): Column => ({ key, kind });

/** Per UTC day of the range (every day, zeros included), one row per day. */
export function dailyRows(
  report: AnalyticsReport,
): { day: string; values: Map<FactKind, { count: number; visitors: number; totalMs: number }> }[] {
  const byDay = new Map<string, Map<FactKind, { count: number; visitors: number; totalMs: number }>>();
  for (const d of report.days) {
    const kinds = byDay.get(d.day) ?? new Map();
    kinds.set(d.kind, { count: d.count, visitors: d.visitors, totalMs: d.totalMs });
    byDay.set(d.day, kinds);
  }
  const out = [];
  for (let t = Date.parse(report.from); t <= Date.parse(report.to); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, values: byDay.get(day) ?? new Map() });
  }
  return out;
}

export function analyticsTables(report: AnalyticsReport, names: Names): AnalyticsTable[] {
  const days = dailyRows(report);
  const n = (
    v: Map<FactKind, { count: number; visitors: number; totalMs: number }>,
    kind: FactKind,
    field: "count" | "visitors" | "totalMs",
  ) => v.get(kind)?.[field] ?? 0;
  const first = report.funnel[0]?.visitors ?? 0;
  const dropTitle = new Map(report.drops.map((d) => [d.dropId, names.text(d.title)]));
  return [
    {
      id: "daily",
      columns: [
        col("day", "day"),
        col("avenueVisits", "count"),
        col("passes", "count"),
        col("stopped", "count"),
        col("dwell", "duration"),
        col("viewerOpens", "count"),
        col("wishlists", "count"),
        col("claims", "count"),
        col("appointments", "count"),
      ],
      rows: days.map(({ day, values }) => [
        day,
        n(values, "avenue_visit", "count"),
        n(values, "boutique_pass", "count"),
        n(values, "window_dwell", "visitors"),
        n(values, "window_dwell", "totalMs"),
        n(values, "viewer_open", "count"),
        n(values, "wishlist_add", "count"),
        n(values, "drop_claim", "count"),
        n(values, "appointment_booked", "count"),
      ]),
    },
    {
      id: "funnel",
      columns: [col("step", "text"), col("visitors", "count"), col("ofPasses", "percent")],
      rows: report.funnel.map((s) => [names.step(s.step), s.visitors, first > 0 ? s.visitors / first : 0]),
    },
    {
      id: "pieces",
      columns: [
        col("piece", "text"),
        col("viewerOpens", "count"),
        col("viewerTime", "duration"),
        col("wishlists", "count"),
      ],
      rows: report.topPieces.map((p) => [names.piece(p.productId), p.viewerOpens, p.viewerMs, p.wishlists]),
    },
    {
      id: "drops",
      columns: [
        col("drop", "text"),
        col("pageVisitors", "count"),
        col("entries", "count"),
        col("claims", "count"),
        col("confirmations", "count"),
        col("conversion", "percent"),
        col("sellOut", "duration"),
      ],
      rows: report.drops.map((d) => [
        names.text(d.title),
        d.pageVisitors,
        d.entries,
        d.claims,
        d.confirmations,
        d.conversion,
        d.sellOutMs,
      ]),
    },
    {
      id: "tiers",
      columns: [
        col("drop", "text"),
        col("tier", "text"),
        col("entries", "count"),
        col("claims", "count"),
        col("confirmations", "count"),
        col("conversion", "percent"),
      ],
      rows: report.drops.flatMap((d) =>
        d.tiers.map((t) => [
          dropTitle.get(d.dropId) ?? d.dropId,
          names.tier(t.tier),
          t.entries,
          t.claims,
          t.confirmations,
          t.conversion,
        ]),
      ),
    },
    {
      id: "events",
      columns: [
        col("event", "text"),
        col("attendees", "count"),
        col("peakHour", "hour"),
        col("peakVisitors", "count"),
        col("watchTime", "duration"),
        col("pinClicks", "count"),
      ],
      rows: report.events.map((e) => [
        names.text(e.title),
        e.attendees,
        e.peak?.hour ?? null,
        e.peak?.visitors ?? 0,
        e.watchMs,
        e.pinClicks,
      ]),
    },
  ];
}
