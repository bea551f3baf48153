/**
 * The host's behaviour as a fixed-step simulation. MUST stay deterministic: everything it reads
 * lives on the brain, the world or the step's input (the clock is `input.nowMs`; no Date.now, no
 * Math.random), and it mutates only the brain. The room runs it on its fixed step and copies the
 * brain into HostState; tests run it with a controllable clock.
 *
 * Priorities, highest first: an answer being spoken, a tour, a drop announcement (and leading
 * people to the boutique), a product presentation, greeting, patrol.
 *
 * Lines the host says on its own (greetings, patrol remarks, announcements) keep a global minimum
 * gap of MIN_LINE_GAP_MS between two lines; lines someone asked for (answers, tour lines,
 * presentations) are said when due.
 */
import type { Vec2 } from "../avenue/layout.ts";
import type { LocalizedText } from "../catalog.ts";
import { directionTowards, stepPose } from "../walking/movement.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { HostAnim, type HostMode } from "./hostState.ts";
import type { HostWorld, ResolvedTour, Spot } from "./hostWorld.ts";
import { countdownToken, timeToken } from "./lineTokens.ts";
import { fillLine } from "./script.ts";

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
  title: string;
  /** Epoch ms of the drop's next opening (early access or public). */
  opensAt: number;
};

export type HostStepInput = {
  nowMs: number;
  /** Seconds since the last step. */
  dt: number;
  /** Avatars in the room (not the host). */
  visitors: readonly HostVisitor[];
  /** Upcoming drop openings, any order. */
  drops: readonly UpcomingDrop[];
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

type TourRun = {
  tour: ResolvedTour;
  stop: number;
  phase: "intro" | "walking" | "waiting" | "presenting" | "outro";
  until: number;
  waitStartedAt: number;
  followers: Set<string>;
  introSaid: boolean;
};

type Errand = {
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
function say(
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
function gapAllows(brain: HostBrain, nowMs: number): boolean {
  return nowMs - brain.lastLineAt >= MIN_LINE_GAP_MS && nowMs >= brain.lineUntil;
}

/** The host answers someone (the answer engine decided what). Always said, whatever the gap. */
export function hostAnswer(
  brain: HostBrain,
  nowMs: number,
  line: LocalizedLine,
  asker: HostVisitor | null,
): HostLineEvent {
  if (asker) brain.lookAt = { x: asker.x, z: asker.z };
  if (!brain.tour) brain.mode = "answer";
  return say(brain, nowMs, "answer", line, "nearby", asker?.id);
}

export type TourRequestResult = "started" | "joined" | "no_tour";

/** Someone asks to follow the host: joins the running tour or starts the next one. */
export function requestTour(
  brain: HostBrain,
  world: HostWorld,
  visitorId: string,
  nowMs: number,
): TourRequestResult {
  if (brain.tour) {
    brain.tour.followers.add(visitorId);
    return "joined";
  }
  const tour = world.tours[brain.tourCounter % Math.max(1, world.tours.length)];
  if (!tour) return "no_tour";
  brain.tourCounter += 1;
  brain.errand = null;
  brain.presentingProductId = "";
  brain.tour = {
    tour,
    stop: -1,
    phase: "intro",
    until: nowMs,
    waitStartedAt: 0,
    followers: new Set([visitorId]),
    introSaid: false,
  };
  brain.mode = "tour";
  brain.target = null;
  brain.gesture = { anim: HostAnim.wave, until: nowMs + GREET_MS };
  return "started";
}

/** Someone stops following (or left the room). A tour without followers ends. */
export function leaveTour(brain: HostBrain, visitorId: string): void {
  const tour = brain.tour;
  if (!tour) return;
  tour.followers.delete(visitorId);
  if (tour.followers.size === 0) endTour(brain);
}

/** A visitor left the room: forget them. */
export function forgetVisitor(brain: HostBrain, visitorId: string): void {
  leaveTour(brain, visitorId);
}

/** Tours' followers, for the state. */
export function followerCount(brain: HostBrain): number {
  return brain.tour?.followers.size ?? 0;
}

/**
 * Asks the host to present a product: walk to it, point, open its card for the people around and
 * say its line. Refused (false) during a tour or for a product the world does not know.
 */
export function requestPresent(
  brain: HostBrain,
  world: HostWorld,
  productId: string,
  nowMs: number,
): boolean {
  if (brain.tour) return false;
  const info = world.products.get(productId);
  if (!info) return false;
  brain.errand = {
    kind: "present",
    mode: "present",
    spot: info.spot,
    productId,
    line: info.line,
    phase: "walking",
    until: nowMs,
  };
  brain.presentingProductId = "";
  return true;
}

/** Asks the host to walk to a brand's boutique and point at its door (e.g. "take me to …"). */
export function requestLead(brain: HostBrain, world: HostWorld, brandId: string, nowMs: number): boolean {
  if (brain.tour) return false;
  const spot = world.boutiques.get(brandId);
  if (!spot) return false;
  brain.errand = {
    kind: "lead",
    mode: "patrol",
    spot,
    productId: null,
    line: null,
    phase: "walking",
    until: nowMs,
  };
  brain.presentingProductId = "";
  return true;
}

/** Advances the host by one step. Returns the lines it said. */
export function stepHost(brain: HostBrain, world: HostWorld, input: HostStepInput): HostLineEvent[] {
  const out: HostLineEvent[] = [];
  const now = input.nowMs;
  if (brain.line && now >= brain.lineUntil) {
    brain.line = null;
    brain.lineKind = null;
  }
  if (brain.gesture && now >= brain.gesture.until) brain.gesture = null;

  updateAnnouncement(brain, world, input, out);

  let moved = false;
  if (brain.tour) {
    moved = stepTour(brain, world, input, out);
  } else if (brain.lineKind === "answer") {
    brain.mode = "answer";
  } else if (brain.errand) {
    moved = stepErrand(brain, world, input, out);
  } else if (now < brain.greetUntil) {
    brain.mode = "greet";
  } else {
    moved = stepPatrol(brain, world, input, out);
  }

  if (brain.tour?.phase === "presenting" || brain.errand?.phase === "presenting") {
    brain.anim = HostAnim.present;
  } else if (brain.gesture) {
    brain.anim = brain.gesture.anim;
  } else {
    brain.anim = moved ? HostAnim.walk : HostAnim.idle;
  }
  if (!moved) faceTowards(brain, brain.lookAt);
  if (brain.greeted.size > 2000) pruneGreeted(brain, now);
  return out;
}

function pruneGreeted(brain: HostBrain, nowMs: number): void {
  for (const [id, at] of brain.greeted) if (nowMs - at >= GREET_INTERVAL_MS) brain.greeted.delete(id);
}

function faceTowards(brain: HostBrain, p: Vec2): void {
  const dx = p.x - brain.x;
  const dz = p.z - brain.z;
  if (Math.hypot(dx, dz) > 0.05) brain.heading = Math.atan2(dx, dz);
}

/** Walks towards `target`; true once arrived (or blocked for a while). Sets `moved`. */
function walkTo(
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

function stepPatrol(brain: HostBrain, world: HostWorld, input: HostStepInput, out: HostLineEvent[]): boolean {
  brain.mode = "patrol";
  const now = input.nowMs;
  if (tryGreet(brain, world, input, out)) return false;
  const poi = world.pois[brain.patrolIndex % world.pois.length];
  if (!poi) return false;
  if (brain.dwellUntil > 0) {
    if (now < brain.dwellUntil) {
      tryPatrolLine(brain, world, input, out);
      return false;
    }
    brain.dwellUntil = 0;
    brain.patrolIndex = (brain.patrolIndex + 1) % world.pois.length;
    return false;
  }
  const { arrived, moved } = walkTo(brain, world, poi, input.dt);
  if (arrived) {
    brain.dwellUntil = now + Math.max(1, poi.dwellMs);
    const boutique = poi.brandId ? world.boutiques.get(poi.brandId) : undefined;
    brain.lookAt = boutique ? boutique.lookAt : { x: poi.x, z: poi.z - 1 };
  }
  return moved;
}

function tryGreet(brain: HostBrain, world: HostWorld, input: HostStepInput, out: HostLineEvent[]): boolean {
  const now = input.nowMs;
  if (!gapAllows(brain, now)) return false;
  let best: HostVisitor | null = null;
  let bestD = GREET_RADIUS;
  for (const v of input.visitors) {
    const d = Math.hypot(v.x - brain.x, v.z - brain.z);
    if (d > bestD) continue;
    const last = brain.greeted.get(v.person ?? v.id);
    if (last !== undefined && now - last < GREET_INTERVAL_MS) continue;
    best = v;
    bestD = d;
  }
  if (!best) return false;
  brain.greeted.set(best.person ?? best.id, now);
  const poi = world.pois[brain.patrolIndex % world.pois.length];
  const atBrand = brain.dwellUntil > 0 && poi?.brandId ? world.brandGreetings.get(poi.brandId) : undefined;
  const lines: LocalizedText[] = atBrand ?? world.lines.greetings;
  const template = lines[brain.lineId % lines.length] ?? world.lines.greetings[0];
  if (!template) return false;
  out.push(say(brain, now, "greet", fillLine(template, { name: best.name }), "nearby", best.id));
  brain.greetUntil = now + GREET_MS;
  brain.gesture = { anim: HostAnim.wave, until: now + GREET_MS };
  brain.lookAt = { x: best.x, z: best.z };
  brain.mode = "greet";
  return true;
}

function tryPatrolLine(brain: HostBrain, world: HostWorld, input: HostStepInput, out: HostLineEvent[]): void {
  const now = input.nowMs;
  if (!gapAllows(brain, now) || now - brain.lastPatrolLineAt < PATROL_LINE_EVERY_MS) return;
  const audience = input.visitors.some(
    (v) => Math.hypot(v.x - brain.x, v.z - brain.z) <= PATROL_AUDIENCE_RADIUS,
  );
  if (!audience) return;
  const template = world.lines.patrol[brain.lineId % world.lines.patrol.length];
  if (!template) return;
  brain.lastPatrolLineAt = now;
  out.push(say(brain, now, "patrol", fillLine(template)));
}

function updateAnnouncement(
  brain: HostBrain,
  world: HostWorld,
  input: HostStepInput,
  out: HostLineEvent[],
): void {
  const now = input.nowMs;
  let next: UpcomingDrop | null = null;
  for (const drop of input.drops) {
    if (drop.opensAt <= now || drop.opensAt - now > input.announceLeadMs) continue;
    if (!world.boutiques.has(drop.brandId)) continue;
    if (!next || drop.opensAt < next.opensAt) next = drop;
  }
  brain.announceDropId = next ? next.dropId : "";
  brain.announceAt = next ? next.opensAt : 0;
  if (!next || brain.tour || brain.errand) return;
  const last = brain.lastAnnounceAt.get(`${next.dropId}@${next.opensAt}`);
  if (last !== undefined && now - last < input.announceEveryMs) return;
  if (!gapAllows(brain, now)) return;
  brain.lastAnnounceAt.set(`${next.dropId}@${next.opensAt}`, now);
  const boutique = world.boutiques.get(next.brandId);
  const line = fillLine(world.lines.announceDrop, {
    drop: next.title,
    brand: boutique?.brandName ?? next.brandId,
    when: timeToken(next.opensAt),
    countdown: countdownToken(next.opensAt),
  });
  out.push(say(brain, now, "announce", line, "shard"));
  // Lead people to the boutique.
  if (boutique) {
    brain.errand = {
      kind: "lead",
      mode: "announce",
      spot: boutique,
      productId: null,
      line: null,
      phase: "walking",
      until: now,
    };
  }
  brain.gesture = { anim: HostAnim.wave, until: now + GREET_MS };
}

function stepErrand(brain: HostBrain, world: HostWorld, input: HostStepInput, out: HostLineEvent[]): boolean {
  const errand = brain.errand;
  if (!errand) return false;
  const now = input.nowMs;
  brain.mode = errand.mode;
  if (errand.phase === "walking") {
    const { arrived, moved } = walkTo(brain, world, errand.spot, input.dt);
    if (!arrived) return moved;
    errand.phase = "pointing";
    errand.until = now + POINT_MS;
    brain.lookAt = errand.spot.lookAt;
    brain.gesture = { anim: HostAnim.point, until: errand.until };
    return false;
  }
  if (errand.phase === "pointing") {
    if (now < errand.until) return false;
    if (errand.kind === "present" && errand.productId && errand.line) {
      errand.phase = "presenting";
      errand.until = now + PRESENT_MS;
      brain.presentingProductId = errand.productId;
      out.push(say(brain, now, "present", errand.line));
      return false;
    }
    brain.errand = null;
    return false;
  }
  if (now >= errand.until) {
    brain.errand = null;
    brain.presentingProductId = "";
  }
  return false;
}

function endTour(brain: HostBrain): void {
  brain.tour = null;
  brain.presentingProductId = "";
  brain.target = null;
  brain.mode = "patrol";
}

function stepTour(brain: HostBrain, world: HostWorld, input: HostStepInput, out: HostLineEvent[]): boolean {
  const run = brain.tour;
  if (!run) return false;
  const now = input.nowMs;
  brain.mode = "tour";
  const byId = new Map<string, HostVisitor>();
  for (const v of input.visitors) if (run.followers.has(v.id)) byId.set(v.id, v);
  for (const id of run.followers) if (!byId.has(id)) run.followers.delete(id);
  if (run.followers.size === 0) {
    endTour(brain);
    return false;
  }
  const lagging = [...byId.values()].filter(
    (v) => Math.hypot(v.x - brain.x, v.z - brain.z) > TOUR_LAG_RADIUS,
  );

  switch (run.phase) {
    case "intro": {
      if (!run.introSaid) {
        run.introSaid = true;
        run.until = now + Math.min(5000, lineDuration(run.tour.intro));
        out.push(say(brain, now, "tour", run.tour.intro));
        return false;
      }
      if (now >= run.until) {
        run.phase = "walking";
        run.stop = 0;
      }
      return false;
    }
    case "walking": {
      const stop = run.tour.stops[run.stop];
      if (!stop) {
        run.phase = "outro";
        run.until = now + 4000;
        out.push(say(brain, now, "tour", run.tour.outro));
        return false;
      }
      const laggard = lagging[0];
      if (laggard) {
        run.phase = "waiting";
        run.waitStartedAt = now;
        brain.target = null;
        brain.lookAt = { x: laggard.x, z: laggard.z };
        out.push(
          say(
            brain,
            now,
            "tour",
            fillLine(world.lines.tourWaiting, { name: laggard.name }),
            "nearby",
            laggard.id,
          ),
        );
        return false;
      }
      const { arrived, moved } = walkTo(brain, world, stop, input.dt);
      if (!arrived) return moved;
      run.phase = "presenting";
      run.until = now + stop.presentMs;
      brain.lookAt = stop.lookAt;
      brain.presentingProductId = stop.productId ?? "";
      out.push(say(brain, now, "tour", stop.line));
      return false;
    }
    case "waiting": {
      if (lagging.length === 0) {
        run.phase = "walking";
        return false;
      }
      const first = lagging[0];
      if (first) brain.lookAt = { x: first.x, z: first.z };
      if (now - run.waitStartedAt >= TOUR_WAIT_GIVE_UP_MS) {
        for (const v of lagging) run.followers.delete(v.id);
        out.push(say(brain, now, "tour", fillLine(world.lines.tourGiveUp, { name: first?.name ?? "" })));
        if (run.followers.size === 0) {
          endTour(brain);
          return false;
        }
        run.phase = "walking";
      }
      return false;
    }
    case "presenting": {
      if (now < run.until) return false;
      brain.presentingProductId = "";
      run.stop += 1;
      run.phase = "walking";
      return false;
    }
    case "outro": {
      if (now >= run.until) endTour(brain);
      return false;
    }
  }
}
