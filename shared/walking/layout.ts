/**
 * What any room people walk in must say about its floor, so that one set of movement rules (and one
 * server kernel, and one client predictor) serves them all: the avenue's layout and the vitrine's
 * both satisfy `WalkableLayout`, and so will a salon's or an event shard's.
 *
 * Frame: x and z on the ground, y up. Heading h means facing (sin h, cos h) in (x, z), which is
 * three.js' rotation.y.
 */

export type Vec2 = { x: number; z: number };
export type RectCollider = { kind: "rect"; minX: number; maxX: number; minZ: number; maxZ: number };
export type CircleCollider = { kind: "circle"; x: number; z: number; radius: number };
export type Collider = RectCollider | CircleCollider;

/** A rectangle on the ground. */
export type GroundRect = { minX: number; maxX: number; minZ: number; maxZ: number };

export type WalkableLayout = {
  /** Walkable rectangle (avatars' centres stay inside, less their radius). */
  bounds: GroundRect;
  /** Obstacles avatars are pushed out of (facades, props, pedestals…). */
  colliders: readonly Collider[];
  /** Where people arrive, facing `heading`. */
  spawn: Vec2 & { heading: number };
};
