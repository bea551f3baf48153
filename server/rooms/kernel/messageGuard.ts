/**
 * The one place a room turns its protocol table into Colyseus message handlers, for every room
 * (walkable or not): each payload is parsed with its schema before its handler sees it; a payload
 * that fails, or a message type the table does not know, is answered with a named `error`
 * (RoomErrorMessage) and counted, and a client that keeps sending them is closed (4002) while the
 * room carries on.
 *
 * Why not Colyseus' own `validate()`: @colyseus/core (RoomMessages.onData) closes the client with
 * 4002 on the FIRST payload that fails, without telling it why. Our rooms answer with the reason and
 * tolerate a few mistakes (MAX_INVALID_MESSAGES), which a person debugging a client can act on.
 */
import { type Client, CloseCode } from "@colyseus/core";
import type { z } from "zod";
import { MAX_INVALID_MESSAGES } from "../../../shared/constants.ts";
import { describeIssues, ErrorCode, summarizeIssues } from "../../../shared/errors.ts";
import type { RoomErrorMessage } from "../../../shared/protocol/roomErrors.ts";
import type { Handlers, MessageTable } from "../../../shared/protocol/roomProtocol.ts";
import { findUnsafeText } from "../../../shared/text.ts";
import { logFor } from "../../observability/log.ts";
import { firstLine, LogBudget, REFUSAL_LOG_BUDGET } from "../../observability/logBudget.ts";

/** A Colyseus `messages` table (`_` is its handler for types nobody registered). */
export type ColyseusMessages = Record<string, (client: Client, ...args: unknown[]) => void>;

/** Handlers for every message of a client → server table, each given the client and the parsed payload. */
export type ServerHandlers<T extends MessageTable> = Handlers<T, [client: Client]>;

/**
 * One budget for the whole process by default: rooms open and close (an avenue shard closes when
 * its last visitor leaves), so a budget per room would start afresh with every room a flood opens.
 */
const processRefusalBudget = new LogBudget(REFUSAL_LOG_BUDGET);

/**
 * Counts each session's refused messages and closes it at MAX_INVALID_MESSAGES. Each refusal is
 * one short line in the log (no stack), within the process' LogBudget: a flood of bad messages
 * cannot flood the log, and the lines held back are counted on the next one written.
 */
export class MessageGuard {
  private readonly strikes = new Map<string, number>();
  private readonly log = logFor("rooms");
  private readonly budget: LogBudget;

  constructor(budget: LogBudget = processRefusalBudget) {
    this.budget = budget;
  }

  /** Answers a refused message with a named reason; too many and the client is disconnected. */
  refuse(client: Client, message: string, details: unknown): void {
    const count = (this.strikes.get(client.sessionId) ?? 0) + 1;
    this.strikes.set(client.sessionId, count);
    this.logRefusal(client, message);
    const error: RoomErrorMessage = { code: ErrorCode.invalidMessage, message, details };
    client.send("error", error);
    if (count >= MAX_INVALID_MESSAGES) client.leave(CloseCode.WITH_ERROR, "too many invalid messages");
  }

  private logRefusal(client: Client, message: string): void {
    if (!this.log.isLevelEnabled("info")) return;
    const taken = this.budget.take();
    if (!taken) return;
    const fields = {
      sessionId: client.sessionId,
      ...(taken.suppressed > 0 ? { suppressed: taken.suppressed } : {}),
    };
    this.log.info(fields, firstLine(message));
  }

  /** Forgets a session that left for good. */
  forget(sessionId: string): void {
    this.strikes.delete(sessionId);
  }
}

/**
 * The Colyseus `messages` of a room: one guarded handler per entry of `table` (TypeScript insists
 * on a handler for each, and on nothing else), plus the handler for unknown types.
 */
export function guardedMessages<T extends MessageTable>(
  table: T,
  handlers: ServerHandlers<T>,
  guard: MessageGuard,
): ColyseusMessages {
  const out: ColyseusMessages = {};
  for (const type of Object.keys(table) as Array<keyof T & string>) {
    const schema = table[type] as z.ZodType;
    const handler = handlers[type] as (client: Client, message: unknown) => void;
    if (typeof handler !== "function") throw new Error(`No handler for the "${type}" message`);
    out[type] = (client: Client, raw: unknown) => {
      // The net under the field schemas (shared/text.ts): NUL, lone surrogates, hostile depth.
      const unsafe = findUnsafeText(raw);
      if (unsafe) {
        guard.refuse(client, `Message refused: ${unsafe.path}: ${unsafe.message}`, [unsafe]);
        return;
      }
      const parsed = schema.safeParse(raw);
      if (parsed.success) handler(client, parsed.data);
      else
        guard.refuse(
          client,
          `Message refused: ${summarizeIssues(parsed.error)}`,
          describeIssues(parsed.error),
        );
    };
  }
  const extra = Object.keys(handlers).filter((type) => !Object.hasOwn(table, type));
  if (extra.length > 0) throw new Error(`Handlers without a protocol entry: ${extra.join(", ")}`);
  out._ = (client: Client, type: unknown) => {
    guard.refuse(client, `Message refused: unknown message type "${String(type).slice(0, 40)}"`, []);
  };
  return out;
}
