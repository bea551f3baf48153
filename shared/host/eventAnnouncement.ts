/**
 * The host's announcement of a live event on the avenue: which one she announces (the first live
 * event of a maison whose boutique is on the avenue, by id for a stable choice), and her line.
 * Pure, read by the host's step (hostSim.ts).
 */
import type { LocalizedText } from "../catalog.ts";
import type { LiveEventFact } from "./hostBrain.ts";

/** How often she repeats the announcement of the same live event. */
export const EVENT_ANNOUNCE_EVERY_MS = 4 * 60_000;

/** Her line; {title} and {brand} are filled in per language. */
export const ANNOUNCE_EVENT_LINE: LocalizedText = {
  en: "{brand} is live on stage now: “{title}”. Follow the light at their boutique to join the show.",
  fr: "{brand} est en direct sur scène : « {title} ». Suivez la lumière devant la boutique pour rejoindre le show.",
  de: "{brand} ist jetzt live auf der Bühne: „{title}“. Folgen Sie dem Licht an der Boutique zur Show.",
  "zh-CN": "{brand} 正在舞台直播：“{title}”。跟随精品店前的光束加入直播。",
};

/** The live event she announces now, or null. */
export function eventToAnnounce(
  events: readonly LiveEventFact[],
  hasBoutique: (brandId: string) => boolean,
): LiveEventFact | null {
  const shown = events.filter((e) => hasBoutique(e.brandId));
  return [...shown].sort((a, b) => a.eventId.localeCompare(b.eventId))[0] ?? null;
}
