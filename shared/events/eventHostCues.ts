/**
 * The moments the host speaks at on an event's stage ("cues"), each with its instant, the window
 * in which it may still be said, its line and the stage actions it brings. Built from the event,
 * its script and the stage as it stands; pure and deterministic (same input, same cues).
 */
import type { LocalizedText, Money } from "../catalog.ts";
import type { LocalizedLine } from "../host/chatMessages.ts";
import { HostAnim, type HostMode } from "../host/hostState.ts";
import { countdownToken, priceToken, timeToken } from "../host/lineTokens.ts";
import { fillLine, type LineVars } from "../host/script.ts";
import { EVENT_HOST_WORDS } from "./eventHostWords.ts";
import type { EventHostScript } from "./eventSchedule.ts";

/** What the host knows of the event (instants in epoch ms). */
export type EventHostEvent = {
  hostName: string;
  title: LocalizedText;
  brandName: string | null;
  doorsOpenAt: number;
  startsAt: number;
  endsAt: number;
  /** `present`: no staff presenter, she runs the show from her script; `cohost`: she accompanies staff. */
  role: "present" | "cohost";
  /** The first staff presenter's name (cohost). */
  presenterName: string | null;
  script: EventHostScript | null;
  products: ReadonlyMap<string, { name: LocalizedText; price: Money }>;
  drop: {
    id: string;
    mode: "fcfs" | "raffle";
    productId: string;
    productName: LocalizedText;
    publicStartsAt: number;
  } | null;
};

/** The part of the stage the host looks at. */
export type EventHostStage = { pinned: readonly string[]; dropCountdownEndsAt: number | null };

export type CueKind =
  | "welcome"
  | "opening"
  | "segment"
  | "reminder"
  | "dropSoon"
  | "countdown"
  | "dropMoments"
  | "reveal"
  | "closing";

export type Cue = {
  key: string;
  kind: CueKind;
  at: number;
  /** Past this instant the cue is skipped unsaid (its stage actions still apply). */
  until: number;
  line: LocalizedLine;
  /** Products to put on stage and to pin, in this order. */
  show: { productId: string; variant: string | null } | null;
  pin: string | null;
  startCountdown: boolean;
};

/** Timed cues may be said this late; reminders and segments, no later. */
export const EVENT_HOST_LATE_MS = 60_000;
export const EVENT_HOST_DROP_REMINDERS_MS = [10 * 60_000, 2 * 60_000] as const;
export const EVENT_HOST_DROP_MOMENTS_MS = 10_000;
export const EVENT_HOST_CLOSING_LEAD_MS = 60_000;
export const EVENT_HOST_REVEAL_WINDOW_MS = 5 * 60_000;

/** When several cues share an instant, the first of this list speaks first. */
const PRIORITY: readonly CueKind[] = [
  "closing",
  "reveal",
  "dropMoments",
  "countdown",
  "opening",
  "segment",
  "dropSoon",
  "reminder",
  "welcome",
];
/** Cues said on time even over a line still showing (after a short hold). */
export const URGENT: ReadonlySet<CueKind> = new Set([
  "opening",
  "segment",
  "countdown",
  "dropMoments",
  "reveal",
  "closing",
]);
export const HEADLINES: ReadonlySet<CueKind> = new Set(["reveal", "closing"]);

export const CUE_ANIM: Record<CueKind, { anim: HostAnim; mode: HostMode }> = {
  welcome: { anim: HostAnim.wave, mode: "greet" },
  opening: { anim: HostAnim.wave, mode: "present" },
  segment: { anim: HostAnim.present, mode: "present" },
  reminder: { anim: HostAnim.point, mode: "announce" },
  dropSoon: { anim: HostAnim.point, mode: "announce" },
  countdown: { anim: HostAnim.point, mode: "announce" },
  dropMoments: { anim: HostAnim.point, mode: "announce" },
  reveal: { anim: HostAnim.present, mode: "present" },
  closing: { anim: HostAnim.wave, mode: "greet" },
};

function varsFor(e: EventHostEvent, extra: LineVars = {}): LineVars {
  const staff = e.presenterName ?? e.hostName;
  return { title: e.title, host: e.hostName, presenter: staff, brand: e.brandName ?? e.hostName, ...extra };
}

function cue(
  kind: CueKind,
  key: string,
  at: number,
  until: number,
  line: LocalizedLine,
  more: Partial<Cue> = {},
): Cue {
  return {
    key,
    kind,
    at,
    until: Math.max(until, at + 1),
    line,
    show: null,
    pin: null,
    startCountdown: false,
    ...more,
  };
}

/** The cues of the event's drop: reminders, the countdown, the last moments and the reveal. */
function dropCues(e: EventHostEvent, stage: EventHostStage): Cue[] {
  const drop = e.drop;
  if (!drop || drop.publicStartsAt < e.doorsOpenAt || drop.publicStartsAt >= e.endsAt) return [];
  const opensAt = drop.publicStartsAt;
  const vars = varsFor(e, {
    product: drop.productName,
    when: countdownToken(opensAt),
    at: timeToken(opensAt),
  });
  const cues: Cue[] = [];
  for (const lead of EVENT_HOST_DROP_REMINDERS_MS) {
    const at = opensAt - lead;
    if (at >= e.doorsOpenAt)
      cues.push(
        cue(
          "dropSoon",
          `dropSoon:${lead}`,
          at,
          at + EVENT_HOST_LATE_MS,
          fillLine(EVENT_HOST_WORDS.dropSoon, vars),
        ),
      );
  }
  const scriptCue = e.script?.dropCountdownAtSeconds;
  const countdownLine = fillLine(EVENT_HOST_WORDS.countdown, vars);
  const momentsAt = opensAt - EVENT_HOST_DROP_MOMENTS_MS;
  if (e.role === "present" && scriptCue !== undefined) {
    const at = e.startsAt + scriptCue * 1000;
    if (at < opensAt)
      cues.push(cue("countdown", "countdown", at, momentsAt, countdownLine, { startCountdown: true }));
  } else if (stage.dropCountdownEndsAt !== null) {
    // A presenter started it from the console: she says so once, whenever it shows.
    cues.push(cue("countdown", "countdown", e.doorsOpenAt, momentsAt, countdownLine));
  }
  cues.push(
    cue("dropMoments", "dropMoments", momentsAt, opensAt, fillLine(EVENT_HOST_WORDS.dropMoments, vars)),
  );
  const presentsDrop = e.role === "present" && e.products.has(drop.productId);
  cues.push(
    cue(
      "reveal",
      "reveal",
      opensAt,
      Math.min(e.endsAt, opensAt + EVENT_HOST_REVEAL_WINDOW_MS),
      fillLine(drop.mode === "raffle" ? EVENT_HOST_WORDS.revealDraw : EVENT_HOST_WORDS.reveal, vars),
      {
        show: presentsDrop ? { productId: drop.productId, variant: null } : null,
        pin: presentsDrop ? drop.productId : null,
      },
    ),
  );
  return cues;
}

/** The product segments of her script (when she presents). */
function segmentCues(e: EventHostEvent): Cue[] {
  const segments = e.role === "present" ? (e.script?.segments ?? []) : [];
  return segments.flatMap((segment, i) => {
    const product = e.products.get(segment.productId);
    if (!product) return [];
    const at = e.startsAt + segment.atSeconds * 1000;
    const nextAt = segments[i + 1] ? e.startsAt + (segments[i + 1]?.atSeconds ?? 0) * 1000 : Infinity;
    const line = fillLine(
      segment.line,
      varsFor(e, { product: product.name, price: priceToken(product.price) }),
    );
    return [
      cue("segment", `segment:${i}`, at, Math.min(at + EVENT_HOST_LATE_MS, nextAt, e.endsAt), line, {
        show: { productId: segment.productId, variant: segment.variant ?? null },
        pin: segment.pin ? segment.productId : null,
      }),
    ];
  });
}

/** Every cue of the event, in the order they are due. */
export function buildEventHostCues(e: EventHostEvent, stage: EventHostStage): Cue[] {
  const starts = { when: countdownToken(e.startsAt), at: timeToken(e.startsAt) };
  const script = e.script;
  const welcome =
    script?.welcome ??
    (e.role === "present" ? EVENT_HOST_WORDS.welcomePresent : EVENT_HOST_WORDS.welcomeCohost);
  const opening = e.role === "present" ? EVENT_HOST_WORDS.openingPresent : EVENT_HOST_WORDS.openingCohost;
  const closingAt = Math.max(e.startsAt, e.endsAt - EVENT_HOST_CLOSING_LEAD_MS);
  const cues: Cue[] = [
    cue(
      "welcome",
      "welcome",
      e.doorsOpenAt,
      Math.max(e.startsAt, e.doorsOpenAt + EVENT_HOST_LATE_MS),
      fillLine(welcome, varsFor(e, starts)),
    ),
    cue("opening", "opening", e.startsAt, e.startsAt + EVENT_HOST_LATE_MS, fillLine(opening, varsFor(e))),
    ...segmentCues(e),
    ...(script?.reminders ?? []).map((r, i) => {
      const at = e.startsAt + r.atSeconds * 1000;
      return cue("reminder", `reminder:${i}`, at, at + EVENT_HOST_LATE_MS, fillLine(r.line, varsFor(e)));
    }),
    ...dropCues(e, stage),
    cue(
      "closing",
      "closing",
      closingAt,
      e.endsAt,
      fillLine(script?.closing ?? EVENT_HOST_WORDS.closing, varsFor(e)),
    ),
  ];
  return cues.sort((a, b) => a.at - b.at || PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind));
}
