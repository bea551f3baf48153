/**
 * The host's answers about the catalog: a product's price and description, a boutique's products,
 * where a boutique is (or leading someone there), and the brand's advisor.
 */
import type { LocalizedText } from "../catalog.ts";
import type { AdvisorHandoff } from "../clienteling/queue.ts";
import { LOCALES, type Locale } from "../constants.ts";
import type { AnswerContext } from "./answerContext.ts";
import { ANSWER_LINES, LIST_SEPARATOR, POSITION_WORDS, SIDE_WORDS } from "./answerLines.ts";
import type { HostAnswer } from "./answers.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { HostIntent } from "./intentCorpus.ts";
import { priceToken, timeToken } from "./lineTokens.ts";
import { fillLine } from "./script.ts";

export function priceAnswer(c: AnswerContext): HostAnswer {
  const found = c.input.entities.products.filter((m) => c.products.has(m.productId));
  const only = found[0];
  if (!only) return c.decline();
  if (found.length > 1) {
    const names = found.map((m) => c.products.get(m.productId)?.product.name).filter((n) => n !== undefined);
    for (const m of found) c.facts.productIds.push(m.productId);
    return c.answer(fillLine(ANSWER_LINES.priceAmbiguous, { options: joinNames(names, " / ") }));
  }
  return c.answer(fillLine(ANSWER_LINES.price, c.productVars(only.productId)));
}

export function productInfoAnswer(c: AnswerContext): HostAnswer {
  const only = c.input.entities.products.find((m) => c.products.has(m.productId));
  if (!only) return c.decline();
  const p = c.products.get(only.productId);
  if (!p) return c.decline();
  const vars = { ...c.productVars(only.productId), description: firstSentences(p.product.description) };
  return c.answer(fillLine(ANSWER_LINES.productInfo, vars), { kind: "present", productId: only.productId });
}

export function brandProductsAnswer(c: AnswerContext): HostAnswer {
  const brand = c.brands.get(c.brandOf() ?? "");
  if (!brand || brand.products.length === 0) return c.decline();
  c.facts.brandIds.push(brand.id);
  const list: Record<Locale, string> = { en: "", fr: "", de: "", "zh-CN": "" };
  for (const locale of LOCALES) {
    list[locale] = brand.products
      .slice(0, 6)
      .map((p) => {
        c.facts.productIds.push(p.id);
        return `${p.name[locale] ?? p.name.en} (${priceToken(p.price)})`;
      })
      .join(LIST_SEPARATOR[locale]);
  }
  c.facts.productIds = [...new Set(c.facts.productIds)];
  return c.answer(fillLine(ANSWER_LINES.brandProducts, { brand: brand.name, list }));
}

/** Where a boutique is on the avenue (with an offer to go), or, for `lead`, leading the way. */
export function whereAnswer(c: AnswerContext): HostAnswer {
  const { k } = c;
  const brandId = c.brandOf();
  const brand = brandId ? c.brands.get(brandId) : undefined;
  const boutique = k.layout.boutiques.find((b) => b.brandId === brandId);
  if (!brand || !boutique) return c.decline();
  c.facts.brandIds.push(brand.id);
  if (c.input.intent === HostIntent.lead) {
    return c.answer(fillLine(ANSWER_LINES.lead, { brand: brand.name }), { kind: "lead", brandId: brand.id });
  }
  const rows = Math.ceil(k.layout.boutiques.length / 2);
  const row = Math.floor(boutique.index / 2);
  const position =
    row === 0 ? POSITION_WORDS.north : row === rows - 1 ? POSITION_WORDS.south : POSITION_WORDS.middle;
  return {
    ...c.answer(
      fillLine(ANSWER_LINES.where, { brand: brand.name, side: SIDE_WORDS[boutique.side], position }),
    ),
    offer: { brandId: brand.id },
  };
}

export function advisorAnswer(c: AnswerContext): HostAnswer {
  const brand = c.brands.get(c.brandOf() ?? "");
  if (!brand) return c.answer(fillLine(c.k.script.lines.unknownGeneral), null, false);
  c.facts.brandIds.push(brand.id);
  const handoff = c.k.advisorHandoff?.brandId === brand.id ? c.k.advisorHandoff : null;
  return {
    ...c.answer(advisorLine(brand.name, handoff)),
    offer: { brandId: brand.id },
    ...(handoff ? { handoff } : {}),
  };
}

/**
 * "Take me to an advisor": the live queue's wait when an advisor of the maison is online, else its
 * next free slots (times as tokens, shown in the reader's language and zone), else the plain offer.
 */
function advisorLine(brand: string, handoff: AdvisorHandoff | null): LocalizedLine {
  if (handoff && handoff.advisorsOnline > 0 && handoff.estimatedWaitMinutes !== null) {
    return fillLine(ANSWER_LINES.advisorLive, { brand, wait: String(handoff.estimatedWaitMinutes) });
  }
  if (handoff && handoff.nextSlots.length > 0) {
    const times = handoff.nextSlots.map((at) => timeToken(Date.parse(at)));
    const slots = Object.fromEntries(LOCALES.map((l) => [l, times.join(LIST_SEPARATOR[l])])) as LocalizedText;
    return fillLine(ANSWER_LINES.advisorSlots, { brand, slots });
  }
  return fillLine(ANSWER_LINES.advisorBrand, { brand });
}

function joinNames(names: LocalizedText[], separator: string): Record<Locale, string> {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = names.map((n) => n[locale] ?? n.en).join(separator);
  return out;
}

/** The first sentence of a description in each locale (the bubble stays short). */
function firstSentences(text: LocalizedText): Record<Locale, string> & { en: string } {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const full = text[locale] ?? text.en;
    const m = /^.*?[.!?。！？](\s|$)/u.exec(full);
    out[locale] = (m ? m[0] : full).trim();
  }
  return out;
}
