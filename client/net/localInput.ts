/**
 * What the local player wants, written by input components (keyboard, mouse) and read by the net
 * driver once per frame, which predicts and sends intents. Input components never send messages.
 */
export const localInput = {
  /** Desired walking direction in world space (x, z), length ≤ 1; 0,0 means standing. */
  dirX: 0,
  dirZ: 0,
  /** Ground point clicked to walk to, or null. Cleared by the driver when reached or when keys move. */
  target: null as { x: number; z: number } | null,
  /** Camera yaw in radians (heading convention of shared/avenue/layout.ts), kept for keyboard directions. */
  cameraYaw: Math.PI,
};

/** Requests a walk to a ground point (click to walk). */
export function walkTo(x: number, z: number): void {
  localInput.target = { x, z };
}
