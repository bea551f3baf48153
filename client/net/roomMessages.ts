/**
 * Receiving a room's messages on the page (sending is `sendMessage` in shared/protocol): each one
 * parsed with its schema from the protocol's server → client table. A payload that fails its schema
 * is dropped with a warning (the server and this page disagree: a deploy between the two), never
 * handed on half-understood.
 */
import type { Handlers, MessageTable } from "../../shared/protocol/roomProtocol.ts";

/** What receiving needs of a joined room (an @colyseus/sdk Room). */
export type MessageSource = { onMessage(type: string, callback: (payload: unknown) => void): () => void };

/** Listens to every message of a server → client table; returns the function that stops listening. */
function listenAll<T extends MessageTable>(
  room: MessageSource,
  table: T,
  deliver: (type: keyof T & string, message: unknown) => void,
): () => void {
  const offs = (Object.keys(table) as Array<keyof T & string>).map((type) =>
    room.onMessage(type, (payload) => {
      const parsed = (table[type] as T[keyof T]).safeParse(payload);
      if (parsed.success) deliver(type, parsed.data);
      else console.warn(`Vitrine: the room's "${type}" message was not understood`, parsed.error.issues);
    }),
  );
  return () => {
    for (const off of offs) off();
  };
}

/** Hands each message of `table` to its handler as it arrives (rooms without a frame loop). */
export function listenTo<T extends MessageTable>(
  room: MessageSource,
  table: T,
  handlers: Partial<Handlers<T>>,
): () => void {
  return listenAll(room, table, (type, message) => {
    (handlers[type] as ((message: unknown) => void) | undefined)?.(message);
  });
}

/**
 * Queues every message of `table` as it arrives, to be applied at one defined point of the frame
 * (`flush`, called by the room's driver), so that what the page shows changes between frames only.
 */
export class RoomInbox<T extends MessageTable> {
  private queue: Array<{ type: keyof T & string; message: unknown }> = [];
  private readonly stop: () => void;

  constructor(room: MessageSource, table: T) {
    this.stop = listenAll(room, table, (type, message) => this.queue.push({ type, message }));
  }

  /** Applies the queued messages in arrival order; types without a handler are let go. */
  flush(handlers: Partial<Handlers<T>>): void {
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    for (const { type, message } of batch) (handlers[type] as ((m: unknown) => void) | undefined)?.(message);
  }

  dispose(): void {
    this.stop();
    this.queue = [];
  }
}
