/** Where arrivals stand, so that they do not stack on one spot. A room picks one of these. */
import type { Vec2, WalkableLayout } from "../../../shared/walking/layout.ts";
import { isWalkable, resolveCollisions } from "../../../shared/walking/movement.ts";

/** Where the `index`-th person in the room appears, and facing where (default: the layout's heading). */
export type SpawnRule = (layout: WalkableLayout, index: number) => Vec2 & { heading?: number };

const GOLDEN_ANGLE = 2.399963;

/** Fanned out around the layout's spawn point on a golden-angle spiral (the default). */
export const fanOutSpawn: SpawnRule = (layout, index) => {
  const angle = index * GOLDEN_ANGLE;
  const radius = 0.9 * Math.sqrt(index % 40);
  const p = {
    x: layout.spawn.x + Math.cos(angle) * radius,
    z: layout.spawn.z + Math.sin(angle) * radius,
  };
  return isWalkable(layout, p.x, p.z) ? p : { x: layout.spawn.x, z: layout.spawn.z };
};

/** Side by side across an entrance (alternating sides, a row further in every two), for small rooms. */
export const besideEntranceSpawn: SpawnRule = (layout, index) => {
  const s = layout.spawn;
  const side = index % 2 === 0 ? 1 : -1;
  const row = Math.floor(index / 2);
  const p = { x: side * (Math.abs(s.x) + row * 1.0), z: s.z + Math.min(1, row * 0.15) };
  resolveCollisions(p, layout);
  return p;
};

/**
 * At the given seats in arrival order, each facing `facing` (a table's centre, say); whoever comes
 * after the last seat stands beside the entrance. For rooms where the few people inside have places.
 */
export function seatsSpawn(seats: readonly Vec2[], facing: Vec2): SpawnRule {
  return (layout, index) => {
    const seat = seats[index];
    if (!seat) return besideEntranceSpawn(layout, index);
    return { x: seat.x, z: seat.z, heading: Math.atan2(facing.x - seat.x, facing.z - seat.z) };
  };
}
