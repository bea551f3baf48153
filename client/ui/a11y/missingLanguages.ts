import { LOCALES, type Locale } from "../../../shared/constants.ts";

/** A field a brand writes per language. */
export type TextField = "name" | "description" | "tagline" | "title";

/** A text a brand writes: which of its fields, and the text in each language it has. */
export type BrandText = { field: TextField; text: Partial<Record<string, string>> };

/** Something a brand wrote (a piece, a drop, an event, a pass programme) and its texts. */
export type WrittenThing = { id: string; texts: readonly BrandText[] };

/**
 * The languages a text is missing (empty or blank counts as missing), in LOCALES order. English is
 * required by the catalog and is the fallback, so a missing language is shown in English meanwhile.
 */
export function missingLanguages(text: BrandText["text"]): Locale[] {
  return LOCALES.filter((l) => !text[l]?.trim());
}

export type TextGap = { field: TextField; missing: Locale[] };

/** For each thing, the fields with missing languages; things with nothing missing are left out. */
export function textsMissing<T extends WrittenThing>(
  things: readonly T[],
): Array<{ thing: T; gaps: TextGap[] }> {
  return things.flatMap((thing) => {
    const gaps = thing.texts.flatMap(({ field, text }) => {
      const missing = missingLanguages(text);
      return missing.length ? [{ field, missing }] : [];
    });
    return gaps.length ? [{ thing, gaps }] : [];
  });
}

/** For each piece, the fields with missing languages; pieces with nothing missing are left out. */
export function piecesMissing<
  P extends { id: string; name: BrandText["text"]; description: BrandText["text"] },
>(products: readonly P[]): Array<{ product: P; gaps: TextGap[] }> {
  return textsMissing(
    products.map((product) => ({
      id: product.id,
      product,
      texts: [
        { field: "name" as const, text: product.name },
        { field: "description" as const, text: product.description },
      ],
    })),
  ).map(({ thing, gaps }) => ({ product: thing.product, gaps }));
}
