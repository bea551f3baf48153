/** The analytics page's numbers, times and days, in the reader's locale (and zone for hours). */
import type { ColumnKind } from "./analyticsTables.ts";
import type { CsvCell } from "./csv.ts";

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function formatPercent(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}

/** 95 000 ms → "1.6 min", 4 000 ms → "4 s", 2 h 30 → "2.5 h" (units as the locale writes them). */
export function formatDuration(ms: number, locale: string): string {
  const [value, unit] =
    ms < 60_000 ? [ms / 1000, "second"] : ms < 3_600_000 ? [ms / 60_000, "minute"] : [ms / 3_600_000, "hour"];
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** A UTC day (YYYY-MM-DD) as the locale writes it: "1 déc. 2026", "2026年12月1日". */
export function formatDay(day: string, locale: string, style: "short" | "long" = "long"): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    day: "numeric",
    month: "short",
    ...(style === "long" ? { year: "numeric" } : {}),
  }).format(new Date(`${day}T00:00:00Z`));
}

/** An hour (ISO instant) in the reader's zone: "1 déc., 11:00". */
export function formatHour(iso: string, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** A table cell for display; an empty value is a dash. */
export function formatCell(kind: ColumnKind, value: CsvCell, locale: string): string {
  if (value === null || value === "") return "–";
  if (typeof value === "string") {
    if (kind === "day") return formatDay(value, locale);
    if (kind === "hour") return formatHour(value, locale);
    return value;
  }
  if (kind === "duration") return formatDuration(value, locale);
  if (kind === "percent") return formatPercent(value, locale);
  return formatCount(value, locale);
}
