/**
 * Joining one shard of a live event's audience (`event_audience`) with the session cookie: in, or
 * refused with the room's named reason (invite only, RSVP needed, not open yet…). Identity never
 * travels in the options; the shard is picked by the server (or named, to join a friend's).
 */
import { Client, type Room } from "@colyseus/sdk";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import {
  type AudienceJoinOptions,
  type AudienceRefusal,
  AudienceRefusals,
  AudienceState,
  EVENT_AUDIENCE_ROOM,
} from "../../shared/events/audienceRoom.ts";

export type AudienceRoom = Room<unknown, InstanceType<typeof AudienceState>>;
export type AudienceJoin = { room: AudienceRoom; refusal: null } | { room: null; refusal: AudienceRefusal };

/** Joins the event's audience (a given shard when `shardId` is set). Other failures reject. */
export async function joinEventAudience(eventId: string, shardId?: string): Promise<AudienceJoin> {
  const client = new Client(window.location.origin);
  const options: AudienceJoinOptions = { protocol: PROTOCOL_VERSION, eventId };
  try {
    const room = shardId
      ? await client.joinById(shardId, options, AudienceState)
      : await client.joinOrCreate(EVENT_AUDIENCE_ROOM, options, AudienceState);
    return { room, refusal: null };
  } catch (error) {
    const refusal = AudienceRefusals.fromJoinError(error);
    if (refusal) return { room: null, refusal };
    throw error;
  }
}
