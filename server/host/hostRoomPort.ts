/**
 * What the avenue host and its room exchange: who speaks in the chat, and what the host needs from
 * the room (positions, delivery). Kept apart so the host's parts can share them without importing
 * the host itself.
 */
import type { HostVisitor } from "../../shared/host/hostBrain.ts";

export type ChatSpeaker = {
  sessionId: string;
  userId: string | null;
  name: string;
  kind: "guest" | "shopper" | "staff" | "admin";
};

/** What the host needs from its room. */
export type HostRoomPort = {
  roomId(): string;
  /** Connected avatars (not the host) with their positions. */
  visitors(): HostVisitor[];
  position(sessionId: string): { x: number; z: number } | null;
  send(sessionId: string, type: string, payload: unknown): void;
  /** To every client whose avatar is within `radius` of (x, z). */
  sendNear(x: number, z: number, radius: number, type: string, payload: unknown): void;
  broadcast(type: string, payload: unknown): void;
};
