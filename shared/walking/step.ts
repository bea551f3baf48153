/**
 * One step of one avatar: the single function every walkable room's fixed step and the client's
 * prediction run. MUST stay deterministic and pure: everything it reads lives on the pose, the
 * control, `dt` or the layout.
 */
import { AvatarAnim } from "./avatarState.ts";
import type { Vec2, WalkableLayout } from "./layout.ts";
import { directionTowards, type Pose, stepPose } from "./movement.ts";

/** What the avatar's owner asked for: a direction (keys) or a point to walk to (a click). */
export type WalkControl = {
  /** World direction, length ≤ 1 (clamped anyway); 0, 0 stands. Ignored while `target` is set. */
  dirX: number;
  dirZ: number;
  target: Vec2 | null;
};

export type AvatarPose = Pose & { anim: AvatarAnim };

const STAND: Vec2 = { x: 0, z: 0 };

/** The direction `control` asks for at `pose` (0, 0 once a target is reached). */
export function desiredDirection(pose: Vec2, control: WalkControl): Vec2 {
  if (control.target) return directionTowards(pose, control.target) ?? STAND;
  return { x: control.dirX, z: control.dirZ };
}

/** True once the avatar stands on its click target (the control may then forget it). */
export function targetReached(pose: Vec2, control: WalkControl): boolean {
  return control.target !== null && directionTowards(pose, control.target) === null;
}

/**
 * Advances an avatar by `dt` seconds under the movement rules (speed clamp, colliders and walls of
 * `layout`, arrival at a target without overshoot) and says whether it walks.
 */
export function stepAvatar(pose: Pose, control: WalkControl, dt: number, layout: WalkableLayout): AvatarPose {
  const dir = desiredDirection(pose, control);
  if (dir.x === 0 && dir.z === 0)
    return { x: pose.x, z: pose.z, heading: pose.heading, anim: AvatarAnim.idle };
  const next = stepPose(pose, dir.x, dir.z, dt, layout);
  return { x: next.x, z: next.z, heading: next.heading, anim: AvatarAnim.walk };
}
