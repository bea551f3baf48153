/**
 * The driver loop every walkable room's page shares: join, then one WalkableSession advanced on
 * each animation frame (its one point of application), intents pumped between frames, the
 * connection's ups and downs reported, and everything let go on dispose. Room drivers
 * (AvenueRoomDriver, VitrineRoomDriver) call it from an effect and add only what is theirs.
 */
import type { MessageTable } from "../../../shared/protocol/roomProtocol.ts";
import type { WalkableRoomView } from "./crowdSync.ts";
import { type WalkableSdkRoom, WalkableSession, type WalkableSessionSpec } from "./walkableSession.ts";

/** How often intents are pumped between frames. */
const INTENT_PUMP_MS = 50;

type JoinedRoom<S extends WalkableRoomView["state"]> = WalkableSdkRoom<S> & {
  readonly roomId: string;
  leave(consented?: boolean): Promise<unknown>;
  onDrop(cb: (code: number, reason?: string) => void): unknown;
  onReconnect(cb: () => void): unknown;
  onLeave(cb: (code: number, reason?: string) => void): unknown;
};

export type WalkableDriverSpec<
  R extends JoinedRoom<S>,
  T extends MessageTable,
  S extends WalkableRoomView["state"],
> = {
  join(): Promise<R>;
  /** The room is joined: what its session applies each frame, and what to undo on dispose. */
  attach(room: R): WalkableSessionSpec<T, S> & { onFrame?(now: number): void; dispose?(): void };
  /** The connection dropped (the SDK is reconnecting), came back, or ended. */
  onDrop(): void;
  onReconnect(room: R): void;
  onLeave(code: number, reason: string | undefined): void;
  /** The join itself failed (refused, or the network). */
  onJoinFailed(error: unknown): void;
};

/** Runs a walkable room for as long as the caller wants it; returns the function that stops it. */
export function runWalkableRoom<
  R extends JoinedRoom<S>,
  T extends MessageTable,
  S extends WalkableRoomView["state"],
>(spec: WalkableDriverSpec<R, T, S>): () => void {
  let disposed = false;
  let room: R | null = null;
  let session: WalkableSession<T, S> | null = null;
  let undo: (() => void) | undefined;
  let raf = 0;
  let pump: ReturnType<typeof setInterval> | undefined;

  spec
    .join()
    .then((joined) => {
      if (disposed) {
        void joined.leave();
        return;
      }
      room = joined;
      const wiring = spec.attach(joined);
      undo = wiring.dispose;
      session = new WalkableSession(joined, wiring);
      joined.onDrop(() => spec.onDrop());
      joined.onReconnect(() => spec.onReconnect(joined));
      joined.onLeave((code, reason) => {
        // What the room said before closing (a refusal, an error) is applied before the close.
        session?.applyMessages();
        if (!disposed) spec.onLeave(code, reason);
      });
      let last = performance.now();
      const tick = (now: number) => {
        session?.frame(now, Math.min(1, (now - last) / 1000));
        wiring.onFrame?.(now);
        last = now;
        raf = requestAnimationFrame(tick);
      };
      raf = requestAnimationFrame(tick);
      pump = setInterval(() => session?.pump(performance.now()), INTENT_PUMP_MS);
    })
    .catch((error: unknown) => {
      if (!disposed) spec.onJoinFailed(error);
    });

  return () => {
    disposed = true;
    cancelAnimationFrame(raf);
    clearInterval(pump);
    session?.dispose();
    undo?.();
    void room?.leave();
  };
}
