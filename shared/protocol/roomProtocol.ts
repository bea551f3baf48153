/**
 * A room's protocol, declared once: the options a client joins with and every message in both
 * directions, each with its zod schema. The server validates what clients send with these schemas
 * (server/rooms/kernel/messageGuard.ts) and the client parses what the server sends with them
 * (client/net/roomMessages.ts); both sides derive their types from the same table, so a message
 * cannot exist on one side only.
 *
 * Colyseus carries a message as (type, payload); the `…Envelope` types below give the same table as
 * a union keyed on `type`, for code that queues or routes messages of several kinds.
 */
import { z } from "zod";
import { PROTOCOL_VERSION } from "../constants.ts";

/** One direction of a room's messages: message type → schema of its payload. */
export type MessageTable = Readonly<Record<string, z.ZodType>>;

export type RoomProtocol<
  C extends MessageTable = MessageTable,
  S extends MessageTable = MessageTable,
  J extends z.ZodType = z.ZodType,
> = {
  /** The room type's name, as the server defines it (`client.joinOrCreate(room, …)`). */
  readonly room: string;
  /** Options a client joins with. Identity never comes from here. */
  readonly join: J;
  /** client → server */
  readonly client: C;
  /** server → client */
  readonly server: S;
};

/** Declares a room's protocol (the literal types of its tables are kept). */
export function defineRoomProtocol<
  const C extends MessageTable,
  const S extends MessageTable,
  const J extends z.ZodType,
>(protocol: RoomProtocol<C, S, J>): RoomProtocol<C, S, J> {
  return protocol;
}

/** What a sender passes for message `K` of table `T` (the schema's input). */
export type MessageIn<T extends MessageTable, K extends keyof T> = z.input<T[K]>;
/** What a receiver gets for message `K` of table `T` once parsed (the schema's output). */
export type MessageOut<T extends MessageTable, K extends keyof T> = z.output<T[K]>;

/** What messages are sent through: a server's Colyseus Client, a page's SDK Room. */
export type MessageSink = { send(type: string, message?: unknown): void };

/**
 * Sends message `type` of `table`, typed by it: the page sends from its protocol's `client` table,
 * the server from its `server` table. The one way either side sends a room message.
 */
export function sendMessage<T extends MessageTable, K extends keyof T & string>(
  to: MessageSink,
  _table: T,
  type: K,
  message: MessageIn<T, K>,
): void {
  to.send(type, message);
}

/** The table as a union keyed on `type`: `{ type: "move", message: {...} } | …`. */
export type Envelope<T extends MessageTable> = {
  [K in keyof T & string]: { type: K; message: MessageOut<T, K> };
}[keyof T & string];

/** One handler per message of a table, each given the parsed payload. */
export type Handlers<T extends MessageTable, Args extends unknown[] = []> = {
  [K in keyof T & string]: (...args: [...Args, message: MessageOut<T, K>]) => void;
};

/** The table's message types as a const object (`{ move: "move", … }`), for `onMessage(X.move, …)`. */
export function messageTypes<T extends MessageTable>(table: T): { readonly [K in keyof T & string]: K } {
  return Object.fromEntries(Object.keys(table).map((type) => [type, type])) as {
    readonly [K in keyof T & string]: K;
  };
}

/** Whether `type` is one of the table's messages. */
export function isMessageType<T extends MessageTable>(table: T, type: unknown): type is keyof T & string {
  return typeof type === "string" && Object.hasOwn(table, type);
}

/**
 * The join option every room checks first: the protocol version this page speaks. A page from an
 * older deploy is refused with `message` (which should tell the person to reload).
 */
export function protocolVersionOption(message: string) {
  return z.literal(PROTOCOL_VERSION, { message });
}
