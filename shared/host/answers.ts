/**
 * What the host answers, composed from what Vitrine knows: the catalog (products, prices through
 * price tokens, boutiques and where the layout puts them), the drop schedule, the script's events,
 * opening hours and FAQ. Pure: the classification and the knowledge are parameters. It never names
 * a product or a price the catalog does not hold; when it does not know, it says so and offers the
 * brand's advisor.
 */
import type { AvenueLayout } from "../avenue/layout.ts";
import type { Catalog, LocalizedText, Product } from "../catalog.ts";
import type { AdvisorHandoff } from "../clienteling/queue.ts";
import { LOCALES, type Locale } from "../constants.ts";
import { ANSWER_LINES, LIST_SEPARATOR, POSITION_WORDS, SIDE_WORDS } from "./answerLines.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import type { Entities } from "./entities.ts";
import { HostIntent } from "./intentCorpus.ts";
import { countdownToken, priceToken, timeToken } from "./lineTokens.ts";
import { type FaqEntry, fillLine, type HostScript, type LineVars } from "./script.ts";

/** A drop as the host knows it (from the database's schedule). Times in epoch ms. */
export type DropFact = {
  dropId: string;
  title: string;
  brandId: string;
  productId: string;
  earlyAccessStartsAt: number;
  publicStartsAt: number;
  endsAt: number;
};

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

/** The next opening of a drop after `now` (early access, then public), or null. */
export function nextOpening(drop: DropFact, nowMs: number): { at: number; early: boolean } | null {
  if (drop.endsAt <= nowMs) return null;
  if (drop.earlyAccessStartsAt > nowMs && drop.earlyAccessStartsAt < drop.publicStartsAt) {
    return { at: drop.earlyAccessStartsAt, early: true };
  }
  if (drop.publicStartsAt > nowMs) return { at: drop.publicStartsAt, early: false };
  return null;
}

export function composeAnswer(input: AnswerInput, k: HostKnowledge): HostAnswer {
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

  const intent = input.intent;
  if (intent === null) return decline();

  if (intent.startsWith("faq:")) {
    const entry = k.faq.get(intent);
    if (!entry) return decline();
    return { ...answer(fillLine(entry.answer)), facts: { ...facts, faqId: intent } };
  }

  switch (intent) {
    case HostIntent.price: {
      const found = entities.products.filter((m) => products.has(m.productId));
      const only = found[0];
      if (!only) return decline();
      if (found.length > 1) {
        const names = found
          .map((m) => products.get(m.productId)?.product.name)
          .filter((n) => n !== undefined);
        for (const m of found) facts.productIds.push(m.productId);
        return answer(fillLine(ANSWER_LINES.priceAmbiguous, { options: joinNames(names, " / ") }));
      }
      return answer(fillLine(ANSWER_LINES.price, productVars(only.productId)));
    }
    case HostIntent.productInfo: {
      const only = entities.products.find((m) => products.has(m.productId));
      if (!only) return decline();
      const p = products.get(only.productId);
      if (!p) return decline();
      const vars = { ...productVars(only.productId), description: firstSentences(p.product.description) };
      return answer(fillLine(ANSWER_LINES.productInfo, vars), { kind: "present", productId: only.productId });
    }
    case HostIntent.brandProducts: {
      const brand = brands.get(brandOf() ?? "");
      if (!brand || brand.products.length === 0) return decline();
      facts.brandIds.push(brand.id);
      const list: Record<Locale, string> = { en: "", fr: "", de: "", "zh-CN": "" };
      for (const locale of LOCALES) {
        list[locale] = brand.products
          .slice(0, 6)
          .map((p) => {
            facts.productIds.push(p.id);
            return `${p.name[locale] ?? p.name.en} (${priceToken(p.price)})`;
          })
          .join(LIST_SEPARATOR[locale]);
      }
      facts.productIds = [...new Set(facts.productIds)];
      return answer(fillLine(ANSWER_LINES.brandProducts, { brand: brand.name, list }));
    }
    case HostIntent.where:
    case HostIntent.lead: {
      const brandId = brandOf();
      const brand = brandId ? brands.get(brandId) : undefined;
      const boutique = k.layout.boutiques.find((b) => b.brandId === brandId);
      if (!brand || !boutique) return decline();
      facts.brandIds.push(brand.id);
      if (intent === HostIntent.lead) {
        return answer(fillLine(ANSWER_LINES.lead, { brand: brand.name }), {
          kind: "lead",
          brandId: brand.id,
        });
      }
      const rows = Math.ceil(k.layout.boutiques.length / 2);
      const row = Math.floor(boutique.index / 2);
      const position =
        row === 0 ? POSITION_WORDS.north : row === rows - 1 ? POSITION_WORDS.south : POSITION_WORDS.middle;
      return {
        ...answer(
          fillLine(ANSWER_LINES.where, { brand: brand.name, side: SIDE_WORDS[boutique.side], position }),
        ),
        offer: { brandId: brand.id },
      };
    }
    case HostIntent.nextDrop:
      return nextDropAnswer(k, entities, facts, answer, brands);
    case HostIntent.events: {
      const brandId = brandOf();
      const upcoming = k.script.schedule.events
        .filter((e) => Date.parse(e.endsAt ?? e.startsAt) > k.nowMs)
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
      const event = upcoming.find((e) => brandId !== undefined && e.brandId === brandId) ?? upcoming[0];
      if (!event) return answer(fillLine(ANSWER_LINES.noEvent));
      if (event.brandId) facts.brandIds.push(event.brandId);
      return answer(
        fillLine(ANSWER_LINES.event, {
          title: event.title,
          when: timeToken(Date.parse(event.startsAt)),
          description: event.description ?? "",
        }),
      );
    }
    case HostIntent.hours:
      return answer(fillLine(k.script.schedule.openingHours));
    case HostIntent.tour:
      return k.toursAvailable
        ? answer(fillLine(ANSWER_LINES.tour), { kind: "tour" })
        : answer(fillLine(ANSWER_LINES.noTour));
    case HostIntent.advisor: {
      const brand = brands.get(brandOf() ?? "");
      if (!brand) return answer(fillLine(k.script.lines.unknownGeneral), null, false);
      facts.brandIds.push(brand.id);
      const handoff = k.advisorHandoff?.brandId === brand.id ? k.advisorHandoff : null;
      return {
        ...answer(advisorLine(brand.name, handoff)),
        offer: { brandId: brand.id },
        ...(handoff ? { handoff } : {}),
      };
    }
    case HostIntent.who:
      return answer(fillLine(ANSWER_LINES.who, { name: k.script.host.name, bio: k.script.host.biography }));
    case HostIntent.greeting:
      return answer(fillLine(ANSWER_LINES.greeting, { asker: input.askerName }));
    case HostIntent.thanks:
      return answer(fillLine(ANSWER_LINES.thanks, { asker: input.askerName }));
    default:
      return decline();
  }
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

function nextDropAnswer(
  k: HostKnowledge,
  entities: Entities,
  facts: HostAnswer["facts"],
  answer: (line: LocalizedLine) => HostAnswer,
  brands: ReadonlyMap<string, { name: string }>,
): HostAnswer {
  const now = k.nowMs;
  const live = k.drops.filter((d) => d.endsAt > now && brands.has(d.brandId));
  // A question naming a product or a brand asks about its drop.
  const named = live.filter(
    (d) =>
      entities.products.some((p) => p.productId === d.productId) ||
      (entities.products.length === 0 && entities.brandIds.includes(d.brandId)),
  );
  const pool = named.length > 0 ? named : live;
  let best: { drop: DropFact; at: number; early: boolean } | null = null;
  for (const drop of pool) {
    const opening = nextOpening(drop, now);
    if (opening && (!best || opening.at < best.at)) best = { drop, ...opening };
  }
  if (best) {
    const { drop } = best;
    facts.dropIds.push(drop.dropId);
    facts.brandIds.push(drop.brandId);
    const vars: LineVars = {
      drop: drop.title,
      brand: brands.get(drop.brandId)?.name ?? drop.brandId,
      when: timeToken(best.at),
      countdown: countdownToken(best.at),
      publicWhen: timeToken(drop.publicStartsAt),
    };
    return answer(fillLine(best.early ? ANSWER_LINES.dropEarly : ANSWER_LINES.dropNext, vars));
  }
  const open = pool.filter((d) => d.publicStartsAt <= now).sort((a, b) => a.endsAt - b.endsAt)[0];
  if (open) {
    facts.dropIds.push(open.dropId);
    facts.brandIds.push(open.brandId);
    return answer(
      fillLine(ANSWER_LINES.dropOpenNow, {
        drop: open.title,
        brand: brands.get(open.brandId)?.name ?? open.brandId,
        when: timeToken(open.endsAt),
      }),
    );
  }
  return answer(fillLine(ANSWER_LINES.noDrop));
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
