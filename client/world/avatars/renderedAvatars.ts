/** An avatar as drawn this frame: what name tags, the camera and the test hook read. */
export type RenderedAvatar = {
  sessionId: string;
  name: string;
  kind: string;
  x: number;
  /** Height of the feet (the paving under them). */
  y: number;
  z: number;
  isSelf: boolean;
  connected: boolean;
};

/**
 * Written by AvatarCrowd each frame (objects reused, no allocation once grown); `count` entries
 * of `list` are valid. `version` bumps when membership or any name or flag changes.
 */
export const renderedAvatars = {
  list: [] as RenderedAvatar[],
  count: 0,
  version: 0,
};

/** The local avatar as drawn this frame, if any. */
export function renderedSelf(): RenderedAvatar | null {
  for (let i = 0; i < renderedAvatars.count; i++) {
    const a = renderedAvatars.list[i];
    if (a?.isSelf) return a;
  }
  return null;
}
