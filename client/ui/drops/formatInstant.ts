/**
 * An instant for people, in their language: the time with seconds when it is today (drops open to
 * the second), the date too otherwise.
 */
export function formatInstant(iso: string | number, locale: string, nowMs = Date.now()): string {
  const date = new Date(iso);
  const sameDay = new Date(nowMs).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" },
  ).format(date);
}

/** A date without its time, e.g. for a pass's validity window. */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(new Date(iso));
}
