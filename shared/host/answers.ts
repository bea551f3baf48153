/**
 * What the host answers, composed from what Vitrine knows: the catalog (products, prices through
 * price tokens, boutiques and where the layout puts them), the drop schedule, the script's events,
 * opening hours and FAQ. Pure: the classification and the knowledge are parameters. It never names
 * a product or a price the catalog does not hold; when it does not know, it says so and offers the
 * brand's advisor.
 */
import type { AvenueLayout } from "../avenue/layout.ts";
import type { Catalog } from "../catalog.ts";
import type { AdvisorHandoff } from "../clienteling/queue.ts";
import type { Locale } from "../constants.ts";
import { type AnswerContext, answerContext } from "./answerContext.ts";
import { ANSWER_LINES } from "./answerLines.ts";
import {
  advisorAnswer,
  brandProductsAnswer,
  priceAnswer,
  productInfoAnswer,
  whereAnswer,
} from "./catalogAnswers.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import type { DropFact } from "./dropFacts.ts";
import type { Entities } from "./entities.ts";
import { HostIntent } from "./intentCorpus.ts";
import { eventsAnswer, nextDropAnswer } from "./scheduleAnswers.ts";
import { type FaqEntry, fillLine, type HostScript } from "./script.ts";

export type HostKnowledge = {
  nowMs: number;
  catalog: Catalog;
  layout: AvenueLayout;
  drops: readonly DropFact[];
  script: HostScript;
  /** FAQ entries by intent (`faq:platform:<id>`, `faq:<brandId>:<id>`). */
  faq: ReadonlyMap<string, FaqEntry>;
  toursAvailable: boolean;
  /** What the asked-about maison can offer now (live queue or next slots), when the question is for an advisor. */
  advisorHandoff?: AdvisorHandoff | null;
};

export type HostAction =
  | { kind: "tour" }
  | { kind: "present"; productId: string }
  | { kind: "lead"; brandId: string };

export type HostAnswer = {
  intent: string | null;
  /** The line in every locale; `locale` says which one the asker reads. */
  line: LocalizedLine;
  locale: Locale;
  /** True when the host said it does not know. */
  declined: boolean;
  action: HostAction | null;
  /** What the answer refers to, for tests and logs. */
  facts: { productIds: string[]; dropIds: string[]; brandIds: string[]; faqId?: string };
  /** The line offers to take the asker to this brand's boutique (a "yes" accepts). */
  offer?: { brandId: string };
  /** The advisor hand-off the line offers (the live queue's wait, or the next free slots). */
  handoff?: AdvisorHandoff;
};

export type AnswerInput = {
  intent: string | null;
  locale: Locale;
  entities: Entities;
  askerName: string;
};

/** "yes" in the served languages: accepts the host's offer to take someone somewhere. */
const AFFIRMATIVE =
  /^(yes|yes please|yeah|sure|ok|okay|please|please do|oui|oui merci|volontiers|d accord|avec plaisir|ja|ja bitte|gerne|gern|好|好的|可以|是的|麻烦你了)$/u;

/** True when a reply accepts an offer ("yes please", "oui", "gerne", "好的"). */
export function isAffirmative(normalized: string): boolean {
  return AFFIRMATIVE.test(normalized.trim());
}

/** The FAQ intent name of an entry. */
export function faqIntent(scope: string, id: string): string {
  return `faq:${scope}:${id}`;
}

/** One answerer per intent the host understands; an intent without one is declined. */
const ANSWERERS: Partial<Record<string, (c: AnswerContext) => HostAnswer>> = {
  [HostIntent.price]: priceAnswer,
  [HostIntent.productInfo]: productInfoAnswer,
  [HostIntent.brandProducts]: brandProductsAnswer,
  [HostIntent.where]: whereAnswer,
  [HostIntent.lead]: whereAnswer,
  [HostIntent.nextDrop]: nextDropAnswer,
  [HostIntent.events]: eventsAnswer,
  [HostIntent.hours]: (c) => c.answer(fillLine(c.k.script.schedule.openingHours)),
  [HostIntent.tour]: (c) =>
    c.k.toursAvailable
      ? c.answer(fillLine(ANSWER_LINES.tour), { kind: "tour" })
      : c.answer(fillLine(ANSWER_LINES.noTour)),
  [HostIntent.advisor]: advisorAnswer,
  [HostIntent.who]: (c) =>
    c.answer(fillLine(ANSWER_LINES.who, { name: c.k.script.host.name, bio: c.k.script.host.biography })),
  [HostIntent.greeting]: (c) => c.answer(fillLine(ANSWER_LINES.greeting, { asker: c.input.askerName })),
  [HostIntent.thanks]: (c) => c.answer(fillLine(ANSWER_LINES.thanks, { asker: c.input.askerName })),
};

/** The host's answer to a classified question: an FAQ entry, an intent's answerer, or a decline. */
export function composeAnswer(input: AnswerInput, k: HostKnowledge): HostAnswer {
  const c = answerContext(input, k);
  const intent = input.intent;
  if (intent === null) return c.decline();
  if (intent.startsWith("faq:")) {
    const entry = k.faq.get(intent);
    if (!entry) return c.decline();
    return { ...c.answer(fillLine(entry.answer)), facts: { ...c.facts, faqId: intent } };
  }
  const answerer = Object.hasOwn(ANSWERERS, intent) ? ANSWERERS[intent] : undefined;
  return answerer ? answerer(c) : c.decline();
}
