/**
 * The orbit the player steers with the mouse: yaw lives in `localInput.cameraYaw` (the net driver
 * and keyboard need it); pitch and distance are camera-only. Limits keep the view flattering.
 */
export const cameraControl = {
  /** Radians above the horizontal the camera looks down from. */
  pitch: 0.14,
  /** Metres from the followed point. */
  distance: 7,
};

export const CAMERA_LIMITS = { minPitch: 0.04, maxPitch: 1.1, minDistance: 2.8, maxDistance: 16 };

export function clampCamera(): void {
  const l = CAMERA_LIMITS;
  cameraControl.pitch = Math.min(l.maxPitch, Math.max(l.minPitch, cameraControl.pitch));
  cameraControl.distance = Math.min(l.maxDistance, Math.max(l.minDistance, cameraControl.distance));
}
