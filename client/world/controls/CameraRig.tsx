import { useFrame } from "@react-three/fiber";
import { useMemo } from "react";
import { Vector3 } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { localInput } from "../../net/localInput.ts";
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
    () => ({ focus: new Vector3(layout.spawn.x, 0, layout.spawn.z), aim: new Vector3(), initialised: false }),
    [layout],
  );
  useFrame(({ camera }, delta) => {
    const self = renderedSelf();
    const tx = self ? self.x : layout.spawn.x;
    const tz = self ? self.z : layout.spawn.z;
    const ty = self ? self.y : 0;
    const k = s.initialised ? 1 - Math.exp(-delta * 6) : 1;
    s.initialised = true;
    s.focus.x += (tx - s.focus.x) * k;
    s.focus.y += (ty - s.focus.y) * k;
    s.focus.z += (tz - s.focus.z) * k;

    const yaw = localInput.cameraYaw;
    const fx = Math.sin(yaw);
    const fz = Math.cos(yaw);
    const { pitch, distance } = cameraControl;
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
