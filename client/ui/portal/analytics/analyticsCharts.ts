/**
 * uPlot options and data for the analytics page's charts, in the portal's palette (gold and ivory
 * on night) with axes in the reader's locale. Pure: the chart component only mounts what this builds.
 */
import uPlot from "uplot";
import type { AnalyticsReport } from "../../../../shared/analytics.ts";
import { dailyRows } from "./analyticsTables.ts";

const GOLD = "#c9a96a";
const IVORY = "#f4efe6";
const ROSE = "#d58f7e";
const SAGE = "#8fb3a0";
const AXIS = "rgba(244, 239, 230, 0.62)";
const GRID = "rgba(255, 255, 255, 0.06)";
const FONT = '11px Inter, "Helvetica Neue", Arial, "PingFang SC", sans-serif';

export type ChartSpec = { options: Omit<uPlot.Options, "width" | "height">; data: uPlot.AlignedData };

const compact = (locale: string) =>
  new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });

function axis(extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: AXIS,
    font: FONT,
    grid: { stroke: GRID, width: 1 },
    ticks: { stroke: GRID, width: 1 },
    ...extra,
  };
}

/** A y axis of counts (whole numbers only, compact for big ones). */
function countAxis(locale: string, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  const fmt = compact(locale);
  return axis({
    size: 52,
    values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? fmt.format(v) : "")),
    ...extra,
  });
}

const bars = () => uPlot.paths.bars?.({ size: [0.62, 64], radius: 0.12 });

/** Passes, stops and viewer opens per day, with dwell (minutes) on its own axis. */
export function dailyChart(
  report: AnalyticsReport,
  locale: string,
  labels: { passes: string; stopped: string; viewerOpens: string; dwell: string },
): ChartSpec {
  const days = dailyRows(report);
  const x = days.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000);
  const get = (
    kind: Parameters<(typeof days)[number]["values"]["get"]>[0],
    field: "count" | "visitors" | "totalMs",
  ) => days.map((d) => d.values.get(kind)?.[field] ?? 0);
  const dayFmt = new Intl.DateTimeFormat(locale, { timeZone: "UTC", day: "numeric", month: "short" });
  const minutes = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "minute",
    unitDisplay: "narrow",
    maximumFractionDigits: 1,
  });
  return {
    data: [
      x,
      get("boutique_pass", "count"),
      get("window_dwell", "visitors"),
      get("viewer_open", "count"),
      get("window_dwell", "totalMs").map((ms) => ms / 60_000),
    ],
    options: {
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      cursor: { points: { size: 7 } },
      legend: { show: false },
      scales: {
        x: { time: true },
        y: { range: (_u, _min, max) => [0, Math.max(4, max * 1.15)] },
        m: { range: (_u, _min, max) => [0, Math.max(1, max * 1.15)] },
      },
      axes: [
        axis({ values: (_u, splits) => splits.map((v) => dayFmt.format(new Date(v * 1000))), space: 64 }),
        countAxis(locale),
        axis({
          scale: "m",
          side: 1,
          size: 60,
          grid: { show: false },
          values: (_u, splits) => splits.map((v) => minutes.format(v)),
        }),
      ],
      series: [
        {},
        {
          label: labels.passes,
          stroke: GOLD,
          width: 2,
          fill: "rgba(201, 169, 106, 0.12)",
          points: { show: true, size: 5 },
        },
        { label: labels.stopped, stroke: IVORY, width: 1.5, points: { show: true, size: 4 } },
        { label: labels.viewerOpens, stroke: SAGE, width: 1.5, points: { show: true, size: 4 } },
        { label: labels.dwell, stroke: ROSE, width: 1.5, dash: [5, 4], scale: "m", points: { show: false } },
      ],
    },
  };
}

/** Bars over named categories (the funnel's steps, a drop's stages). */
export function categoryBars(
  values: number[],
  categories: string[],
  locale: string,
  color = GOLD,
): ChartSpec {
  const fmt = compact(locale);
  return {
    data: [values.map((_, i) => i), values],
    options: {
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.5, values.length - 0.5] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.18)] },
      },
      axes: [
        axis({
          grid: { show: false },
          ticks: { show: false },
          size: 44,
          splits: () => values.map((_, i) => i),
          values: () => categories,
        }),
        countAxis(locale),
      ],
      series: [{}, { stroke: color, fill: `${color}cc`, width: 0, paths: bars(), points: { show: false } }],
      hooks: {
        // The value above each bar: read at a glance, not only on hover.
        draw: [
          (u) => {
            const ctx = u.ctx;
            ctx.save();
            ctx.font = `600 ${Math.round(12 * devicePixelRatio)}px Inter, "Helvetica Neue", Arial, sans-serif`;
            ctx.fillStyle = IVORY;
            ctx.textAlign = "center";
            values.forEach((v, i) => {
              ctx.fillText(
                fmt.format(v),
                u.valToPos(i, "x", true),
                u.valToPos(v, "y", true) - 6 * devicePixelRatio,
              );
            });
            ctx.restore();
          },
        ],
      },
    },
  };
}

/** An event's attendees per hour (in the reader's zone). */
export function attendanceChart(event: AnalyticsReport["events"][number], locale: string): ChartSpec {
  const hourFmt = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
  const points = event.attendance.map((h) => Date.parse(h.hour) / 1000);
  // One empty hour either side, so a single hour still reads as a bar over time.
  const x =
    points.length > 0 ? [(points[0] as number) - 3600, ...points, (points.at(-1) as number) + 3600] : [];
  const y = points.length > 0 ? [0, ...event.attendance.map((h) => h.visitors), 0] : [];
  return {
    data: [x, y],
    options: {
      legend: { show: false },
      cursor: { points: { size: 7 } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(2, max * 1.2)] } },
      axes: [
        axis({ space: 56, values: (_u, splits) => splits.map((v) => hourFmt.format(new Date(v * 1000))) }),
        countAxis(locale),
      ],
      series: [
        {},
        { stroke: GOLD, fill: "rgba(201, 169, 106, 0.55)", width: 0, paths: bars(), points: { show: false } },
      ],
    },
  };
}
