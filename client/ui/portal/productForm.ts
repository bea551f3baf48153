import type { z } from "zod";
import type { Money } from "../../../shared/catalog.ts";
import { LOCALES, type Locale } from "../../../shared/constants.ts";
import {
  type BrandProduct,
  CreateProductBody,
  UpdateProductBody,
  type VariantLabel,
} from "../../../shared/models.ts";

export type LocalizedValues = Record<Locale, string>;

/** The product form as typed: strings, so half-typed input stays visible while it is wrong. */
export type ProductFormValues = {
  modelId: string;
  name: LocalizedValues;
  description: LocalizedValues;
  amount: string;
  currency: string;
  stock: string;
  displayHeight: string;
  /** Per variant name of the model, its label in each language. */
  variantLabels: Record<string, LocalizedValues>;
  credit: string;
};

/** Currencies offered in the form (any ISO 4217 code passes the shared schema). */
export const CURRENCIES = ["EUR", "CHF", "USD", "GBP", "CNY", "JPY", "HKD", "AED"] as const;

const blank = (): LocalizedValues => ({ en: "", fr: "", de: "", "zh-CN": "" });

function fill(text: { en: string } & Record<string, string | undefined>): LocalizedValues {
  const out = blank();
  for (const l of LOCALES) out[l] = text[l] ?? "";
  return out;
}

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY), as Intl knows them. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/**
 * A typed price ("12 500", "12,500.50", "12.500,50", "1250,5") in minor units, or null when it is
 * not a number. When both separators appear the last one is the decimal one; when only one
 * kind appears, the reader's locale says whether it is decimal ("," in French) or grouping.
 */
export function parseAmount(typed: string, currency: string, locale: string): number | null {
  let s = typed.replace(/[\s\u00a0\u202f'’]/g, "");
  if (s === "") return null;
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (comma >= 0 || dot >= 0) {
    const sep = comma >= 0 ? "," : ".";
    const count = s.split(sep).length - 1;
    const decimal = count === 1 && (decimalSeparator(locale) === sep || !/\d{3}$/.test(s));
    s = decimal ? s.replace(sep, ".") : s.split(sep).join("");
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  return Math.round(Number(s) * 10 ** currencyDigits(currency));
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}

/** The form's starting values: an existing product, or a new one on an uploaded model. */
export function initialValues(
  from: { product: BrandProduct } | { modelId: string; fileName: string; displayHeight: number },
): ProductFormValues {
  if ("product" in from) {
    const p = from.product;
    const digits = currencyDigits(p.price.currency);
    const labels: Record<string, LocalizedValues> = {};
    for (const v of p.variantLabels) labels[v.name] = fill(v.label);
    return {
      modelId: p.modelId ?? "",
      name: fill(p.name),
      description: fill(p.description),
      amount: (p.price.amountMinor / 10 ** digits).toFixed(digits),
      currency: p.price.currency,
      stock: String(p.stock),
      displayHeight: String(p.model.displayHeight),
      variantLabels: labels,
      credit: p.model.kind === "gltf" ? (p.model.credit ?? "") : "",
    };
  }
  // "AntiqueWallClock.glb" → "Antique Wall Clock": a start the merchandiser will refine.
  const stem = from.fileName.replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ");
  const name = blank();
  name.en = stem.replace(/([a-z])([A-Z0-9])/g, "$1 $2").trim();
  return {
    modelId: from.modelId,
    name,
    description: blank(),
    amount: "",
    currency: "EUR",
    stock: "0",
    displayHeight: String(from.displayHeight),
    variantLabels: {},
    credit: "",
  };
}

function localized(values: LocalizedValues): Record<string, string> {
  const out: Record<string, string> = { en: values.en.trim() };
  for (const l of LOCALES) if (l !== "en" && values[l].trim()) out[l] = values[l].trim();
  return out;
}

/** Turns typed values into the body the server takes (numbers that do not parse become NaN). */
export function formBody(values: ProductFormValues, variantNames: readonly string[], locale: string) {
  const amountMinor = parseAmount(values.amount, values.currency, locale) ?? Number.NaN;
  const price: Money = { amountMinor, currency: values.currency };
  const variantLabels: VariantLabel[] = variantNames
    .map((name) => ({ name, label: localized(values.variantLabels[name] ?? blank()) }))
    .filter((v) => Object.values(v.label).some((s) => s !== "")) as VariantLabel[];
  return {
    modelId: values.modelId,
    name: localized(values.name),
    description: localized(values.description),
    price,
    stock: values.stock.trim() === "" ? Number.NaN : Number(values.stock),
    displayHeight: values.displayHeight.trim() === "" ? Number.NaN : Number(values.displayHeight),
    variantLabels,
    ...(values.credit.trim() ? { credit: values.credit.trim() } : {}),
  };
}

export type FieldErrors = Record<string, string>;

function errorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** Checks a new product with the server's own schema; field errors keyed by path ("name.en"). */
export function validateCreate(values: ProductFormValues, variantNames: readonly string[], locale: string) {
  const parsed = CreateProductBody.safeParse(formBody(values, variantNames, locale));
  return parsed.success
    ? { body: parsed.data, errors: null }
    : { body: null, errors: errorsOf(parsed.error) };
}

/**
 * Checks an edit with the server's schema and keeps only the fields that changed, so saving an
 * untouched form does not mark a published product as modified.
 */
export function validateUpdate(
  values: ProductFormValues,
  variantNames: readonly string[],
  product: BrandProduct,
  locale: string,
) {
  const full = formBody(values, variantNames, locale);
  // The product's own values, written the way this form writes them (amounts with a "." decimal).
  const before = formBody(initialValues({ product }), variantNames, "en");
  const changed = Object.fromEntries(
    Object.entries(full).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]),
    ),
  );
  if (product.modelId === null && !values.modelId) delete changed.modelId;
  // The API cannot send "no credit": an emptied credit line is sent as an empty one.
  if ("credit" in before && !("credit" in full)) changed.credit = "";
  const { modelId: _modelId, ...fields } = full;
  const check = CreateProductBody.omit({ modelId: true }).safeParse(fields);
  if (!check.success) return { body: null, errors: errorsOf(check.error), unchanged: false };
  if (Object.keys(changed).length === 0) return { body: null, errors: null, unchanged: true };
  const parsed = UpdateProductBody.safeParse(changed);
  return parsed.success
    ? { body: parsed.data, errors: null, unchanged: false }
    : { body: null, errors: errorsOf(parsed.error), unchanged: false };
}
