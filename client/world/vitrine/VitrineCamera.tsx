import { useFrame } from "@react-three/fiber";
import { useMemo } from "react";
import { Vector3 } from "three";
import type { VitrineLayout } from "../../../shared/vitrineRoom.ts";
import { localInput } from "../../net/localInput.ts";
import { renderedSelf } from "../avatars/renderedAvatars.ts";
import { CAMERA_PRIORITY } from "../controls/CameraRig.tsx";
import { cameraControl } from "../controls/cameraControl.ts";

const AIM_HEIGHT = 1.15;
const AIM_AHEAD = 3.2;
/** The camera keeps this far inside the side and back walls; the entrance side is open. */
const WALL_MARGIN = 0.35;
const OPEN_FRONT = 3.5;

/**
 * Renderless third-person camera for the gallery: follows the local avatar (or the entrance before
 * joining) from the yaw, pitch and distance the player steers, and never passes through a wall.
 */
export function VitrineCamera({ layout }: { layout: VitrineLayout }) {
  const s = useMemo(
    () => ({ focus: new Vector3(layout.spawn.x, 0, layout.spawn.z), aim: new Vector3(), initialised: false }),
    [layout],
  );
  useFrame(({ camera }, delta) => {
    const self = renderedSelf();
    const tx = self ? self.x : layout.spawn.x;
    const tz = self ? self.z : layout.spawn.z;
    const k = s.initialised ? 1 - Math.exp(-delta * 6) : 1;
    s.initialised = true;
    s.focus.x += (tx - s.focus.x) * k;
    s.focus.z += (tz - s.focus.z) * k;
    const yaw = localInput.cameraYaw;
    const fx = Math.sin(yaw);
    const fz = Math.cos(yaw);
    // The avenue's orbit, brought in for a room: closer, and looking down a little more.
    const distance = Math.min(6, Math.max(2.6, cameraControl.distance * 0.62));
    const pitch = Math.max(cameraControl.pitch + 0.22, 0.3);
    const horizontal = Math.cos(pitch) * distance;
    const half = layout.room.width / 2 - WALL_MARGIN;
    camera.position.set(
      Math.min(half, Math.max(-half, s.focus.x - fx * horizontal)),
      AIM_HEIGHT + 0.5 + Math.sin(pitch) * distance,
      Math.min(
        layout.room.frontZ + OPEN_FRONT,
        Math.max(layout.room.backZ + WALL_MARGIN, s.focus.z - fz * horizontal),
      ),
    );
    s.aim.set(s.focus.x + fx * AIM_AHEAD, AIM_HEIGHT, s.focus.z + fz * AIM_AHEAD);
    camera.lookAt(s.aim);
    camera.updateMatrixWorld();
  }, CAMERA_PRIORITY);
  return null;
}
