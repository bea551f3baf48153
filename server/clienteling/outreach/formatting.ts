/** Dates and names as a client reads them: in their language and their own time zone. */
import { DateTime } from "luxon";
import type { LocalizedText } from "../../../shared/catalog.ts";
import { pickLanguage } from "../../../shared/clienteling/templates.ts";

/** "Wednesday 10 June 2026 at 14:00 CEST"-like, per the language's conventions. */
export function formatInstantFor(at: Date, timeZone: string, language: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale(language).toLocaleString({
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
}

/** A localized text in the client's language, English when it has none. */
export function textFor(text: LocalizedText, language: string): string {
  return text[pickLanguage(text, language)] as string;
}
