/**
 * What people ask of the host between steps: an answer said now, following a tour (or leaving it),
 * a product presented, being led to a boutique. Each only records the request on the brain; the
 * next `stepHost` carries it out.
 */
import type { LocalizedLine } from "./chatMessages.ts";
import { GREET_MS, type HostBrain, type HostLineEvent, type HostVisitor, say } from "./hostBrain.ts";
import { HostAnim } from "./hostState.ts";
import { endTour } from "./hostTour.ts";
import type { HostWorld } from "./hostWorld.ts";

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
