import type { Client } from "@colyseus/core";

type ErrorSource = { once(event: "error", listener: (error: Error) => void): unknown };

/**
 * Calls `onError` when the client's WebSocket fails at the protocol level (the `ws` library emits
 * `error` for an oversized frame or a malformed one, then closes the socket). The room cannot rely
 * on the close code for this: a peer that never answers the close frame is reported as 1006.
 */
export function onProtocolError(client: Client, onError: (error: Error) => void): void {
  const socket = (client as unknown as { ref?: Partial<ErrorSource> }).ref;
  if (typeof socket?.once === "function") socket.once("error", onError);
}
