/**
 * The host (Céleste) on an event's stage: a pure fixed step that, from the event, the stage and
 * what she already said, decides her line, animation and mode, and the stage actions she takes.
 * The stage room calls it on its own clock and applies her actions through the stage reducer as a
 * presenter; tests call it with any instant. Nothing here reads the time.
 *
 * Presenting (no staff presenter): she walks her script's product order (each product goes on stage
 * and is pinned at its time, with its line), starts the drop's countdown at its cue and reveals the
 * drop. Co-hosting: she welcomes at doors open, hands over at the start, reminds of the drop before
 * it opens, notes a countdown a presenter started, and reveals the drop. Both: the script's
 * reminders and a farewell a minute before the end.
 *
 * Each cue is said at most once. Urgent cues (the opening, segments, the countdown, the reveal, the
 * farewell) are said on time, after a short hold of the line showing; the others wait for it to be
 * read. A cue whose window passed (a stage opened late) is skipped unsaid, but its stage actions
 * still apply, so a late stage shows what the script has on it by then.
 */
import type { LocalizedLine } from "../host/chatMessages.ts";
import { HostAnim, type HostMode } from "../host/hostState.ts";
import {
  buildEventHostCues,
  CUE_ANIM,
  type Cue,
  type CueKind,
  type EventHostEvent,
  type EventHostStage,
  HEADLINES,
  URGENT,
} from "./eventHostCues.ts";
import { STAGE_MAX_PINS, type StageAction } from "./stage.ts";

export type { EventHostEvent, EventHostStage } from "./eventHostCues.ts";

/** How long an urgent cue lets the showing line stay before it replaces it; headlines longer. */
export const EVENT_HOST_HOLD_MS = 3000;
export const EVENT_HOST_HEADLINE_HOLD_MS = 8000;
export const EVENT_HOST_HEADLINE_MS = 20_000;

/** What the host said and is doing (the previous step's answer). */
export type EventHostMemory = {
  /** Keys of the cues said or skipped. */
  spent: readonly string[];
  cue: CueKind | null;
  lineId: number;
  line: LocalizedLine | null;
  lineUntil: number;
  /** An urgent cue may replace the line from then on. */
  holdUntil: number;
  lastLineAt: number;
  anim: HostAnim;
  mode: HostMode;
};

export type EventHostStep = { memory: EventHostMemory; actions: StageAction[] };

export function createEventHostMemory(): EventHostMemory {
  return {
    spent: [],
    cue: null,
    lineId: 0,
    line: null,
    lineUntil: 0,
    holdUntil: Number.NEGATIVE_INFINITY,
    lastLineAt: Number.NEGATIVE_INFINITY,
    anim: HostAnim.idle,
    mode: "announce",
  };
}

/** How long a line stays up: long enough to read it; headlines longer. */
export function eventLineDuration(kind: CueKind, line: LocalizedLine): number {
  const read = Math.min(14_000, 3500 + 55 * line.en.length);
  return HEADLINES.has(kind) ? Math.max(EVENT_HOST_HEADLINE_MS, read) : read;
}

/** The stage actions of a cue, given the pins as they stand (the oldest pin gives way to a new one). */
function cueActions(cue: Cue, pinned: string[]): StageAction[] {
  const actions: StageAction[] = [];
  if (cue.show)
    actions.push({ type: "show_product", productId: cue.show.productId, variant: cue.show.variant });
  if (cue.pin && !pinned.includes(cue.pin)) {
    if (pinned.length >= STAGE_MAX_PINS) {
      const oldest = pinned.shift();
      if (oldest) actions.push({ type: "unpin", productId: oldest });
    }
    pinned.push(cue.pin);
    actions.push({ type: "pin", productId: cue.pin });
  }
  if (cue.startCountdown) actions.push({ type: "start_drop_countdown" });
  return actions;
}

/** Cues depend on the event and on whether a countdown shows; a room steps one event many times. */
const cueCache = new WeakMap<EventHostEvent, { countdownEndsAt: number | null; cues: Cue[] }>();

function cuesOf(event: EventHostEvent, stage: EventHostStage): Cue[] {
  const cached = cueCache.get(event);
  if (cached && cached.countdownEndsAt === stage.dropCountdownEndsAt) return cached.cues;
  const cues = buildEventHostCues(event, stage);
  cueCache.set(event, { countdownEndsAt: stage.dropCountdownEndsAt, cues });
  return cues;
}

/**
 * One step at `nowMs`: the next memory (a new object; `prev` is left as it was) and the stage
 * actions to apply now. A new line has a new `lineId`.
 */
export function stepEventHost(
  prev: EventHostMemory,
  event: EventHostEvent,
  stage: EventHostStage,
  nowMs: number,
): EventHostStep {
  const cues = cuesOf(event, stage);
  const spent = new Set(prev.spent);
  const pinned = [...stage.pinned];
  const actions: StageAction[] = [];
  for (const c of cues) {
    if (spent.has(c.key) || nowMs < c.until) continue;
    spent.add(c.key);
    actions.push(...cueActions(c, pinned));
  }
  const due = cues.find((c) => !spent.has(c.key) && c.at <= nowMs);
  const canSpeak = due !== undefined && nowMs >= (URGENT.has(due.kind) ? prev.holdUntil : prev.lineUntil);
  if (due && canSpeak) {
    spent.add(due.key);
    actions.push(...cueActions(due, pinned));
    const hold = HEADLINES.has(due.kind) ? EVENT_HOST_HEADLINE_HOLD_MS : EVENT_HOST_HOLD_MS;
    const memory: EventHostMemory = {
      spent: [...spent],
      cue: due.kind,
      lineId: prev.lineId + 1,
      line: due.line,
      lineUntil: nowMs + eventLineDuration(due.kind, due.line),
      holdUntil: nowMs + hold,
      lastLineAt: nowMs,
      ...CUE_ANIM[due.kind],
    };
    return { memory, actions };
  }
  const showing = nowMs < prev.lineUntil && prev.cue !== null;
  const look =
    showing && prev.cue ? CUE_ANIM[prev.cue] : { anim: HostAnim.idle, mode: idleMode(event, nowMs) };
  const spentChanged = spent.size !== prev.spent.length;
  if (!spentChanged && look.anim === prev.anim && look.mode === prev.mode) return { memory: prev, actions };
  const kept = spentChanged ? [...spent] : prev.spent;
  return { memory: { ...prev, spent: kept, ...look }, actions };
}

function idleMode(event: EventHostEvent, nowMs: number): HostMode {
  if (nowMs >= event.startsAt && nowMs < event.endsAt)
    return event.role === "present" ? "present" : "announce";
  return "greet";
}
