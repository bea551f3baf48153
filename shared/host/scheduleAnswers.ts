/**
 * The host's answers about time: the next drop (or the one open now), the next event, the opening
 * hours.
 */
import type { AnswerContext } from "./answerContext.ts";
import { ANSWER_LINES } from "./answerLines.ts";
import type { HostAnswer } from "./answers.ts";
import { type DropFact, nextOpening } from "./dropFacts.ts";
import { countdownToken, timeToken } from "./lineTokens.ts";
import { fillLine, type LineVars } from "./script.ts";

/** The next drop opening (the one the question names, else the soonest), or the one open now. */
export function nextDropAnswer(c: AnswerContext): HostAnswer {
  const { k, facts, answer, brands } = c;
  const { entities } = c.input;
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

/** The next event (the named brand's first), with its time and description. */
export function eventsAnswer(c: AnswerContext): HostAnswer {
  const { k } = c;
  const brandId = c.brandOf();
  const upcoming = k.script.schedule.events
    .filter((e) => Date.parse(e.endsAt ?? e.startsAt) > k.nowMs)
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const event = upcoming.find((e) => brandId !== undefined && e.brandId === brandId) ?? upcoming[0];
  if (!event) return c.answer(fillLine(ANSWER_LINES.noEvent));
  if (event.brandId) c.facts.brandIds.push(event.brandId);
  return c.answer(
    fillLine(ANSWER_LINES.event, {
      title: event.title,
      when: timeToken(Date.parse(event.startsAt)),
      description: event.description ?? "",
    }),
  );
}
