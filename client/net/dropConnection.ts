import { Client, type Room } from "@colyseus/sdk";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import {
  DROP_ROOM,
  type DropJoinOptions,
  DropRoomRefusals,
  DropRoomState,
  type DropRoomRefusal as Refusal,
} from "../../shared/dropRoom.ts";

export type DropRoom = Room<unknown, InstanceType<typeof DropRoomState>>;

/** The outcome of joining a drop's room: in, or refused with the server's reason. */
export type DropJoin = { room: DropRoom; refusal: null } | { room: null; refusal: Refusal };

/**
 * Joins the room of one drop with the session cookie (identity never travels in the options). A join
 * the room refuses (not announced, early access without a pass…) resolves with the named refusal;
 * any other failure (network, server down) rejects.
 */
export async function joinDropRoom(dropId: string): Promise<DropJoin> {
  const client = new Client(window.location.origin);
  const options: DropJoinOptions = { protocol: PROTOCOL_VERSION, dropId };
  try {
    return { room: await client.joinOrCreate(DROP_ROOM, options, DropRoomState), refusal: null };
  } catch (error) {
    const refusal = DropRoomRefusals.fromJoinError(error);
    if (refusal) return { room: null, refusal };
    throw error;
  }
}
