/**
 * Outreach templates: one per occasion, in every language we serve, with `{{mergeField}}` fields that
 * the server fills from what it knows (the client's name, the piece, the drop…). A brand may replace
 * a template; its text is checked against the occasion's fields before it is stored, and rendering
 * refuses an unknown or missing field by name rather than sending a message with a hole in it.
 */
import { z } from "zod";
import { LocalizedText } from "../catalog.ts";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../constants.ts";
import type { ConsentPurpose } from "./consent.ts";

export const OUTREACH_OCCASIONS = [
  "wishlist_piece_new",
  "wishlist_piece_available",
  "drop_suggestion",
  "event_invitation",
  "birthday",
] as const;
export const OutreachOccasion = z.enum(OUTREACH_OCCASIONS);
export type OutreachOccasion = z.infer<typeof OutreachOccasion>;

const COMMON_FIELDS = ["clientName", "advisorName", "brandName"] as const;

/** The merge fields each occasion's text may use. */
export const OCCASION_FIELDS: Record<OutreachOccasion, readonly string[]> = {
  wishlist_piece_new: [...COMMON_FIELDS, "productName"],
  wishlist_piece_available: [...COMMON_FIELDS, "productName"],
  drop_suggestion: [...COMMON_FIELDS, "productName", "dropTitle", "dropStartsAt"],
  event_invitation: [...COMMON_FIELDS, "eventTitle", "eventStartsAt"],
  birthday: [...COMMON_FIELDS],
};

/** The consent purposes under which an occasion may be sent (the advisor picks one). */
export const OCCASION_PURPOSES: Record<OutreachOccasion, readonly ConsentPurpose[]> = {
  wishlist_piece_new: ["new_pieces"],
  wishlist_piece_available: ["new_pieces"],
  drop_suggestion: ["new_pieces"],
  event_invitation: ["events"],
  birthday: ["appointments", "new_pieces", "events"],
};

/** A template's subject and body, each in several languages (English required, the fallback). */
export const OutreachTemplate = z.object({ subject: LocalizedText, body: LocalizedText }).strict();
export type OutreachTemplate = z.infer<typeof OutreachTemplate>;

export type TemplateProblem = {
  path: string;
  code: "unknown_merge_field" | "malformed_merge_field" | "missing_merge_field";
  field: string | null;
  message: string;
};

const FIELD = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The merge fields a text uses, in order of first use. */
export function mergeFieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1] as string))];
}

function textProblems(occasion: OutreachOccasion, text: string, path: string): TemplateProblem[] {
  const allowed = OCCASION_FIELDS[occasion];
  const problems: TemplateProblem[] = mergeFieldsIn(text)
    .filter((field) => !allowed.includes(field))
    .map((field) => ({
      path,
      code: "unknown_merge_field",
      field,
      message: `{{${field}}} is not a merge field of ${occasion}; use ${allowed.map((f) => `{{${f}}}`).join(", ")}.`,
    }));
  const rest = text.replace(FIELD, "");
  if (rest.includes("{{") || rest.includes("}}")) {
    problems.push({
      path,
      code: "malformed_merge_field",
      field: null,
      message: "A merge field is not closed: write {{fieldName}}.",
    });
  }
  return problems;
}

/** Every problem of a template for an occasion, in every language it carries. */
export function templateProblems(occasion: OutreachOccasion, template: OutreachTemplate): TemplateProblem[] {
  return (["subject", "body"] as const).flatMap((part) =>
    Object.entries(template[part]).flatMap(([lang, text]) => textProblems(occasion, text, `${part}.${lang}`)),
  );
}

/** The language a client reads: theirs when the text has it, else English. */
export function pickLanguage(text: LocalizedText, language: string): Locale {
  const wanted = (LOCALES as readonly string[]).includes(language) ? (language as Locale) : DEFAULT_LOCALE;
  return text[wanted] !== undefined ? wanted : DEFAULT_LOCALE;
}

export type RenderedTemplate = { subject: string; body: string; language: Locale };

/**
 * Renders a template in the client's language (English when that language is missing), filling
 * every field from `values`.
 */
export function renderTemplate(
  occasion: OutreachOccasion,
  template: OutreachTemplate,
  language: string,
  values: Readonly<Record<string, string>>,
): { ok: true; rendered: RenderedTemplate } | { ok: false; problems: TemplateProblem[] } {
  const problems = templateProblems(occasion, template);
  const lang = pickLanguage(template.body, language);
  const subjectLang = pickLanguage(template.subject, lang);
  const subject = template.subject[subjectLang] as string;
  const body = template.body[lang] as string;
  for (const [part, text] of [
    ["subject", subject],
    ["body", body],
  ] as const) {
    for (const field of mergeFieldsIn(text)) {
      if (values[field] === undefined && OCCASION_FIELDS[occasion].includes(field)) {
        problems.push({
          path: part,
          code: "missing_merge_field",
          field,
          message: `No value for {{${field}}}.`,
        });
      }
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const fill = (text: string) => text.replace(FIELD, (_, field: string) => values[field] as string);
  return { ok: true, rendered: { subject: fill(subject), body: fill(body), language: lang } };
}
