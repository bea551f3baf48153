/**
 * Per-frame avatar poses, written by the walkable room's sync (interpolated remote avatars and the
 * predicted local one) and read by scene components inside useFrame. A plain mutable structure, so
 * React does not re-render at 60 Hz.
 */
export type AvatarFrameEntry = {
  sessionId: string;
  name: string;
  /** "guest" | "shopper" | "staff" | "admin" */
  kind: string;
  look: number;
  x: number;
  z: number;
  heading: number;
  /** 0 idle, 1 walk (see AvatarAnim in shared/walking/avatarState.ts). */
  anim: number;
  connected: boolean;
  isSelf: boolean;
};

export type AvatarFrame = {
  /** Keyed by session id. Entries are mutated in place; never hold on to one across frames. */
  entries: Map<string, AvatarFrameEntry>;
  /** Increments whenever an avatar joins or leaves, so renderers know to rebuild lists. */
  membershipVersion: number;
};

export function createAvatarFrame(): AvatarFrame {
  return { entries: new Map(), membershipVersion: 0 };
}

/** The page's avatars (one walkable room at a time). */
export const avatarFrame = createAvatarFrame();

/** The local avatar's entry, if we are in a room. */
export function selfEntry(frame: AvatarFrame = avatarFrame): AvatarFrameEntry | undefined {
  for (const e of frame.entries.values()) if (e.isSelf) return e;
  return undefined;
}
