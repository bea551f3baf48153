/**
 * The joined salon room, for the page's controls and the call: typed sends of the salon's
 * messages, and the call's transport (shared/media.ts signals relayed by the room, `from` set by the
 * server). One salon per page; SalonRoomDriver sets and clears it.
 */
import type { Room } from "@colyseus/sdk";
import type { SalonProtocol, SalonState } from "../../shared/clienteling/salonRoom.ts";
import { type MessageIn, sendMessage } from "../../shared/protocol/roomProtocol.ts";
import type { CallTransport } from "./media/peerCall.ts";

export type SalonRoom = Room<unknown, InstanceType<typeof SalonState>>;
type ClientTable = typeof SalonProtocol.client;

let current: { room: SalonRoom; table: ClientTable } | null = null;

export function setSalonRoom(room: SalonRoom | null, table: ClientTable | null): void {
  current = room && table ? { room, table } : null;
}

/** Sends one salon message; false when the page is not in the salon (nothing is sent). */
export function sendSalon<K extends keyof ClientTable & string>(
  type: K,
  payload: MessageIn<ClientTable, K>,
): boolean {
  if (!current) return false;
  sendMessage(current.room, current.table, type, payload);
  return true;
}

/**
 * The call's signalling through the room. Signals are heard straight from the SDK, not at the
 * animation frame: a call must keep negotiating while the tab is hidden and frames are paused.
 */
export function salonCallTransport(room: SalonRoom, table: ClientTable): CallTransport {
  return {
    send: (message) => sendMessage(room, table, "call", message),
    subscribe: (onMessage) => room.onMessage("call", (payload: unknown) => onMessage(payload)),
  };
}
