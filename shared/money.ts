import type { Money } from "./catalog.ts";

/** Formats a price for a locale, e.g. 1 250 € in French or €1,250.00 in English. */
export function formatPrice(price: Money, locale: string): string {
  const digits =
    new Intl.NumberFormat(locale, { style: "currency", currency: price.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const amount = price.amountMinor / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: price.currency,
    maximumFractionDigits: amount % 1 === 0 ? 0 : digits,
    minimumFractionDigits: amount % 1 === 0 ? 0 : digits,
  }).format(amount);
}

/** Picks the text for a locale, falling back on its language, then on English. */
export function localize(text: { en: string } & Record<string, string | undefined>, locale: string): string {
  return text[locale] ?? text[locale.split("-")[0] ?? "en"] ?? text.en;
}
