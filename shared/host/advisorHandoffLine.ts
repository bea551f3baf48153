/**
 * The host's line for "take me to an advisor" (issue 12): the live queue's wait when an advisor of
 * the maison is online, else its next free slots (times as tokens, shown in the reader's language
 * and zone), else the plain offer to go to the maison's advisor.
 */
import type { LocalizedText } from "../catalog.ts";
import type { AdvisorHandoff } from "../clienteling/queue.ts";
import { LOCALES } from "../constants.ts";
import { ANSWER_LINES, LIST_SEPARATOR } from "./answerLines.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { timeToken } from "./lineTokens.ts";
import { fillLine } from "./script.ts";

export function advisorHandoffLine(brand: string, handoff: AdvisorHandoff | null): LocalizedLine {
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
