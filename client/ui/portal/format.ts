/** Number formatting for the portal's figures, in the reader's locale. */

const UNITS = ["B", "KB", "MB", "GB"] as const;

/** 2 404 104 → "2.4 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${UNITS[unit]}`;
}

export function formatCount(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A length in metres with centimetre precision, e.g. "0.42 m". */
export function formatMetres(m: number, locale: string): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(m)} m`;
}

/** The change from `before` to `after` as a signed percentage, e.g. "−62 %". */
export function formatChange(before: number, after: number, locale: string): string {
  if (before === 0) return after === 0 ? "–" : "+∞";
  return new Intl.NumberFormat(locale, {
    style: "percent",
    signDisplay: "exceptZero",
    maximumFractionDigits: 0,
  }).format(after / before - 1);
}
