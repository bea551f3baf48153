/**
 * Avatar movement rules. MUST stay deterministic and pure: the server runs them as the authority
 * and the client runs the same code to predict its own avatar. Everything they read lives on the
 * pose, the direction or the layout.
 */
import { ARRIVE_DISTANCE, AVATAR_RADIUS, WALK_SPEED } from "../constants.ts";
import type { Collider, Vec2, WalkableLayout } from "./layout.ts";

export type Pose = { x: number; z: number; heading: number };

/** Longest step one call may take (seconds): a long frame cannot be used to teleport. */
export const MAX_STEP_SECONDS = 0.25;

/** Clamps an input direction to length ≤ 1; non-finite inputs become no movement. */
export function clampDirection(dirX: number, dirZ: number): Vec2 {
  if (!Number.isFinite(dirX) || !Number.isFinite(dirZ)) return { x: 0, z: 0 };
  const len = Math.hypot(dirX, dirZ);
  if (len <= 1) return { x: dirX, z: dirZ };
  return { x: dirX / len, z: dirZ / len };
}

/** Direction that walks from `from` towards `target`, or null once it has arrived. */
export function directionTowards(from: Vec2, target: Vec2): Vec2 | null {
  const dx = target.x - from.x;
  const dz = target.z - from.z;
  const dist = Math.hypot(dx, dz);
  if (dist <= ARRIVE_DISTANCE) return null;
  // Slow down on the last step so the avatar does not overshoot and jitter around the target.
  const scale = Math.min(1, dist / (WALK_SPEED * 0.1)) / dist;
  return { x: dx * scale, z: dz * scale };
}

/**
 * Advances a pose by one step of `dt` seconds along `dir` (length ≤ 1, clamped here anyway),
 * then resolves collisions with the layout's colliders and walls.
 */
export function stepPose(pose: Pose, dirX: number, dirZ: number, dt: number, layout: WalkableLayout): Pose {
  const dir = clampDirection(dirX, dirZ);
  const moving = dir.x !== 0 || dir.z !== 0;
  const step = Math.max(0, Math.min(dt, MAX_STEP_SECONDS)) * WALK_SPEED;
  const next = { x: pose.x + dir.x * step, z: pose.z + dir.z * step };
  resolveCollisions(next, layout);
  const heading = moving ? Math.atan2(dir.x, dir.z) : pose.heading;
  return { x: next.x, z: next.z, heading };
}

/** Pushes a point (an avatar's centre) out of every collider and back inside the bounds. */
export function resolveCollisions(p: Vec2, layout: WalkableLayout): void {
  for (const c of layout.colliders) pushOut(p, c);
  const b = layout.bounds;
  p.x = Math.min(b.maxX - AVATAR_RADIUS, Math.max(b.minX + AVATAR_RADIUS, p.x));
  p.z = Math.min(b.maxZ - AVATAR_RADIUS, Math.max(b.minZ + AVATAR_RADIUS, p.z));
}

function pushOut(p: Vec2, c: Collider): void {
  if (c.kind === "circle") {
    const dx = p.x - c.x;
    const dz = p.z - c.z;
    const min = c.radius + AVATAR_RADIUS;
    const d = Math.hypot(dx, dz);
    if (d >= min) return;
    if (d === 0) {
      p.x = c.x + min;
      return;
    }
    p.x = c.x + (dx / d) * min;
    p.z = c.z + (dz / d) * min;
    return;
  }
  const nx = Math.max(c.minX, Math.min(p.x, c.maxX));
  const nz = Math.max(c.minZ, Math.min(p.z, c.maxZ));
  const dx = p.x - nx;
  const dz = p.z - nz;
  const d = Math.hypot(dx, dz);
  if (d >= AVATAR_RADIUS) return;
  if (d > 0) {
    p.x = nx + (dx / d) * AVATAR_RADIUS;
    p.z = nz + (dz / d) * AVATAR_RADIUS;
    return;
  }
  // Centre inside the box: leave by the nearest side.
  const exits = [
    { d: p.x - c.minX, x: c.minX - AVATAR_RADIUS, z: p.z },
    { d: c.maxX - p.x, x: c.maxX + AVATAR_RADIUS, z: p.z },
    { d: p.z - c.minZ, x: p.x, z: c.minZ - AVATAR_RADIUS },
    { d: c.maxZ - p.z, x: p.x, z: c.maxZ + AVATAR_RADIUS },
  ].sort((a, b) => a.d - b.d);
  const best = exits[0];
  if (best) {
    p.x = best.x;
    p.z = best.z;
  }
}

/** True when an avatar could stand at (x, z): inside the bounds and clear of every collider. */
export function isWalkable(layout: WalkableLayout, x: number, z: number): boolean {
  if (!Number.isFinite(x) || !Number.isFinite(z)) return false;
  const b = layout.bounds;
  if (x < b.minX + AVATAR_RADIUS || x > b.maxX - AVATAR_RADIUS) return false;
  if (z < b.minZ + AVATAR_RADIUS || z > b.maxZ - AVATAR_RADIUS) return false;
  const p = { x, z };
  resolveCollisions(p, layout);
  return Math.abs(p.x - x) < 1e-9 && Math.abs(p.z - z) < 1e-9;
}
