import { useFrame } from "@react-three/fiber";
import { useMemo } from "react";
import { Vector3 } from "three";
import { AUDIENCE_FLOOR } from "../../../shared/events/audienceRoom.ts";
import { localInput } from "../../net/localInput.ts";
import { renderedSelf } from "../avatars/renderedAvatars.ts";
import { cameraControl } from "../controls/cameraControl.ts";
import { SCREEN, STAGE_CENTRE_Z } from "./stageGeometry.ts";

/** The camera never goes further back than this behind the audience floor. */
const BACK_MARGIN = 2.5;

/**
 * Renderless third-person camera for the hall: behind the local avatar (or the entrance before
 * joining), at the distance and yaw the person steers, aimed between the avatar and the stage so
 * the screen and the plinths stay in view.
 */
export function EventCamera() {
  const spawn = AUDIENCE_FLOOR.spawn;
  const s = useMemo(
    () => ({ focus: new Vector3(spawn.x, 0, spawn.z), aim: new Vector3(), ready: false }),
    [],
  );
  useFrame(({ camera }, delta) => {
    const self = renderedSelf();
    const k = s.ready ? 1 - Math.exp(-delta * 5) : 1;
    s.ready = true;
    s.focus.x += ((self ? self.x : spawn.x) - s.focus.x) * k;
    s.focus.z += ((self ? self.z : spawn.z) - s.focus.z) * k;
    const yaw = localInput.cameraYaw;
    const distance = Math.min(7, Math.max(2.8, cameraControl.distance * 0.5));
    const pitch = Math.max(cameraControl.pitch + 0.1, 0.22);
    const horizontal = Math.cos(pitch) * distance;
    camera.position.set(
      s.focus.x - Math.sin(yaw) * horizontal,
      1.6 + Math.sin(pitch) * distance,
      Math.min(AUDIENCE_FLOOR.bounds.maxZ + BACK_MARGIN, s.focus.z - Math.cos(yaw) * horizontal),
    );
    // Aim most of the way from the avatar to the stage, below the screen's centre: the screen, the
    // deck and the avatar's head stay in view.
    s.aim.set(s.focus.x * 0.4, SCREEN.y - 1.4, s.focus.z + (STAGE_CENTRE_Z - s.focus.z) * 0.75);
    camera.lookAt(s.aim);
  });
  return null;
}
