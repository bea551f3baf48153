/**
 * The `event_audience` room: one shard of an event's audience. A walkable room (the floor in front of
 * the stage) whose clients see the avatars of their own shard only, the chat of their shard, and a
 * mirror of the one stage (shared/events/stage.ts) that every shard of every process receives
 * through presence. Presenters and moderators stand in a shard too and send the console's commands
 * (`stageAction`, the stage reducer's actions) and the stage channel (`stageChat`) from there.
 */
import { schema, t } from "@colyseus/schema";
import { z } from "zod";
import { defineRefusals } from "../protocol/refusals.ts";
import { RoomErrors } from "../protocol/roomErrors.ts";
import { defineRoomProtocol, messageTypes, protocolVersionOption } from "../protocol/roomProtocol.ts";
import { AvatarState } from "../walking/avatarState.ts";
import { WalkIntents } from "../walking/intents.ts";
import type { WalkableLayout } from "../walking/layout.ts";
import { ADMISSION_MESSAGES, StageRole } from "./admission.ts";
import { EventId } from "./eventSchedule.ts";
import { StageAction, StageRefusal, StageState, ViewerId } from "./stage.ts";

export const EVENT_AUDIENCE_ROOM = "event_audience";
/** Viewers per shard unless EVENT_SHARD_CAPACITY says otherwise. */
export const DEFAULT_EVENT_SHARD_CAPACITY = 150;
export const EVENT_AUDIENCE_TICK_RATE = 20;
export const EVENT_CHAT_MAX_CHARS = 300;

/** The audience floor: a hall facing the stage (the stage itself, at the north, is not walkable). */
export const AUDIENCE_FLOOR: WalkableLayout = {
  bounds: { minX: -12, maxX: 12, minZ: -6, maxZ: 12 },
  colliders: [{ kind: "rect", minX: -6, maxX: 6, minZ: -6, maxZ: -3 }],
  spawn: { x: 0, z: 9, heading: Math.PI },
};

export const AudienceJoinOptions = z
  .object({
    protocol: protocolVersionOption("This page is out of date: reload it to join the event."),
    eventId: EventId,
  })
  .strip();
export type AudienceJoinOptions = z.infer<typeof AudienceJoinOptions>;

/** Why someone may not be in an event's audience: the admission's reasons, and malformed options. */
export const AudienceRefusals = defineRefusals({
  reasons: [
    "not_found",
    "cancelled",
    "not_open_yet",
    "invite_only",
    "rsvp_required",
    "ended",
    "invalid_options",
    "wrong_event",
  ],
  messages: {
    ...ADMISSION_MESSAGES,
    invalid_options: "This page could not join the event: reload it.",
    wrong_event: "This shard belongs to another event.",
  },
  fields: { opensAt: z.iso.datetime().nullable().default(null) },
});
export type AudienceRefusal = z.infer<typeof AudienceRefusals.Refusal>;

/** The stage as a shard last received it, with the server's clock for countdowns. */
export const StageMirror = z.object({ stage: StageState, serverTime: z.number() });

/** A line of a shard's chat; `lineId` is unique across shards (moderators remove lines by it). */
export const AudienceChatLine = z.object({
  lineId: z.string(),
  viewerId: ViewerId,
  name: z.string(),
  text: z.string(),
  at: z.number(),
});

/** A line of the stage channel: written by presenters, moderators and the host, shown in every shard. */
export const StageChatLine = z.object({
  name: z.string(),
  role: z.enum(["presenter", "moderator", "host"]),
  text: z.string(),
  at: z.number(),
});
export type StageChatLine = z.infer<typeof StageChatLine>;

export const AudienceChatRefusal = z.enum(["muted", "slow_mode", "not_allowed"]);

export const AudienceProtocol = defineRoomProtocol({
  room: EVENT_AUDIENCE_ROOM,
  join: AudienceJoinOptions,
  client: {
    ...WalkIntents,
    chat: z.object({ text: z.string().trim().min(1).max(EVENT_CHAT_MAX_CHARS) }).strict(),
    stageChat: z.object({ text: z.string().trim().min(1).max(500) }).strict(),
    stageAction: StageAction,
  },
  server: {
    ...RoomErrors,
    refused: AudienceRefusals.Refusal,
    /** Who you are here (your viewer id and role), sent once on joining. */
    welcome: z.object({ viewerId: ViewerId, role: StageRole, shardId: z.string() }),
    stage: StageMirror,
    chatLine: AudienceChatLine,
    chatRefused: z.object({
      reason: AudienceChatRefusal,
      message: z.string(),
      retryInSeconds: z.number().nullable(),
    }),
    stageChatLine: StageChatLine,
    stageRefused: z.object({ action: z.string(), reason: StageRefusal, message: z.string() }),
  },
});
export const AudienceServerMessage = messageTypes(AudienceProtocol.server);

export const AudienceState = schema({ avatars: t.map(AvatarState), eventId: t.string() }, "AudienceState");

/** Messages for people, one per refused stage action. */
export const STAGE_REFUSAL_MESSAGES: Record<StageRefusal, string> = {
  not_allowed: "Only the event's presenters (and moderators, for moderation) may do that.",
  ended: "The show has ended.",
  unknown_product: "That product is not part of this event.",
  unknown_variant: "That product has no such variant.",
  nothing_on_stage: "Put a product on stage first.",
  pins_full: "Three products are pinned already: unpin one first.",
  not_pinned: "That product is not pinned.",
  no_drop: "This event has no drop.",
  drop_already_open: "The drop is open already.",
  viewer_not_here: "That viewer is not in the audience.",
  stage_full: "Three guests are on stage already.",
  not_on_stage: "That viewer is not on stage.",
};
