/**
 * The synchronised avatar every walkable room holds in a `avatars` map (keyed by session id).
 * Defined once here; the server mutates it and the client decodes it with the same class.
 *
 * The pose goes on the wire quantized (issue 16: bytes per client): positions as int16 steps of
 * 1/64 m (±512 m, finer than a pixel at any distance the camera shows), the heading as one byte of
 * 256 steps (1.4°). The server simulates at full precision (the walker's own pose) and writes the
 * synced fields through `writePose`, which assigns only what changed after rounding, so an avatar
 * that did not move by a step costs nothing. Readers decode with `readPose`, never the raw fields.
 *
 * Two copies of the pose: `qx/qz/qh` (tag near) for avatars close to a viewer, refreshed every
 * patch, and `fx/fz/fh` (tag far) for the rest, refreshed at the interest policy's slower rate
 * (server/rooms/kernel/interest.ts). A view holds each avatar with one of the two tags, so a client
 * decodes one copy; the other is undefined (removing a tag deletes its fields on the client), which
 * is how `readPose` knows which one to read.

 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import type { Pose } from "./movement.ts";

export const AvatarAnim = { idle: 0, walk: 1 } as const;
export type AvatarAnim = (typeof AvatarAnim)[keyof typeof AvatarAnim];

/** StateView tags of the two pose copies (bit flags, as @colyseus/schema wants). */
export const PoseTag = { near: 1, far: 2 } as const;

export const AvatarState = schema(
  {
    name: t.string(),
    /** "guest", "shopper", "staff" or "admin": decides the name tag's accent. */
    kind: t.string(),
    /** Index into the client's palette of outfits. */
    look: t.uint8(),
    /** Near pose, every patch: x, z in POSITION_STEP units, heading in HEADING_STEPS. */
    qx: t.int16().view(PoseTag.near),
    qz: t.int16().view(PoseTag.near),
    qh: t.uint8().view(PoseTag.near),
    /** Far pose, at the interest policy's slower rate; same units. */
    fx: t.int16().view(PoseTag.far),
    fz: t.int16().view(PoseTag.far),
    fh: t.uint8().view(PoseTag.far),
    anim: t.uint8(),
    /** False while the owner's connection is lost and the server waits for it to come back. */
    connected: t.boolean().default(true),
  },
  "AvatarState",
);
export type AvatarState = SchemaType<typeof AvatarState>;
type Avatar = InstanceType<typeof AvatarState>;

/** Metres per int16 position step: a power of two, so steps are exact in binary. */
export const POSITION_STEP = 1 / 64;
export const HEADING_STEPS = 256;
const TAU = Math.PI * 2;
const INT16_MIN = -32768;
const INT16_MAX = 32767;

/** Metres → int16 steps (clamped to the int16 range, ±512 m). */
export function quantizePosition(metres: number): number {
  return Math.min(INT16_MAX, Math.max(INT16_MIN, Math.round(metres / POSITION_STEP)));
}

export function positionOf(steps: number): number {
  return steps * POSITION_STEP;
}

/** Radians (any range) → 0 … HEADING_STEPS - 1. */
export function quantizeHeading(radians: number): number {
  const steps = Math.round((radians / TAU) * HEADING_STEPS) % HEADING_STEPS;
  return steps < 0 ? steps + HEADING_STEPS : steps;
}

/** Steps → radians in [0, 2π); the renderer and `lerpAngle` take any range. */
export function headingOf(steps: number): number {
  return (steps / HEADING_STEPS) * TAU;
}

/** Writes `pose` into the synced fields, assigning only fields whose quantized value changed. */
export function writePose(avatar: Avatar, pose: Pose): void {
  const x = quantizePosition(pose.x);
  const z = quantizePosition(pose.z);
  const h = quantizeHeading(pose.heading);
  if (avatar.qx !== x) avatar.qx = x;
  if (avatar.qz !== z) avatar.qz = z;
  if (avatar.qh !== h) avatar.qh = h;
}

/** Copies the near pose into the far copy (the slower tier), assigning only what changed. */
export function publishFarPose(avatar: Avatar): void {
  if (avatar.fx !== avatar.qx) avatar.fx = avatar.qx;
  if (avatar.fz !== avatar.qz) avatar.fz = avatar.qz;
  if (avatar.fh !== avatar.qh) avatar.fh = avatar.qh;
}

/** Which copy a decoded avatar carries: near when its near fields arrived, else far. */
export function poseTier(avatar: Avatar): "near" | "far" {
  return avatar.qx === undefined || avatar.qx === null ? "far" : "near";
}

/** The decoded pose in metres and radians (on the server: what was last synced, not the simulation's pose). */
export function readPose<T extends Pose>(avatar: Avatar, out: T): T {
  const near = poseTier(avatar) === "near";
  out.x = positionOf((near ? avatar.qx : avatar.fx) ?? 0);
  out.z = positionOf((near ? avatar.qz : avatar.fz) ?? 0);
  out.heading = headingOf((near ? avatar.qh : avatar.fh) ?? 0);
  return out;
}

/** `readPose` into a fresh object. */
export function poseOf(avatar: Avatar): Pose {
  return readPose(avatar, { x: 0, z: 0, heading: 0 });
}
