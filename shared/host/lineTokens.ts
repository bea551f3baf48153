/**
 * Tokens in host lines that each reader's client formats in its own locale and time zone:
 * `{{time:<ISO instant>}}` (date and time), `{{countdown:<ISO instant>}}` ("in 12 min"),
 * `{{price:<minor>:<CURRENCY>}}` (a catalog price). Pure: the clock is a parameter.
 */
import { formatPrice } from "../money.ts";

const TOKEN = /\{\{(time|countdown|price):([^{}]+)\}\}/g;

/** A token for a date and time. */
export function timeToken(epochMs: number): string {
  return `{{time:${new Date(epochMs).toISOString()}}}`;
}

/** A token for a countdown to an instant. */
export function countdownToken(epochMs: number): string {
  return `{{countdown:${new Date(epochMs).toISOString()}}}`;
}

/** A token for a price in minor units (only ever built from a catalog price). */
export function priceToken(price: { amountMinor: number; currency: string }): string {
  return `{{price:${price.amountMinor}:${price.currency}}}`;
}

export type LineToken =
  | { kind: "time"; at: number }
  | { kind: "countdown"; at: number }
  | { kind: "price"; amountMinor: number; currency: string };

/** The well-formed tokens in a line, in order (malformed ones are ignored). */
export function lineTokens(text: string): LineToken[] {
  const out: LineToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = parseToken(match[1] ?? "", match[2] ?? "");
    if (token) out.push(token);
  }
  return out;
}

function parseToken(kind: string, value: string): LineToken | null {
  if (kind === "time" || kind === "countdown") {
    const at = Date.parse(value);
    return Number.isFinite(at) ? { kind, at } : null;
  }
  const m = /^(\d{1,15}):([A-Z]{3})$/.exec(value);
  if (!m) return null;
  return { kind: "price", amountMinor: Number(m[1]), currency: m[2] ?? "" };
}

/**
 * Renders a line for a reader: tokens become text in `locale` (and `timeZone` for times; the
 * runtime's zone when omitted), countdowns relative to `nowMs`. A malformed token stays as written.
 */
export function renderLine(text: string, locale: string, nowMs: number, timeZone?: string): string {
  return text.replace(TOKEN, (whole, kind: string, value: string) => {
    const token = parseToken(kind, value);
    if (!token) return whole;
    try {
      if (token.kind === "price") return formatPrice(token, locale);
      if (token.kind === "time") return formatTime(token.at, locale, nowMs, timeZone);
      return formatCountdown(token.at, locale, nowMs);
    } catch {
      return whole;
    }
  });
}

/** Date and time; the date is left out when it is the reader's today. */
export function formatTime(at: number, locale: string, nowMs: number, timeZone?: string): string {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const sameDay = day.format(at) === day.format(nowMs);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    ...(sameDay ? {} : { weekday: "short", day: "numeric", month: "short" }),
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
}

/** "in 12 minutes", "in 2 hours", "in 3 days"; "now" within a minute (past or future). */
export function formatCountdown(at: number, locale: string, nowMs: number): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "long" });
  const seconds = Math.round((at - nowMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(0, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 48 * 3600) {
    const hours = seconds / 3600;
    // Under three hours, minutes ("in 90 minutes") say more than a rounded "in 2 hours".
    if (abs < 3 * 3600 && Math.abs(hours % 1) > 0.08) return rtf.format(Math.round(seconds / 60), "minute");
    return rtf.format(Math.round(hours), "hour");
  }
  return rtf.format(Math.round(seconds / 86400), "day");
}
