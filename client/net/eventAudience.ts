/**
 * Joining one shard of a live event's audience (`event_audience`) with the session cookie; a refusal
 * comes back as the join's error, read with `AudienceRefusals.fromJoinError` (invite only, RSVP
 * needed, not open yet…). Identity never
 * travels in the options; the shard is picked by the server (or named, to join a friend's).
 */
import { Client, type Room } from "@colyseus/sdk";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import {
  type AudienceJoinOptions,
  AudienceState,
  EVENT_AUDIENCE_ROOM,
} from "../../shared/events/audienceRoom.ts";

export type AudienceRoom = Room<unknown, InstanceType<typeof AudienceState>>;

/** Joins the event's audience as the walkable driver wants it: the room, or the join's error. */
export function joinEventAudienceRoom(eventId: string, shardId?: string): Promise<AudienceRoom> {
  const client = new Client(window.location.origin);
  const options: AudienceJoinOptions = { protocol: PROTOCOL_VERSION, eventId };
  return shardId
    ? client.joinById(shardId, options, AudienceState)
    : client.joinOrCreate(EVENT_AUDIENCE_ROOM, options, AudienceState);
}
