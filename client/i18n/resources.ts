/**
 * Every UI string, per language. The core strings live in `locales/<lang>.json`; each feature keeps
 * its own `locales/<feature>/<lang>.json` (so parallel work on features never edits one file), merged
 * in `bundles/<lang>.ts` under the feature's name: `t("portal.upload.title")` reads
 * `locales/portal/<lang>.json`. A new feature adds its import to each of the four bundles.
 *
 * English ships in the entry (it is the fallback of every other language); the others are chunks of
 * their own, fetched only by a reader who uses them.
 */
import type { Locale } from "../../shared/constants.ts";
import en from "./bundles/en.ts";

export type Messages = Record<string, unknown>;

export const ENGLISH: Messages = en;

const LOADERS: Record<Locale, () => Promise<Messages>> = {
  en: async () => en,
  fr: async () => (await import("./bundles/fr.ts")).default,
  de: async () => (await import("./bundles/de.ts")).default,
  "zh-CN": async () => (await import("./bundles/zh-CN.ts")).default,
};

/** One language's strings (from the entry for English, from its own chunk for the others). */
export function loadMessages(locale: Locale): Promise<Messages> {
  return LOADERS[locale]();
}
