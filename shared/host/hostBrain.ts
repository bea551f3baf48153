/**
 * The host's state (`HostBrain`: plain data, owned by one room), its tuning constants, and the
 * moves every behaviour of the host shares: saying a line, walking to a spot, facing something.
 * Deterministic, like all of the host's simulation (see hostSim.ts).
 */
import type { Vec2 } from "../avenue/layout.ts";
import type { LocalizedText } from "../catalog.ts";
import { directionTowards, stepPose } from "../walking/movement.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { HostAnim, type HostMode } from "./hostState.ts";
import type { HostWorld, ResolvedTour, Spot } from "./hostWorld.ts";

/** Avatars nearer than this (metres) get greeted. */
export const GREET_RADIUS = 6;
/** A visitor is greeted at most once per this interval. */
export const GREET_INTERVAL_MS = 10 * 60_000;
/** Minimum gap between two lines the host says on its own. */
export const MIN_LINE_GAP_MS = 6000;
/** How often, at most, the host remarks something on patrol when people are around. */
export const PATROL_LINE_EVERY_MS = 90_000;
/** Radius within which someone must be for a patrol remark. */
export const PATROL_AUDIENCE_RADIUS = 12;
/** A follower farther than this from the host is lagging: the host stops and waits. */
export const TOUR_LAG_RADIUS = 10;
/** The host waits at most this long for lagging followers, then goes on without them. */
export const TOUR_WAIT_GIVE_UP_MS = 25_000;
/** Seconds the host shows a product it was asked to present. */
export const PRESENT_MS = 12_000;
/** How long the host points at something before presenting it, or after leading people there. */
export const POINT_MS = 2000;
/** How long a wave lasts when greeting. */
export const GREET_MS = 2500;
/** The host walks a little slower than shoppers so that followers keep up. */
export const HOST_SPEED_FACTOR = 0.75;
/** Walking without getting nearer for this long counts as arrived (blocked by a prop). */
const STUCK_MS = 2500;

export type HostVisitor = {
  /** The avatar's session id (tour followers, addressing). */
  id: string;
  name: string;
  x: number;
  z: number;
  /** Who the person is across visits (their user id), for greeting once per interval; else `id`. */
  person?: string;
};

export type UpcomingDrop = {
  dropId: string;
  brandId: string;
  /** Per language: the host says it in each reader's language. */
  title: LocalizedText;
  /** Epoch ms of the drop's next opening (early access or public). */
  opensAt: number;
};

/** A live event of a maison with a boutique on the avenue, as the host announces it. */
export type LiveEventFact = {
  eventId: string;
  brandId: string;
  title: LocalizedText;
};

export type HostStepInput = {
  nowMs: number;
  /** Seconds since the last step. */
  dt: number;
  /** Avatars in the room (not the host). */
  visitors: readonly HostVisitor[];
  /** Upcoming drop openings, any order. */
  drops: readonly UpcomingDrop[];
  /** Open events live now (none when absent). */
  liveEvents?: readonly LiveEventFact[];
  /** From the script's schedule. */
  announceLeadMs: number;
  announceEveryMs: number;
};

export type HostLineKind = "greet" | "patrol" | "tour" | "present" | "announce" | "answer";

/** A line the room must broadcast as a chat line. */
export type HostLineEvent = {
  kind: HostLineKind;
  line: LocalizedLine;
  channel: "nearby" | "shard";
  /** The visitor it is addressed to (a greeting, an answer), if any. */
  to?: string;
};

export type TourRun = {
  tour: ResolvedTour;
  stop: number;
  phase: "intro" | "walking" | "waiting" | "presenting" | "outro";
  until: number;
  waitStartedAt: number;
  followers: Set<string>;
  introSaid: boolean;
};

export type Errand = {
  kind: "present" | "lead";
  mode: HostMode;
  spot: Spot;
  productId: string | null;
  line: LocalizedLine | null;
  phase: "walking" | "pointing" | "presenting";
  until: number;
};

/** The host's whole server-side state. Plain data, owned by one room. */
export type HostBrain = {
  x: number;
  z: number;
  heading: number;
  anim: HostAnim;
  mode: HostMode;
  lookAt: Vec2;
  target: Vec2 | null;
  bestDistance: number;
  stuckMs: number;
  patrolIndex: number;
  dwellUntil: number;
  lineId: number;
  line: LocalizedLine | null;
  lineKind: HostLineKind | null;
  lineUntil: number;
  lastLineAt: number;
  lastPatrolLineAt: number;
  gesture: { anim: HostAnim; until: number } | null;
  greeted: Map<string, number>;
  greetUntil: number;
  tour: TourRun | null;
  tourCounter: number;
  errand: Errand | null;
  presentingProductId: string;
  announceDropId: string;
  announceAt: number;
  lastAnnounceAt: Map<string, number>;
};

/** A new host standing at the first point of interest. */
export function createHostBrain(world: HostWorld): HostBrain {
  const start = world.pois[0] ?? { x: world.layout.spawn.x, z: world.layout.spawn.z };
  return {
    x: start.x,
    z: start.z,
    heading: 0,
    anim: HostAnim.idle,
    mode: "patrol",
    lookAt: { x: start.x, z: start.z },
    target: null,
    bestDistance: Number.POSITIVE_INFINITY,
    stuckMs: 0,
    patrolIndex: 0,
    dwellUntil: 0,
    lineId: 0,
    line: null,
    lineKind: null,
    lineUntil: 0,
    lastLineAt: Number.NEGATIVE_INFINITY,
    lastPatrolLineAt: Number.NEGATIVE_INFINITY,
    gesture: null,
    greeted: new Map(),
    greetUntil: 0,
    tour: null,
    tourCounter: 0,
    errand: null,
    presentingProductId: "",
    announceDropId: "",
    announceAt: 0,
    lastAnnounceAt: new Map(),
  };
}

/** How long a line stays up: long enough to read it. */
export function lineDuration(line: LocalizedLine): number {
  return Math.min(14_000, 3500 + 55 * line.en.length);
}

/** Says a line now (the caller decided it is due). Returns the event for the room. */
export function say(
  brain: HostBrain,
  nowMs: number,
  kind: HostLineKind,
  line: LocalizedLine,
  channel: "nearby" | "shard" = "nearby",
  to?: string,
): HostLineEvent {
  brain.lineId += 1;
  brain.line = line;
  brain.lineKind = kind;
  brain.lineUntil = nowMs + lineDuration(line);
  brain.lastLineAt = nowMs;
  return to === undefined ? { kind, line, channel } : { kind, line, channel, to };
}

/** A line of its own waits for the gap, and never cuts off a line people are still reading. */
export function gapAllows(brain: HostBrain, nowMs: number): boolean {
  return nowMs - brain.lastLineAt >= MIN_LINE_GAP_MS && nowMs >= brain.lineUntil;
}

export function faceTowards(brain: HostBrain, p: Vec2): void {
  const dx = p.x - brain.x;
  const dz = p.z - brain.z;
  if (Math.hypot(dx, dz) > 0.05) brain.heading = Math.atan2(dx, dz);
}

/** Walks towards `target`; true once arrived (or blocked for a while). Sets `moved`. */
export function walkTo(
  brain: HostBrain,
  world: HostWorld,
  target: Vec2,
  dt: number,
): { arrived: boolean; moved: boolean } {
  if (!brain.target || brain.target.x !== target.x || brain.target.z !== target.z) {
    brain.target = { x: target.x, z: target.z };
    brain.bestDistance = Number.POSITIVE_INFINITY;
    brain.stuckMs = 0;
  }
  const dir = directionTowards(brain, target);
  if (!dir) {
    brain.target = null;
    return { arrived: true, moved: false };
  }
  const next = stepPose(brain, dir.x * HOST_SPEED_FACTOR, dir.z * HOST_SPEED_FACTOR, dt, world.layout);
  brain.x = next.x;
  brain.z = next.z;
  brain.heading = next.heading;
  const distance = Math.hypot(target.x - brain.x, target.z - brain.z);
  if (distance < brain.bestDistance - 0.01) {
    brain.bestDistance = distance;
    brain.stuckMs = 0;
  } else {
    brain.stuckMs += dt * 1000;
    if (brain.stuckMs >= STUCK_MS) {
      brain.target = null;
      return { arrived: true, moved: false };
    }
  }
  return { arrived: false, moved: true };
}
