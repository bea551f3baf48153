/**
 * The host on a drop's stage: a pure step that, from the drop (its instants, mode, stock) and what
 * the host already said, decides its line, animation and mode. The room calls it on its own clock;
 * tests call it with any instant. Nothing here reads the time.
 *
 * Moments, each said at most once: a welcome when the room opens, "pass holders first" as early
 * access opens, a ten-second line before the public start, the reveal at the public start, stock
 * remarks (half gone, the last pieces), sold out, for raffles the close of entries and the draw, and
 * the close of the drop. Moments follow each other in two tracks (the drop's timeline and its stock):
 * once one is said, the earlier ones of its track are never said late. Timed moments (the countdown,
 * the reveal, sold out, the draw, the close) are said on time; the others wait for a minimum gap
 * after the last line and for the current line to be read.
 *
 * What the host says at each moment, in every locale, is in dropHostLines.ts.
 */
import type { Locale } from "../constants.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { dropHostLine } from "./dropHostLines.ts";
import { HostAnim, type HostMode } from "./hostState.ts";

/**
 * Where the host stands on the drop stage (metres; the pedestal is at the origin, the audience
 * towards +z): behind the pedestal and to its left, turned half towards the audience and half
 * towards the piece (heading as atan2(dx, dz), like the avenue's host).
 */
export const DROP_HOST_STAGE = {
  x: -0.72,
  z: -1.05,
  heading: Math.atan2(0.7, 1),
  lookAtX: 0,
  lookAtZ: 0,
} as const;

/** Lines that are not timed wait at least this long after the previous line. */
export const DROP_HOST_MIN_GAP_MS = 6000;
/** The countdown line is said this long before the public start. */
export const DROP_HOST_COUNTDOWN_MS = 10_000;
/** The reveal and sold-out lines stay up at least this long. */
export const DROP_HOST_HEADLINE_MS = 20_000;

export const DROP_HOST_MOMENTS = [
  "welcome",
  "earlyAccess",
  "countdown",
  "reveal",
  "entriesClosed",
  "drawn",
  "ended",
  "half",
  "lastPieces",
  "soldOut",
] as const;
export type DropHostMoment = (typeof DROP_HOST_MOMENTS)[number];

/** What the host knows of the drop (instants in epoch ms; 0 = none). */
export type DropHostDrop = {
  mode: "fcfs" | "raffle" | string;
  earlyAccessStartsAt: number;
  publicStartsAt: number;
  endsAt: number;
  entriesCloseAt: number;
  stock: number;
  remaining: number;
  soldOutAt: number;
  drawnAt: number;
  /** The product's name by locale; English is the fallback. */
  productName: Partial<Record<Locale, string>> & { en: string };
};

/** What the host said and is doing (the previous step's answer). */
export type DropHostMemory = {
  said: readonly DropHostMoment[];
  moment: DropHostMoment | null;
  lineId: number;
  line: LocalizedLine | null;
  lineUntil: number;
  lastLineAt: number;
  anim: HostAnim;
  mode: HostMode;
};

export function createDropHostMemory(): DropHostMemory {
  return {
    said: [],
    moment: null,
    lineId: 0,
    line: null,
    lineUntil: 0,
    lastLineAt: Number.NEGATIVE_INFINITY,
    anim: HostAnim.idle,
    mode: "announce",
  };
}

const TRACKS: readonly (readonly DropHostMoment[])[] = [
  ["welcome", "earlyAccess", "countdown", "reveal", "entriesClosed", "drawn", "ended"],
  ["half", "lastPieces", "soldOut"],
];
/** When several are due at once, the first of this list is said. */
const PRIORITY: readonly DropHostMoment[] = [
  "soldOut",
  "drawn",
  "ended",
  "reveal",
  "countdown",
  "entriesClosed",
  "lastPieces",
  "half",
  "earlyAccess",
  "welcome",
];
const TIMED = new Set<DropHostMoment>(["countdown", "reveal", "soldOut", "drawn", "ended"]);
const HEADLINES = new Set<DropHostMoment>(["reveal", "soldOut", "drawn"]);

const ANIM: Record<DropHostMoment, HostAnim> = {
  welcome: HostAnim.wave,
  earlyAccess: HostAnim.point,
  countdown: HostAnim.point,
  reveal: HostAnim.present,
  entriesClosed: HostAnim.point,
  drawn: HostAnim.present,
  ended: HostAnim.wave,
  half: HostAnim.point,
  lastPieces: HostAnim.point,
  soldOut: HostAnim.wave,
};
const MODE: Record<DropHostMoment, HostMode> = {
  welcome: "greet",
  earlyAccess: "announce",
  countdown: "announce",
  reveal: "present",
  entriesClosed: "announce",
  drawn: "present",
  ended: "greet",
  half: "announce",
  lastPieces: "announce",
  soldOut: "present",
};

/** Units below which the host speaks of "the last pieces" (at least 1). */
export function lastPiecesThreshold(stock: number): number {
  return Math.max(1, Math.ceil(stock * 0.1));
}

function due(moment: DropHostMoment, d: DropHostDrop, now: number): boolean {
  const fcfs = d.mode !== "raffle";
  const saleOpen = now >= Math.min(d.earlyAccessStartsAt, d.publicStartsAt) && now < d.endsAt;
  const soldOut = fcfs && d.soldOutAt > 0 && now >= d.soldOutAt;
  switch (moment) {
    case "welcome":
      // After that, the reveal (or the close) is the welcome.
      return now < d.publicStartsAt - DROP_HOST_COUNTDOWN_MS;
    case "earlyAccess":
      return (
        d.earlyAccessStartsAt < d.publicStartsAt &&
        now >= d.earlyAccessStartsAt &&
        now < d.publicStartsAt - DROP_HOST_COUNTDOWN_MS &&
        !soldOut
      );
    case "countdown":
      return now >= d.publicStartsAt - DROP_HOST_COUNTDOWN_MS && now < d.publicStartsAt && !soldOut;
    case "reveal":
      return now >= d.publicStartsAt && now < d.endsAt && !soldOut;
    case "entriesClosed":
      return !fcfs && d.entriesCloseAt > 0 && now >= d.entriesCloseAt && d.drawnAt === 0 && now < d.endsAt;
    case "drawn":
      return !fcfs && d.drawnAt > 0 && now >= d.drawnAt;
    case "ended":
      return now >= d.endsAt;
    case "half":
      return (
        fcfs &&
        saleOpen &&
        !soldOut &&
        d.stock > 1 &&
        d.remaining <= d.stock / 2 &&
        d.remaining > lastPiecesThreshold(d.stock)
      );
    case "lastPieces":
      return (
        fcfs &&
        saleOpen &&
        !soldOut &&
        d.remaining > 0 &&
        d.remaining < d.stock &&
        d.remaining <= lastPiecesThreshold(d.stock)
      );
    case "soldOut":
      return soldOut && now < d.endsAt + 60_000;
  }
}

/** How long a line stays up: long enough to read it; headlines longer. */
export function dropLineDuration(moment: DropHostMoment, line: LocalizedLine): number {
  const read = Math.min(14_000, 3500 + 55 * line.en.length);
  return HEADLINES.has(moment) ? Math.max(DROP_HOST_HEADLINE_MS, read) : read;
}

/**
 * One step at `nowMs`: returns the next memory (a new object; `prev` is left as it was). A new line
 * has a new `lineId`; between lines the host keeps the last line's animation while it shows, then idles.
 */
export function stepDropHost(prev: DropHostMemory, drop: DropHostDrop, nowMs: number): DropHostMemory {
  const said = new Set(prev.said);
  const next = PRIORITY.find((m) => !said.has(m) && due(m, drop, nowMs));
  const canSpeak =
    next !== undefined &&
    (TIMED.has(next) || (nowMs - prev.lastLineAt >= DROP_HOST_MIN_GAP_MS && nowMs >= prev.lineUntil));
  if (next !== undefined && canSpeak) {
    // The moment and every earlier moment of its track are spent.
    for (const track of TRACKS) {
      const i = track.indexOf(next);
      if (i >= 0) for (const m of track.slice(0, i + 1)) said.add(m);
    }
    const line = dropHostLine(next, drop);
    return {
      said: DROP_HOST_MOMENTS.filter((m) => said.has(m)),
      moment: next,
      lineId: prev.lineId + 1,
      line,
      lineUntil: nowMs + dropLineDuration(next, line),
      lastLineAt: nowMs,
      anim: ANIM[next],
      mode: MODE[next],
    };
  }
  const showing = nowMs < prev.lineUntil;
  const anim = showing && prev.moment ? ANIM[prev.moment] : HostAnim.idle;
  const mode: HostMode =
    showing && prev.moment ? MODE[prev.moment] : nowMs >= drop.publicStartsAt ? "present" : "announce";
  if (anim === prev.anim && mode === prev.mode) return prev;
  return { ...prev, anim, mode };
}
