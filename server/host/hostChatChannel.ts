/**
 * The avenue room's chat as the host runs it: numbers the lines, keeps the recent ones (so a line
 * can be reported), and delivers visitors' lines and the host's own to the right people.
 */
import type { Locale } from "../../shared/constants.ts";
import {
  CHAT_NEARBY_RADIUS,
  type ChatLine,
  ChatMessageType,
  type ChatSend,
} from "../../shared/host/chatMessages.ts";
import type { HostBrain, HostLineEvent } from "../../shared/host/hostBrain.ts";
import { type BufferedLine, ChatBuffer } from "./chatSafety.ts";
import type { ChatSpeaker, HostRoomPort } from "./hostRoomPort.ts";

export class HostChatChannel {
  private readonly port: HostRoomPort;
  private readonly buffer = new ChatBuffer();
  private lineSeq = 0;

  constructor(port: HostRoomPort) {
    this.port = port;
  }

  /** A visitor's line (already checked by the gate): kept, then sent nearby or to the whole room. */
  postVisitorLine(
    speaker: ChatSpeaker,
    message: ChatSend,
    text: string,
    at: { x: number; z: number } | null,
    nowMs: number,
  ): void {
    const line: ChatLine = {
      id: this.nextLineId(),
      channel: message.channel,
      at: nowMs,
      from: { sessionId: speaker.sessionId, name: speaker.name, kind: speaker.kind },
      text,
      ...(at ? { x: at.x, z: at.z } : {}),
    };
    this.buffer.add({ line, authorUserId: speaker.userId, roomId: this.port.roomId() });
    if (message.channel === "nearby" && at)
      this.port.sendNear(at.x, at.z, CHAT_NEARBY_RADIUS, ChatMessageType.chatLine, line);
    else this.port.broadcast(ChatMessageType.chatLine, line);
  }

  /** The host says a line from where it stands, in `locale` (with every translation attached). */
  sayHostLine(brain: HostBrain, hostName: string, event: HostLineEvent, nowMs: number, locale: Locale): void {
    const line: ChatLine = {
      id: this.nextLineId(),
      channel: event.channel,
      at: nowMs,
      from: { sessionId: "host", name: hostName, kind: "host" },
      text: event.line[locale],
      localized: event.line,
      x: brain.x,
      z: brain.z,
      ...(event.to ? { to: event.to } : {}),
    };
    this.buffer.add({ line, authorUserId: null, roomId: this.port.roomId() });
    if (event.channel === "nearby") {
      this.port.sendNear(brain.x, brain.z, CHAT_NEARBY_RADIUS, ChatMessageType.chatLine, line);
      // The asker hears the answer even from farther away (they addressed the host by name).
      if (event.to) {
        const at = this.port.position(event.to);
        if (at && Math.hypot(at.x - brain.x, at.z - brain.z) > CHAT_NEARBY_RADIUS) {
          this.port.send(event.to, ChatMessageType.chatLine, line);
        }
      }
    } else {
      this.port.broadcast(ChatMessageType.chatLine, line);
    }
  }

  /** A recent line by id, or undefined once it has left the buffer (or was never said here). */
  recent(id: string): BufferedLine | undefined {
    return this.buffer.get(id);
  }

  /** The line and the lines said around it on its channel (see ChatBuffer.around). */
  around(id: string): BufferedLine[] {
    return this.buffer.around(id);
  }

  private nextLineId(): string {
    this.lineSeq += 1;
    return `${this.port.roomId()}:${this.lineSeq}`;
  }
}
