/**
 * One joined walkable room on this page: its crowd (CrowdSync) and its messages, applied at one
 * defined point of the frame, as hyperfy does: network callbacks only record (a snapshot stamped
 * with its arrival, a message in the inbox); `frame()` applies the messages in arrival order, then
 * the room's own reading of its state (once, however many patches came), then advances the avatars.
 * No DOM: the kernel's test drives it in Node.
 */
import type { Handlers, MessageTable } from "../../../shared/protocol/roomProtocol.ts";
import { type MessageSource, RoomInbox } from "../roomMessages.ts";
import { CrowdSync, type CrowdSyncOptions, type WalkableRoomView } from "./crowdSync.ts";

/** A joined room as the session uses it (an @colyseus/sdk Room has all of this). */
export type WalkableSdkRoom<S extends WalkableRoomView["state"]> = WalkableRoomView &
  MessageSource & {
    readonly state: S;
    readonly onStateChange: { (cb: (state: S) => void): unknown; remove(cb: (state: S) => void): void };
  };

export type WalkableSessionSpec<
  T extends MessageTable,
  S extends WalkableRoomView["state"],
> = CrowdSyncOptions & {
  /** The room's server → client table (its protocol's `server`). */
  server: T;
  /** Applied in `frame()`, in arrival order. */
  messages: Partial<Handlers<T>>;
  /** Applied in `frame()` when patches arrived since the last frame: what the room's own state says. */
  onState?: (state: S, arrivedAt: number) => void;
};

export class WalkableSession<T extends MessageTable, S extends WalkableRoomView["state"]> {
  readonly crowd: CrowdSync;
  private readonly room: WalkableSdkRoom<S>;
  private readonly spec: WalkableSessionSpec<T, S>;
  private readonly inbox: RoomInbox<T>;
  private patchedAt: number | null = null;
  private readonly onPatch = () => {
    const now = performance.now();
    this.crowd.onPatch(now);
    this.patchedAt = now;
  };

  constructor(room: WalkableSdkRoom<S>, spec: WalkableSessionSpec<T, S>) {
    this.room = room;
    this.spec = spec;
    this.crowd = new CrowdSync(room, spec);
    this.inbox = new RoomInbox(room, spec.server);
    room.onStateChange(this.onPatch);
  }

  /** One frame: what arrived is applied, then the avatars advance to `now`. */
  frame(now: number, dtSeconds: number): void {
    this.applyMessages();
    if (this.patchedAt !== null) {
      const at = this.patchedAt;
      this.patchedAt = null;
      this.spec.onState?.(this.room.state, at);
    }
    this.crowd.frame(now, dtSeconds);
  }

  /** Applies the queued messages now (the frame does; so does a close, which must not overtake them). */
  applyMessages(): void {
    this.inbox.flush(this.spec.messages);
  }

  /** Sends the person's intents between frames (a slow renderer must not delay a stop). */
  pump(now: number): void {
    this.crowd.pumpIntents(now);
  }

  dispose(): void {
    this.room.onStateChange.remove(this.onPatch);
    this.inbox.dispose();
    this.crowd.dispose();
  }
}
