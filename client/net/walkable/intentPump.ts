/**
 * Turns what the person asks for (keys, a click) into the walk intents the room accepts: the one
 * place that sends them. It runs every frame and on a timer of its own, so a slow renderer does not
 * delay a stop or a turn, and it sends no more than the server's rate limit allows.
 */

import { type MessageSink, sendMessage } from "../../../shared/protocol/roomProtocol.ts";
import { WalkIntents } from "../../../shared/walking/intents.ts";
import type { Vec2 } from "../../../shared/walking/layout.ts";
import { targetReached, type WalkControl } from "../../../shared/walking/step.ts";

/** Minimum gap between two `move` intents: keeps a turning camera far below the server's rate limit. */
const MOVE_SEND_INTERVAL_MS = 80;

export class IntentPump {
  private readonly room: MessageSink;
  private lastSentDir = { x: 0, z: 0 };
  private lastSendAt = Number.NEGATIVE_INFINITY;
  private sentTarget: Vec2 | null = null;

  constructor(room: MessageSink) {
    this.room = room;
  }

  /**
   * Sends what changed in `input` since the last call. Keys take over from a click, and a reached
   * target (as `self`, the predicted pose, stands) is let go.
   */
  pump(input: WalkControl, self: Vec2 | null, now: number): void {
    const target = input.target;
    if (target) {
      const keysHeld = input.dirX !== 0 || input.dirZ !== 0;
      if (keysHeld || (self !== null && targetReached(self, input))) input.target = null;
    }
    if (input.target && input.target !== this.sentTarget) {
      sendMessage(this.room, WalkIntents, "moveTo", { x: input.target.x, z: input.target.z });
      this.sentTarget = input.target;
      this.lastSentDir = { x: 0, z: 0 };
      this.lastSendAt = now;
      return;
    }
    if (input.target) return; // the server walks us there; a move{0,0} would cancel it
    this.sentTarget = null;
    const qx = Math.round(input.dirX * 1000) / 1000;
    const qz = Math.round(input.dirZ * 1000) / 1000;
    if (qx === this.lastSentDir.x && qz === this.lastSentDir.z) return;
    if (now - this.lastSendAt < MOVE_SEND_INTERVAL_MS) return;
    const clamp = (v: number) => Math.max(-1, Math.min(1, v));
    sendMessage(this.room, WalkIntents, "move", { dirX: clamp(qx), dirZ: clamp(qz) });
    this.lastSentDir = { x: qx, z: qz };
    this.lastSendAt = now;
  }
}
