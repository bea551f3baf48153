import { Euler, type InstancedMesh, Matrix4, Quaternion, Vector3 } from "three";
import { HIP, SHOULDER } from "./avatarGeometry.ts";

export type AvatarMeshes = {
  coat: InstancedMesh;
  head: InstancedMesh;
  hair: InstancedMesh;
  /** Two instances per avatar (left at 2i, right at 2i + 1), likewise arms. */
  legs: InstancedMesh;
  arms: InstancedMesh;
  shadow: InstancedMesh;
};

/** Per-avatar animation state kept between frames. */
export type AvatarMotion = { phase: number; walk: number };

/** Walk cycle in radians per second (about 1.8 strides a second, matching WALK_SPEED). */
const STRIDE_RATE = 11.5;

const base = new Matrix4();
const part = new Matrix4();
const out = new Matrix4();
const pos = new Vector3();
const scale = new Vector3();
const one = new Vector3(1, 1, 1);
const zero = new Vector3();
const quat = new Quaternion();
const still = new Quaternion();
const euler = new Euler(0, 0, 0, "YXZ");
const limb = new Euler(0, 0, 0, "ZXY");

/**
 * Writes avatar `i`'s body parts into the instanced meshes for time `t`: a walk cycle (leg and arm
 * swing, bob, slight forward lean) blended by `motion.walk` with an idle (breathing, sway).
 */
export function poseAvatar(
  m: AvatarMeshes,
  i: number,
  x: number,
  y: number,
  z: number,
  heading: number,
  motion: AvatarMotion,
  t: number,
  /** Reduced motion: the legs still walk, but no bob, breathing or sway moves the body. */
  calm = false,
): void {
  const w = motion.walk;
  const idle = calm ? 0 : 1 - w;
  const cycle = t * STRIDE_RATE + motion.phase;
  const swing = Math.sin(cycle) * 0.5 * w;
  const bob = calm ? 0 : (1 - Math.cos(2 * cycle)) * 0.016 * w;
  const breath = Math.sin(t * 1.7 + motion.phase) * 0.014 * idle;
  const sway = Math.sin(t * 0.6 + motion.phase) * 0.018 * idle;

  euler.set(0.06 * w, heading, sway);
  quat.setFromEuler(euler);
  base.compose(pos.set(x, y + bob, z), quat, one);

  part.compose(zero, still, scale.set(1 + breath, 1, 1 + breath));
  m.coat.setMatrixAt(i, out.multiplyMatrices(base, part));
  m.head.setMatrixAt(i, base);
  m.hair.setMatrixAt(i, base);

  for (let s = 0; s < 2; s++) {
    const side = s === 0 ? -1 : 1;
    part.makeRotationX(side * swing);
    part.setPosition(side * HIP.x, HIP.y, 0);
    m.legs.setMatrixAt(2 * i + s, out.multiplyMatrices(base, part));
    const rest = idle * (0.04 + Math.sin(t * 0.9 + motion.phase + s) * 0.02);
    limb.set(-side * swing * 0.8 - rest, 0, side * (0.09 + 0.03 * idle));
    part.makeRotationFromEuler(limb);
    part.setPosition(side * SHOULDER.x, SHOULDER.y, 0);
    m.arms.setMatrixAt(2 * i + s, out.multiplyMatrices(base, part));
  }

  part.compose(pos.set(x, y + 0.012, z), still, scale.setScalar(1 - bob * 4));
  m.shadow.setMatrixAt(i, part);
}
