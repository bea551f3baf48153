/**
 * Per-frame pose of the host, written by the net driver (interpolated from the room's state like a
 * remote avatar) and read by the host's scene components inside useFrame. A plain mutable object,
 * so React does not re-render at 60 Hz.
 */
export const hostFrame = {
  /** False until the room's state carries a host. */
  present: false,
  x: 0,
  z: 0,
  heading: 0,
  /** HostAnim: 0 idle, 1 walk, 2 wave, 3 point, 4 present. */
  anim: 0,
  /** Where it points (point/present), in world metres. */
  lookAtX: 0,
  lookAtZ: 0,
};

/** What the scene drew last frame: read by the test hook and the hover card. */
export const renderedHost = {
  visible: false,
  x: 0,
  y: 0,
  z: 0,
  /** Name of the clip playing (mapped from the host's anim). */
  clip: "",
  /** Whether the speech bubble is on screen this frame. */
  bubbleVisible: false,
  /** Page position (CSS px) of the bubble's anchor above the head, or null off screen. */
  screen: null as { x: number; y: number } | null,
  /** Page position (CSS px) of the middle of its body (where the pointer finds it), or null. */
  body: null as { x: number; y: number } | null,
};
