/**
 * Masks profanity in chat lines before anyone sees them, in every served language: "f***".
 *
 * English, French and German: @2toad/profanity's word lists, matched on whole words with
 * Unicode-aware boundaries (so "Arsenic", "Scunthorpe" and "assassin" pass). Chinese: its list in
 * @2toad/profanity is machine-translated from English (it would mask 皮肤, "skin", on a beauty
 * avenue), so Chinese uses the human-written LDNOOBW list (naughty-words) matched as substrings
 * (Chinese has no spaces between words), without the single characters that are also everyday
 * words (乳 in 乳液, "lotion").
 */
import { createRequire } from "node:module";
import { CensorType, Profanity } from "@2toad/profanity";
import { foldForFilter } from "./chatNormalize.ts";

const require = createRequire(import.meta.url);
const zhList = require("naughty-words/zh.json") as string[];

const MASK = "*";

const latin = new Profanity({
  languages: ["en", "fr", "de"],
  wholeWord: true,
  unicodeWordBoundaries: true,
  grawlixChar: MASK,
});

/** Single characters that are only ever profane (the others are also everyday words). */
const ZH_SINGLE_KEEP = new Set(["屄", "屌", "肏"]);
const CJK = /[\u3400-\u9fff]/;

const zhPattern = (() => {
  const words = zhList
    .map((w) => w.trim())
    .filter((w) => CJK.test(w) && ([...w].length > 1 || ZH_SINGLE_KEEP.has(w)))
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(words.join("|"), "gu");
})();

/** Keeps the first character of a word and masks the rest ("f***", "傻*"). */
function maskWord(word: string): string {
  const chars = [...word];
  return chars[0] + MASK.repeat(Math.max(1, chars.length - 1));
}

/**
 * The text with every profane word masked, looked for in the folded text (look-alike letters and
 * fullwidth forms read as the letters they imitate, chatNormalize.ts) and masked in the original.
 */
export function maskProfanity(text: string): string {
  const original = [...text];
  const folded = foldForFilter(text);
  const masked = [...maskFolded(folded.join(""))];
  if (masked.length !== original.length) return maskFolded(text);
  return original.map((char, i) => (masked[i] === MASK && folded[i] !== MASK ? MASK : char)).join("");
}

/** The masking itself, on text already folded. */
function maskFolded(text: string): string {
  let out = text;
  // FirstChar censoring keeps the length and puts a mask on each profane word's first letter:
  // those positions tell where the words are, and we mask them as "f***" instead.
  const marked = latin.censor(out, CensorType.FirstChar);
  if (marked !== out && marked.length === out.length) {
    const chars = [...out];
    const marks = [...marked];
    if (marks.length === chars.length) {
      for (let i = 0; i < chars.length; i++) {
        if (marks[i] === MASK && chars[i] !== MASK) {
          let j = i + 1;
          while (j < chars.length && /[\p{L}\p{N}]/u.test(chars[j] ?? "")) {
            chars[j] = MASK;
            j++;
          }
          i = j - 1;
        }
      }
      out = chars.join("");
    }
  } else if (marked !== out) {
    out = marked;
  }
  zhPattern.lastIndex = 0;
  return out.replace(zhPattern, maskWord);
}
