/** Refusing people, the one way every room does it (see shared/protocol/refusals.ts). */
import { type Client, ServerError } from "@colyseus/core";
import type { RefusalSet } from "../../../shared/protocol/refusals.ts";

/** The error a refused join rejects with; the client reads it back with `refusals.fromJoinError`. */
export function refuseJoin<R extends { reason: string; message: string }>(
  refusals: RefusalSet<R>,
  refusal: R,
): ServerError {
  return new ServerError(refusals.joinCode, JSON.stringify(refusal));
}

/** Sends someone away from a room they are in: the `refused` message, then the close. */
export function sendAway<R extends { reason: string; message: string }>(
  client: Client,
  refusals: RefusalSet<R>,
  refusal: R,
): void {
  client.send("refused", refusal);
  client.leave(refusals.closeCode, refusal.reason);
}
