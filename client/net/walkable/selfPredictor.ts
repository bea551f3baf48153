/**
 * Client-side prediction of the local avatar: the same `stepAvatar` the room runs on its fixed
 * step, applied at once to what the person asks for, then reconciled with the server's pose (the
 * authority). No DOM, no three: it runs in Node against a real room in the kernel's test.
 */
import { AvatarAnim } from "../../../shared/walking/avatarState.ts";
import type { WalkableLayout } from "../../../shared/walking/layout.ts";
import type { Pose } from "../../../shared/walking/movement.ts";
import { stepAvatar, type WalkControl } from "../../../shared/walking/step.ts";

/** Longest single prediction step; longer frames (a slow machine) are split into several. */
const PREDICTION_STEP_SECONDS = 1 / 30;
/** Beyond this distance the predicted self snaps to the server's position instead of easing. */
const SNAP_DISTANCE = 2.5;

export class SelfPredictor {
  private self: Pose | null = null;

  /** The predicted pose, or null before the first `advance`. */
  get pose(): Readonly<Pose> | null {
    return this.self;
  }

  /**
   * Advances the prediction by `dt` seconds under `input`, then reconciles it with `server`: far
   * off (a collision we mispredicted, a reconnection) snaps; standing still eases onto it.
   */
  advance(server: Pose, input: WalkControl, dt: number, layout: WalkableLayout): Readonly<Pose> {
    if (!this.self) this.self = { x: server.x, z: server.z, heading: server.heading };
    const self = this.self;
    // Sub-step long frames so prediction keeps pace with the server's clock.
    const steps = Math.max(1, Math.ceil(dt / PREDICTION_STEP_SECONDS));
    let moving = false;
    for (let i = 0; i < steps; i++) {
      const next = stepAvatar(self, input, dt / steps, layout);
      if (next.anim !== AvatarAnim.walk) break;
      moving = true;
      self.x = next.x;
      self.z = next.z;
      self.heading = next.heading;
    }
    const error = Math.hypot(server.x - self.x, server.z - self.z);
    if (error > SNAP_DISTANCE) {
      self.x = server.x;
      self.z = server.z;
    } else if (!moving && error > 0.01) {
      const k = 1 - Math.exp(-Math.min(dt, 0.5) * 6);
      self.x += (server.x - self.x) * k;
      self.z += (server.z - self.z) * k;
    }
    return self;
  }
}
