/**
 * Who gets their seat kept when their connection drops (RECONNECT_GRACE_SECONDS to come back), and
 * who does not: a client the room closed for misbehaving (4002), one whose socket broke the protocol
 * (an oversized or malformed frame), and one the room sent away with a refusal.
 */
import { type Client, CloseCode } from "@colyseus/core";
import { REFUSED_CLOSE_CODE } from "../../../shared/protocol/refusals.ts";

/** WebSocket close code sent by `ws` when a frame exceeds maxPayload. */
const MESSAGE_TOO_BIG = 1009;

type ErrorSource = { once(event: "error", listener: (error: Error) => void): unknown };

/**
 * Calls `onError` when the client's WebSocket fails at the protocol level (the `ws` library emits
 * `error` for an oversized frame or a malformed one, then closes the socket). The room cannot rely
 * on the close code for this: a peer that never answers the close frame is reported as 1006.
 */
function onProtocolError(client: Client, onError: (error: Error) => void): void {
  const socket = (client as unknown as { ref?: Partial<ErrorSource> }).ref;
  if (typeof socket?.once === "function") socket.once("error", onError);
}

export class SeatRules {
  /** Sessions whose socket broke the protocol: no reconnection for them. */
  private readonly violators = new Set<string>();

  /** Starts watching a (re)joined client's socket. */
  watch(client: Client): void {
    onProtocolError(client, () => this.violators.add(client.sessionId));
  }

  /** Whether a dropped client loses its seat at once instead of waiting for its reconnection. */
  forfeits(client: Client, code: number | undefined): boolean {
    const brokeProtocol = this.violators.delete(client.sessionId);
    return (
      brokeProtocol ||
      code === CloseCode.WITH_ERROR ||
      code === MESSAGE_TOO_BIG ||
      code === REFUSED_CLOSE_CODE
    );
  }

  /** Forgets a session that left for good. */
  forget(sessionId: string): void {
    this.violators.delete(sessionId);
  }
}
