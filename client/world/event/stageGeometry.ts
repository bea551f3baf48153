/**
 * Where things stand in the event hall: the stage on the audience floor's collider (north), the
 * screen above it, the turntable at its centre and the pins' plinths along its front. One place,
 * so the set, the products and the camera agree.
 */
import { AUDIENCE_FLOOR } from "../../../shared/events/audienceRoom.ts";
import { STAGE_MAX_PINS } from "../../../shared/events/stage.ts";

const stageRect = AUDIENCE_FLOOR.colliders[0];
if (!stageRect || stageRect.kind !== "rect")
  throw new Error("the audience floor's first collider is the stage");

export const STAGE = {
  minX: stageRect.minX,
  maxX: stageRect.maxX,
  minZ: stageRect.minZ,
  maxZ: stageRect.maxZ,
  /** Height of the stage's deck (metres). */
  deck: 0.55,
} as const;

export const STAGE_CENTRE_Z = (STAGE.minZ + STAGE.maxZ) / 2;

/** The screen: 16:9, above the back of the stage. */
export const SCREEN = { width: 6.4, height: 3.6, x: 0, y: STAGE.deck + 2.6, z: STAGE.minZ + 0.15 } as const;

/** The product on stage turns on a plinth at the centre of the deck. */
export const TURNTABLE = { x: 0, z: STAGE_CENTRE_Z + 0.4, height: 0.9 } as const;

/** The pinned products stand on plinths along the stage's front, left and right of the turntable. */
export const PIN_PLINTHS = [
  { x: -3.6, z: STAGE.maxZ - 0.6 },
  { x: 3.6, z: STAGE.maxZ - 0.6 },
  { x: -2.0, z: STAGE.maxZ - 0.9 },
].slice(0, STAGE_MAX_PINS);
export const PIN_PLINTH_HEIGHT = 0.75;
