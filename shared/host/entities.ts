/**
 * Finds the catalog's products and brands named in a question ("how much is the Etoile
 * solitaire?", "où est Brévanne ?", "星辰单钻戒指多少钱"), and masks them so the intent classifier
 * sees "how much is xproductx?". Pure: the catalog is a parameter.
 *
 * Latin scripts: accent- and case-insensitive word matching on each name's distinctive words
 * (words in three or more product names, like "ring" or "parfum", do not identify a product).
 * Chinese: the longest part of a name found in the question.
 */
import type { Catalog, Product } from "../catalog.ts";

export const PRODUCT_PLACEHOLDER = "xproductx";
export const BRAND_PLACEHOLDER = "xbrandx";

/** Function words of the served languages that never identify a product. */
const STOPWORDS = new Set(
  (
    "a an the of and with for in on at to is my your this that " +
    "le la les l d de du des un une et au aux en sur pour avec ce cette " +
    "der die das den dem des ein eine und mit von im am zu fur"
  ).split(" "),
);
/** Words of brand names that do not identify the brand on their own. */
const GENERIC_BRAND_WORDS = new Set(["maison", "parfums", "joaillerie", "fils", "geneve", "shanghai"]);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Lowercase, accents removed, punctuation turned into spaces. */
export function normalizeText(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/['’`]/g, " ")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      // "Brévanne在哪里": a Latin name written against Chinese is a word of its own.
      .replace(/([a-z0-9])([\u3400-\u9fff])/gu, "$1 $2")
      .replace(/([\u3400-\u9fff])([a-z0-9])/gu, "$1 $2")
      .trim()
  );
}

function words(text: string): string[] {
  return normalizeText(text)
    .split(" ")
    .filter((w) => w.length > 0 && !CJK.test(w));
}

type NameForm = { words: string[]; cjk: string | null };

type ProductEntry = { product: Product; brandId: string; forms: NameForm[] };
type BrandEntry = { brandId: string; words: string[] };

/** The catalog's names prepared for matching. Build once per catalog. */
export type EntityIndex = { products: ProductEntry[]; brands: BrandEntry[] };

export function buildEntityIndex(catalog: Catalog): EntityIndex {
  const frequency = new Map<string, number>();
  const all: { product: Product; brandId: string; names: string[] }[] = [];
  for (const brand of catalog.brands) {
    for (const product of brand.products) {
      const names = Object.values(product.name).filter((n): n is string => typeof n === "string");
      const seen = new Set(names.flatMap(words));
      for (const w of seen) frequency.set(w, (frequency.get(w) ?? 0) + 1);
      all.push({ product, brandId: brand.id, names });
    }
  }
  const distinctive = (w: string) => !STOPWORDS.has(w) && w.length > 1 && (frequency.get(w) ?? 0) < 3;
  const products = all.map(({ product, brandId, names }) => ({
    product,
    brandId,
    forms: names.map((name) => {
      const cjkPart = [...name].filter((c) => CJK.test(c)).join("");
      return {
        words: [...new Set(words(name).filter(distinctive))],
        cjk: cjkPart.length >= 2 ? cjkPart : null,
      };
    }),
  }));
  const brands = catalog.brands.map((b) => ({
    brandId: b.id,
    words: words(b.name).filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !GENERIC_BRAND_WORDS.has(w)),
  }));
  return { products, brands };
}

export type ProductMatch = { productId: string; brandId: string; score: number; matched: string[] };

export type Entities = {
  /** Best matches first; several when the question is ambiguous ("the rose"). */
  products: ProductMatch[];
  brandIds: string[];
  /** The question with names replaced by placeholders, for the classifier. */
  masked: string;
};

/** Longest common substring length of two short strings. */
function commonRun(a: string, b: string): { length: number; at: number } {
  let best = { length: 0, at: 0 };
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      if (k > best.length) best = { length: k, at: i };
    }
  }
  return best;
}

/** Finds products and brands named in `text`. */
export function findEntities(index: EntityIndex, text: string): Entities {
  const normalized = normalizeText(text);
  const qWords = new Set(normalized.split(" "));
  const cjkText = [...text].filter((c) => CJK.test(c)).join("");
  const maskWords = new Set<string>();
  const maskRuns: string[] = [];

  const matches: ProductMatch[] = [];
  for (const entry of index.products) {
    let best: ProductMatch | null = null;
    for (const form of entry.forms) {
      if (form.words.length > 0) {
        const matched = form.words.filter((w) => qWords.has(w));
        const score = matched.length / form.words.length;
        if (matched.length > 0 && (score >= 0.5 || matched.length >= 2) && (!best || score > best.score)) {
          best = { productId: entry.product.id, brandId: entry.brandId, score, matched };
        }
      }
      if (form.cjk && cjkText.length >= 2) {
        const run = commonRun(cjkText, form.cjk);
        const score = run.length / form.cjk.length;
        if (run.length >= 2 && score >= 0.5 && (!best || score > best.score)) {
          best = {
            productId: entry.product.id,
            brandId: entry.brandId,
            score,
            matched: [cjkText.slice(run.at, run.at + run.length)],
          };
        }
      }
    }
    if (best) matches.push(best);
  }
  matches.sort((a, b) => b.score - a.score || b.matched.length - a.matched.length);
  const top = matches[0];
  const products = top
    ? matches.filter((m) => m.score === top.score && m.matched.length === top.matched.length)
    : [];
  for (const m of products) for (const w of m.matched) CJK.test(w) ? maskRuns.push(w) : maskWords.add(w);

  const brandIds: string[] = [];
  for (const b of index.brands) {
    const hit = b.words.filter((w) => qWords.has(w));
    if (hit.length > 0) {
      brandIds.push(b.brandId);
      for (const w of hit) maskWords.add(w);
    }
  }
  for (const m of products) if (!brandIds.includes(m.brandId)) brandIds.push(m.brandId);

  let masked = normalized
    .split(" ")
    .map((w) => (maskWords.has(w) ? (isBrandWord(index, w) ? BRAND_PLACEHOLDER : PRODUCT_PLACEHOLDER) : w))
    .filter((w, i, arr) => !(w === arr[i - 1] && (w === PRODUCT_PLACEHOLDER || w === BRAND_PLACEHOLDER)))
    .join(" ");
  for (const run of maskRuns) masked = masked.replace(run, ` ${PRODUCT_PLACEHOLDER} `);
  return { products, brandIds, masked: masked.replace(/\s+/g, " ").trim() };
}

function isBrandWord(index: EntityIndex, w: string): boolean {
  return index.brands.some((b) => b.words.includes(w));
}
