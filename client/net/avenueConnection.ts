import { Client, type Room } from "@colyseus/sdk";
import { AVENUE_ROOM, type AvenueJoinOptions } from "../../shared/avenue/protocol.ts";
import { AvenueState } from "../../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";

export type AvenueRoom = Room<unknown, InstanceType<typeof AvenueState>>;

/**
 * Joins the avenue: the shard named in the page's link when there is one (a friend's invitation),
 * otherwise any shard with room. Returns whether the requested shard could not be joined.
 */
export async function joinAvenue(
  requestedShard: string | null,
): Promise<{ room: AvenueRoom; shardUnavailable: boolean }> {
  const client = new Client(window.location.origin);
  const options: AvenueJoinOptions = { protocol: PROTOCOL_VERSION };
  if (requestedShard) {
    try {
      const room = await client.joinById(requestedShard, options, AvenueState);
      return { room, shardUnavailable: false };
    } catch {
      const room = await client.joinOrCreate(AVENUE_ROOM, options, AvenueState);
      return { room, shardUnavailable: true };
    }
  }
  return { room: await client.joinOrCreate(AVENUE_ROOM, options, AvenueState), shardUnavailable: false };
}

/** The link that brings a friend into the same shard. */
export function inviteLink(shardId: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set("shard", shardId);
  return url.toString();
}
