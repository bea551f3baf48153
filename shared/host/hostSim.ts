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
import type { LocalizedText } from "../catalog.ts";
import { ANNOUNCE_EVENT_LINE, EVENT_ANNOUNCE_EVERY_MS, eventToAnnounce } from "./eventAnnouncement.ts";
import {
  faceTowards,
  GREET_INTERVAL_MS,
  GREET_MS,
  GREET_RADIUS,
  gapAllows,
  type HostBrain,
  type HostLineEvent,
  type HostStepInput,
  type HostVisitor,
  PATROL_AUDIENCE_RADIUS,
  PATROL_LINE_EVERY_MS,
  POINT_MS,
  PRESENT_MS,
  say,
  type UpcomingDrop,
  walkTo,
} from "./hostBrain.ts";
import { HostAnim } from "./hostState.ts";
import { stepTour } from "./hostTour.ts";
import type { HostWorld } from "./hostWorld.ts";
import { countdownToken, timeToken } from "./lineTokens.ts";
import { fillLine } from "./script.ts";

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
  announceLiveEvent(brain, world, input, out);

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

/**
 * A live event of a maison on the avenue: she says so now and then, and leads people to its
 * boutique, where its beacon stands. A tour or an errand (a drop's announcement leading people)
 * goes first; the two announcements take turns, each at its own pace.
 */
function announceLiveEvent(
  brain: HostBrain,
  world: HostWorld,
  input: HostStepInput,
  out: HostLineEvent[],
): void {
  const now = input.nowMs;
  if (brain.tour || brain.errand) return;
  const event = eventToAnnounce(input.liveEvents ?? [], (brandId) => world.boutiques.has(brandId));
  if (!event) return;
  const key = `event:${event.eventId}`;
  const last = brain.lastAnnounceAt.get(key);
  if (last !== undefined && now - last < EVENT_ANNOUNCE_EVERY_MS) return;
  if (!gapAllows(brain, now)) return;
  brain.lastAnnounceAt.set(key, now);
  const boutique = world.boutiques.get(event.brandId);
  const line = fillLine(ANNOUNCE_EVENT_LINE, {
    title: event.title,
    brand: boutique?.brandName ?? event.brandId,
  });
  out.push(say(brain, now, "announce", line, "shard"));
  if (boutique)
    brain.errand = {
      kind: "lead",
      mode: "announce",
      spot: boutique,
      productId: null,
      line: null,
      phase: "walking",
      until: now,
    };
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
