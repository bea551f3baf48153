/**
 * The brand host-lines editor's model: the document as the form types it (every language a string,
 * questions one per line) and its conversions to and from the JSON document (`BrandHostLines`).
 * Pure functions, unit-tested beside this file.
 */
import { LOCALES, type Locale } from "../../../../shared/constants.ts";
import type { FieldIssue } from "../../../../shared/errors.ts";
import { BrandHostLines } from "../../../../shared/host/script.ts";

export type LocalizedValues = Record<Locale, string>;

export type HostLinesDraft = {
  greetings: LocalizedValues[];
  products: Array<{ productId: string; line: LocalizedValues }>;
  faq: Array<{ id: string; questions: LocalizedValues; answer: LocalizedValues }>;
};

export function emptyLocalized(): LocalizedValues {
  return { en: "", fr: "", de: "", "zh-CN": "" };
}

export function emptyDraft(): HostLinesDraft {
  return { greetings: [], products: [], faq: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function localizedFrom(value: unknown): LocalizedValues {
  const out = emptyLocalized();
  if (!isRecord(value)) return out;
  for (const l of LOCALES) if (typeof value[l] === "string") out[l] = value[l] as string;
  return out;
}

/** English always (so its absence is reported), the other languages only when written. */
function localizedTo(values: LocalizedValues): Record<string, string> {
  const out: Record<string, string> = { en: values.en.trim() };
  for (const l of LOCALES) if (l !== "en" && values[l].trim()) out[l] = values[l].trim();
  return out;
}

/** Reads any document (even an invalid one) into the form; unknown parts are left out. */
export function draftFromDocument(doc: unknown): HostLinesDraft {
  const d = isRecord(doc) ? doc : {};
  const list = (key: string): unknown[] => (Array.isArray(d[key]) ? (d[key] as unknown[]) : []);
  return {
    greetings: list("greetings").map(localizedFrom),
    products: list("products").map((p) => ({
      productId: isRecord(p) && typeof p.productId === "string" ? p.productId : "",
      line: localizedFrom(isRecord(p) ? p.line : undefined),
    })),
    faq: list("faq").map((f) => {
      const entry = isRecord(f) ? f : {};
      const questions = emptyLocalized();
      if (isRecord(entry.questions)) {
        for (const l of LOCALES) {
          const q = entry.questions[l];
          if (Array.isArray(q)) questions[l] = q.filter((s) => typeof s === "string").join("\n");
        }
      }
      return {
        id: typeof entry.id === "string" ? entry.id : "",
        questions,
        answer: localizedFrom(entry.answer),
      };
    }),
  };
}

/** The JSON document the form stands for (what is saved). */
export function documentFromDraft(draft: HostLinesDraft): Record<string, unknown> {
  return {
    version: 1,
    greetings: draft.greetings.map(localizedTo),
    products: draft.products.map((p) => ({ productId: p.productId, line: localizedTo(p.line) })),
    faq: draft.faq.map((f) => {
      const questions: Record<string, string[]> = {};
      for (const l of LOCALES) {
        const lines = f.questions[l]
          .split("\n")
          .map((s) => s.trim())
          .filter(Boolean);
        if (lines.length > 0) questions[l] = lines;
      }
      return { id: f.id.trim(), questions, answer: localizedTo(f.answer) };
    }),
  };
}

export type JsonParse = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * What the shared schema says about a document before it is sent: every issue with its path. The
 * server checks again, with the catalog (a product of another maison, for one).
 */
export function localIssues(doc: unknown): FieldIssue[] {
  const parsed = BrandHostLines.safeParse(doc);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
}

/** Issues as a map from path to message, for the form's fields (the first message per path). */
export function issuesByPath(issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path] ??= i.message;
  return out;
}

/** The messages for one item of the form and everything under it (`faq.2` matches `faq.2.id`). */
export function issuesUnder(issues: readonly FieldIssue[], prefix: string): FieldIssue[] {
  return issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
}
