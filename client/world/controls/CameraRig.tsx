import { useFrame } from "@react-three/fiber";
import { useMemo } from "react";
import { Vector3 } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { localInput } from "../../net/localInput.ts";
import { reducedMotionNow } from "../../ui/a11y/comfortStore.ts";
import { renderedSelf } from "../avatars/renderedAvatars.ts";
import { END_SETBACK } from "../city/cityFrame.ts";
import { cameraControl } from "./cameraControl.ts";

export const CAMERA_PRIORITY = -20;
/** Height on the avatar the camera aims at, and how far ahead of it (a more generous framing). */
const AIM_HEIGHT = 1.9;
const AIM_AHEAD = 6;
/** The camera stays inside the street so it never enters a facade. */
const STREET_MARGIN = 8.4;

/**
 * Renderless third-person camera: follows the local avatar as drawn this frame (or the spawn
 * point before joining), smoothly, from the yaw, pitch and distance the player controls.
 */
export function CameraRig({ layout }: { layout: AvenueLayout }) {
  const s = useMemo(
    () => ({
      focus: new Vector3(layout.spawn.x, 0, layout.spawn.z),
      aim: new Vector3(),
      initialised: false,
      distance: cameraControl.distance,
    }),
    [layout],
  );
  const crowns = useMemo(() => layout.props.filter((p) => p.kind === "planter"), [layout]);
  useFrame(({ camera }, delta) => {
    const self = renderedSelf();
    const tx = self ? self.x : layout.spawn.x;
    const tz = self ? self.z : layout.spawn.z;
    const ty = self ? self.y : 0;
    // Reduced motion: the camera stays locked to the avatar (no lagging swing behind it).
    const calm = reducedMotionNow();
    const k = s.initialised && !calm ? 1 - Math.exp(-delta * 6) : 1;
    s.initialised = true;
    s.focus.x += (tx - s.focus.x) * k;
    s.focus.y += (ty - s.focus.y) * k;
    s.focus.z += (tz - s.focus.z) * k;

    const yaw = localInput.cameraYaw;
    const fx = Math.sin(yaw);
    const fz = Math.cos(yaw);
    const { pitch } = cameraControl;
    const clear = clearDistance(s.focus.x, s.focus.z, fx, fz, pitch, cameraControl.distance, crowns);
    // Pull in at once (never enter a crown), ease back out.
    s.distance =
      clear < s.distance || calm ? clear : s.distance + (clear - s.distance) * (1 - Math.exp(-delta * 3));
    const distance = s.distance;
    const horizontal = Math.cos(pitch) * distance;
    const far = Math.max(-layout.bounds.minZ, layout.bounds.maxZ) + END_SETBACK - 1;
    camera.position.set(
      Math.min(STREET_MARGIN, Math.max(-STREET_MARGIN, s.focus.x - fx * horizontal)),
      s.focus.y + AIM_HEIGHT + Math.sin(pitch) * distance,
      Math.min(far, Math.max(-far, s.focus.z - fz * horizontal)),
    );
    s.aim.set(s.focus.x + fx * AIM_AHEAD, s.focus.y + AIM_HEIGHT - 0.1, s.focus.z + fz * AIM_AHEAD);
    camera.lookAt(s.aim);
    camera.updateMatrixWorld();
  }, CAMERA_PRIORITY);
  return null;
}

function insideCrown(x: number, z: number, crowns: readonly { x: number; z: number }[]): boolean {
  for (const c of crowns) if (Math.hypot(x - c.x, z - c.z) < CROWN_RADIUS) return true;
  return false;
}

/** Horizontal radius and top of a planter's tree crown, which the camera must not enter. */
const CROWN_RADIUS = 1.5;
const CROWN_TOP = 4.4;

/**
 * The orbit distance, shortened when the camera would sit inside a tree crown (the avenue's only
 * obstacles tall enough to swallow it); the player's chosen distance returns once clear.
 */
function clearDistance(
  x: number,
  z: number,
  fx: number,
  fz: number,
  pitch: number,
  wanted: number,
  crowns: readonly { x: number; z: number }[],
): number {
  for (let d = wanted; d > 1.2; d -= 0.25) {
    const cx = x - fx * Math.cos(pitch) * d;
    const cz = z - fz * Math.cos(pitch) * d;
    const cy = AIM_HEIGHT + Math.sin(pitch) * d;
    if (cy > CROWN_TOP || !insideCrown(cx, cz, crowns)) return d;
  }
  return 1.2;
}
