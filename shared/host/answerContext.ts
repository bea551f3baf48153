/**
 * What every answer of the host is composed with: the catalog indexed by id, the facts the answer
 * refers to (collected as it is composed), and the few ways of answering (a line, a decline with the
 * brand's advisor on offer, a product's line variables). Built once per question by `composeAnswer`.
 */
import type { Product } from "../catalog.ts";
import type { AnswerInput, HostAction, HostAnswer, HostKnowledge } from "./answers.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { priceToken } from "./lineTokens.ts";
import { fillLine, type LineVars } from "./script.ts";

export type AnswerContext = {
  input: AnswerInput;
  k: HostKnowledge;
  /** What the answer refers to; the answerers add to it as they go. */
  facts: HostAnswer["facts"];
  brands: ReadonlyMap<string, HostKnowledge["catalog"]["brands"][number]>;
  products: ReadonlyMap<string, { product: Product; brandName: string; brandId: string }>;
  /** The answer saying `line` (the asker's locale and intent, the facts so far). */
  answer: (line: LocalizedLine, action?: HostAction | null, declined?: boolean) => HostAnswer;
  /** "I do not know": with the named brand's advisor on offer, or the general line. */
  decline: () => HostAnswer;
  /** A product's name, brand and price token for a line; records it in the facts. */
  productVars: (id: string) => LineVars;
  /** The first brand the question names that the catalog holds. */
  brandOf: () => string | undefined;
};

export function answerContext(input: AnswerInput, k: HostKnowledge): AnswerContext {
  const { entities } = input;
  const facts = { productIds: [] as string[], dropIds: [] as string[], brandIds: [] as string[] };
  const brands = new Map(k.catalog.brands.map((b) => [b.id, b]));
  const products = new Map<string, { product: Product; brandName: string; brandId: string }>();
  for (const b of k.catalog.brands)
    for (const p of b.products) products.set(p.id, { product: p, brandName: b.name, brandId: b.id });

  const answer = (line: LocalizedLine, action: HostAction | null = null, declined = false): HostAnswer => ({
    intent: input.intent,
    line,
    locale: input.locale,
    declined,
    action,
    facts,
  });
  const decline = (): HostAnswer => {
    const brandId = entities.brandIds[0];
    const brand = brandId ? brands.get(brandId) : undefined;
    if (brand) facts.brandIds.push(brand.id);
    if (!brand) return answer(fillLine(k.script.lines.unknownGeneral, {}), null, true);
    return {
      ...answer(fillLine(k.script.lines.unknown, { brand: brand.name }), null, true),
      offer: { brandId: brand.id },
    };
  };
  const productVars = (id: string): LineVars => {
    const p = products.get(id);
    if (!p) return {};
    facts.productIds.push(id);
    facts.brandIds.push(p.brandId);
    return { product: p.product.name, brand: p.brandName, price: priceToken(p.product.price) };
  };
  const brandOf = (): string | undefined => entities.brandIds.find((id) => brands.has(id));
  return { input, k, facts, brands, products, answer, decline, productVars, brandOf };
}
