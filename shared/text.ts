/**
 * The one text schema of every boundary (issue 10). Text a person typed reaches the database, the
 * JSON canonicalizer of certificates and other people's screens, so it is refused at the door when
 * it holds what no such text should: NUL (PostgreSQL refuses it in `text`, and a 500 followed),
 * lone surrogates (not Unicode: the canonicalizer and `TextEncoder` mangle them), C0/C1 control
 * characters and bidi overrides/isolates (they reorder what others read: "txt.exe" shown as
 * "exe.txt"). What is let through is NFC-normalized, so that "é" typed two ways is one name.
 *
 * - `singleLine(inner)`: names, titles, reasons, fields of a certificate: no control character at all.
 * - `multiLine(inner)`: scripts and descriptions: tab, line feed and carriage return allowed.
 *
 * `inner` is the field's own string schema (trim, min, max and their messages), applied to the
 * normalized text. `findUnsafeText` is the net under every JSON body and room payload, for strings
 * no field schema looks at (keys, free-form objects): NUL and lone surrogates are never meaningful.
 */
import { z } from "zod";

/** Controls (C0, DEL, C1: \p{Cc}), line/paragraph separators, bidi embeddings, overrides, isolates. */
const SINGLE_LINE_FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** The same, with tab, line feed and carriage return allowed. */
const MULTI_LINE_FORBIDDEN = /(?![\t\n\r])[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** "U+202E" for a character. */
function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Why `text` cannot be stored as text of this kind, or null when it can. */
export function textProblem(text: string, kind: "singleLine" | "multiLine"): string | null {
  if (!text.isWellFormed()) return "Remove the broken character (a lone UTF-16 surrogate).";
  const match = (kind === "singleLine" ? SINGLE_LINE_FORBIDDEN : MULTI_LINE_FORBIDDEN).exec(text);
  if (!match) return null;
  const char = match[0];
  if (char === "\u0000") return "Remove the NUL character (U+0000).";
  if (/[\u202A-\u202E\u2066-\u2069]/u.test(char))
    return `Remove the text-direction control character (${codePointName(char)}).`;
  if (kind === "singleLine" && /[\n\r\t\u2028\u2029]/u.test(char))
    return `Keep it on one line: remove the line break or tab (${codePointName(char)}).`;
  return `Remove the control character (${codePointName(char)}).`;
}

function guarded<Inner extends z.ZodType<string, string>>(kind: "singleLine" | "multiLine", inner: Inner) {
  return z
    .string()
    .check((ctx) => {
      // Lone surrogates first: NFC of broken text is not defined to keep it broken.
      if (!ctx.value.isWellFormed())
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: "Remove the broken character (a lone UTF-16 surrogate).",
        });
    })
    .transform((text) => text.normalize("NFC"))
    .pipe(inner)
    .check((ctx) => {
      const problem = textProblem(ctx.value, kind);
      if (problem) ctx.issues.push({ code: "custom", input: ctx.value, message: problem });
    });
}

/** One line of text (names, titles, reasons): NFC, no control or bidi-override character. */
export function singleLine<Inner extends z.ZodType<string, string>>(inner: Inner) {
  return guarded("singleLine", inner);
}

/** Text over several lines (scripts, descriptions): NFC, tab and line breaks allowed, no other control. */
export function multiLine<Inner extends z.ZodType<string, string>>(inner: Inner) {
  return guarded("multiLine", inner);
}

/** A trimmed single line of `min`–`max` characters, the common case. */
export function lineOfText(min: number, max: number, tooShort?: string) {
  return singleLine(
    z
      .string()
      .trim()
      .min(min, tooShort ?? (min === 1 ? "This cannot be empty" : `Use at least ${min} characters`))
      .max(max, `Keep it under ${max + 1} characters`),
  );
}

/** Deepest nesting a JSON body or room payload may have (ours never exceed 8). */
export const MAX_JSON_DEPTH = 32;

export type UnsafeText = { path: string; message: string };

/**
 * The first string (value or key) in a parsed JSON value that no text may hold (NUL, a lone
 * surrogate), or nesting deeper than MAX_JSON_DEPTH; null when there is none. Stops at the limit,
 * so a hostile depth costs nothing.
 */
export function findUnsafeText(value: unknown, path: string[] = []): UnsafeText | null {
  const where = () => (path.length > 0 ? path.join(".") : "(root)");
  if (typeof value === "string") {
    if (!value.isWellFormed())
      return { path: where(), message: "Remove the broken character (a lone UTF-16 surrogate)." };
    if (value.includes("\u0000")) return { path: where(), message: "Remove the NUL character (U+0000)." };
    return null;
  }
  if (value === null || typeof value !== "object") return null;
  if (path.length >= MAX_JSON_DEPTH)
    return { path: where(), message: `Nested too deeply (at most ${MAX_JSON_DEPTH} levels).` };
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = findUnsafeText(key, path);
    if (keyProblem) return { path: `${where()} (a key)`, message: keyProblem.message };
    const problem = findUnsafeText(item, [...path, key]);
    if (problem) return problem;
  }
  return null;
}
