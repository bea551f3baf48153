/**
 * Chat bubbles over avatars: the latest nearby line of each speaker, until it expires. Written by
 * the chat channel when a line arrives, read by the bubble layer each frame (no React render).
 */
export type AvatarBubble = { text: string; until: number; lineId: string };

/** How long an avatar's bubble stays, by its length (a long line stays longer), in ms. */
export function bubbleDuration(text: string): number {
  return Math.min(12_000, 4_000 + text.length * 60);
}

export const chatBubbles = {
  bySession: new Map<string, AvatarBubble>(),
  /** Bumps on every change so the layer knows to update its elements' text. */
  version: 0,
};

export function showBubble(sessionId: string, text: string, lineId: string, now = Date.now()): void {
  chatBubbles.bySession.set(sessionId, { text, until: now + bubbleDuration(text), lineId });
  chatBubbles.version++;
}

export function clearBubbles(): void {
  chatBubbles.bySession.clear();
  chatBubbles.version++;
}
