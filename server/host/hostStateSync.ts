/**
 * The pure conversions between the host's simulation and the room: the brain copied into the
 * synchronised HostState, and the drop schedule turned into the openings the host may announce.
 */
import type { LocalizedLine } from "../../shared/host/chatMessages.ts";
import { type DropFact, nextOpening } from "../../shared/host/dropFacts.ts";
import type { HostBrain, UpcomingDrop } from "../../shared/host/hostBrain.ts";
import { followerCount } from "../../shared/host/hostRequests.ts";
import type { HostState } from "../../shared/host/hostState.ts";

/** Copies the brain into the synchronised state (only what changed, so patches stay small). */
export function syncHostState(s: HostState, brain: HostBrain): void {
  if (s.x !== brain.x) s.x = brain.x;
  if (s.z !== brain.z) s.z = brain.z;
  if (s.heading !== brain.heading) s.heading = brain.heading;
  if (s.anim !== brain.anim) s.anim = brain.anim;
  if (s.mode !== brain.mode) s.mode = brain.mode;
  if (s.lineId !== brain.lineId) {
    s.lineId = brain.lineId;
    const line: LocalizedLine | null = brain.line;
    s.line.clear();
    if (line) for (const [locale, text] of Object.entries(line)) s.line.set(locale, text);
    s.lineUntil = brain.lineUntil;
  }
  if (s.presentingProductId !== brain.presentingProductId) s.presentingProductId = brain.presentingProductId;
  const tourId = brain.tour?.tour.id ?? "";
  if (s.tourId !== tourId) s.tourId = tourId;
  const stop = brain.tour ? Math.max(-1, Math.min(127, brain.tour.stop)) : -1;
  if (s.tourStop !== stop) s.tourStop = stop;
  const followers = Math.min(255, followerCount(brain));
  if (s.followers !== followers) s.followers = followers;
  if (s.lookAtX !== brain.lookAt.x) s.lookAtX = brain.lookAt.x;
  if (s.lookAtZ !== brain.lookAt.z) s.lookAtZ = brain.lookAt.z;
  if (s.announceDropId !== brain.announceDropId) s.announceDropId = brain.announceDropId;
  if (s.announceAt !== brain.announceAt) s.announceAt = brain.announceAt;
}

/** The next opening of each drop after `nowMs` (drops with none left are not announced). */
export function upcomingOpenings(drops: DropFact[], nowMs: number): UpcomingDrop[] {
  const out: UpcomingDrop[] = [];
  for (const d of drops) {
    const opening = nextOpening(d, nowMs);
    if (opening) out.push({ dropId: d.dropId, brandId: d.brandId, title: d.title, opensAt: opening.at });
  }
  return out;
}
