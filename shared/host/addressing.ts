/**
 * When does a chat line speak to the host? The host must not answer every line on the avenue, so:
 *
 * 1. a line that names it — "@host", "@Céleste", or its name as a word ("Céleste, where is …") —
 *    from anywhere in the shard;
 * 2. a question (ending in "?" or "？") said on the nearby channel within HOST_HEARING_RADIUS metres
 *    of the host (people standing with it and asking aloud);
 * 3. a tour request ("follow me", "suivez-moi", "Führung", "带我参观") within that radius.
 *
 * Anything else is conversation between shoppers and the host stays out of it.
 */
import { normalizeText } from "./entities.ts";

/** Metres within which the host hears an unaddressed question. */
export const HOST_HEARING_RADIUS = 8;

const TOUR_REQUEST = /^(follow me|suivez moi|folgen sie mir|fuhrung|fuehrung|tour please|带我参观|跟我走)\b/u;

export type AddressCheck = { addressed: boolean; question: string };

/**
 * Decides whether `text` is addressed to the host, and returns the question with the address
 * removed ("@host when is the next drop?" → "when is the next drop?").
 */
export function addressedToHost(
  text: string,
  hostName: string,
  channel: "nearby" | "shard",
  distanceToHost: number,
): AddressCheck {
  const trimmed = text.trim();
  const name = normalizeText(hostName);
  const mention = new RegExp(`^\\s*@(host|${escapeRegExp(hostName)})\\b[\\s,:;!.-]*`, "iu");
  if (mention.test(trimmed)) return { addressed: true, question: trimmed.replace(mention, "").trim() };
  const anywhere = /(^|\s)@host\b/iu;
  if (anywhere.test(trimmed)) return { addressed: true, question: trimmed.replace(anywhere, " ").trim() };
  const words = normalizeText(trimmed).split(" ");
  if (name.length > 0 && words.includes(name)) {
    const leading = new RegExp(`^\\s*${escapeRegExp(hostName)}[\\s,:;!.-]*`, "iu");
    return { addressed: true, question: trimmed.replace(leading, "").trim() || trimmed };
  }
  const near = distanceToHost <= HOST_HEARING_RADIUS;
  if (near && channel === "nearby" && /[?？]\s*$/u.test(trimmed))
    return { addressed: true, question: trimmed };
  if (near && TOUR_REQUEST.test(normalizeText(trimmed) || trimmed))
    return { addressed: true, question: trimmed };
  return { addressed: false, question: trimmed };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
