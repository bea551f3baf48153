/**
 * A guided tour, step by step: the intro, walking to each stop (waiting for followers who lag, and
 * giving up on them after a while), presenting the stop, the outro.
 */
import {
  type HostBrain,
  type HostLineEvent,
  type HostStepInput,
  type HostVisitor,
  lineDuration,
  say,
  TOUR_LAG_RADIUS,
  TOUR_WAIT_GIVE_UP_MS,
  type TourRun,
  walkTo,
} from "./hostBrain.ts";
import type { HostWorld } from "./hostWorld.ts";
import { fillLine } from "./script.ts";

/** One step of a running tour: what its phases read and write. */
type TourStep = {
  brain: HostBrain;
  world: HostWorld;
  input: HostStepInput;
  out: HostLineEvent[];
  run: TourRun;
  /** Followers farther than TOUR_LAG_RADIUS from the host. */
  lagging: HostVisitor[];
};

export function endTour(brain: HostBrain): void {
  brain.tour = null;
  brain.presentingProductId = "";
  brain.target = null;
  brain.mode = "patrol";
}

export function stepTour(
  brain: HostBrain,
  world: HostWorld,
  input: HostStepInput,
  out: HostLineEvent[],
): boolean {
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
    case "walking":
      return walkToStop({ brain, world, input, out, run, lagging });
    case "waiting":
      return waitForLagging({ brain, world, input, out, run, lagging });
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

/** On to the next stop, unless someone lags (then wait) or the stops are done (then the outro). */
function walkToStop(step: TourStep): boolean {
  const { brain, world, input, out, run, lagging } = step;
  const now = input.nowMs;
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

/** Waits for lagging followers, giving up on them (and ending a tour left empty) after a while. */
function waitForLagging(step: TourStep): boolean {
  const { brain, world, input, out, run, lagging } = step;
  const now = input.nowMs;
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
