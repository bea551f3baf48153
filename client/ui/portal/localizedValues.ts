/** A text per language as a portal form holds it, and what it sends. */
import { validationIssues } from "../../net/api.ts";
import type { FieldErrors, LocalizedValues } from "./productForm.ts";

export const blankLocalized = (): LocalizedValues => ({ en: "", fr: "", de: "", "zh-CN": "" });

/**
 * The languages written, trimmed; English is always sent (blank if so, for the server to name
 * `title.en`), the others only when written, so the reader falls back to English.
 */
export function writtenLanguages(values: LocalizedValues): { en: string } & Record<string, string> {
  const out: { en: string } & Record<string, string> = { en: values.en.trim() };
  for (const [locale, text] of Object.entries(values)) {
    if (locale !== "en" && text.trim()) out[locale] = text.trim();
  }
  return out;
}

/** Whether anything is written in any language. */
export const anyWritten = (values: LocalizedValues): boolean =>
  Object.values(values).some((v) => v.trim() !== "");

/** The server's 400 as errors by field path ("title.fr", "stock"), the first message of each. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of validationIssues(error)) out[issue.path] ??= issue.message;
  return out;
}
