/**
 * How an event's one stage and its audience shards talk through presence (LocalPresence in one
 * process, RedisPresence across processes): the channels, the stored keys, and what travels on each.
 * The stage is held by one process at a time (a lease key), publishes each new state on `stage` and
 * stores it under `stateKey`; shards forward presenter commands on `commands`, and write the stage
 * channel on `stageChat`, which every shard and the stage (for the replay) hear.
 */
import { z } from "zod";
import { StageChatLine } from "../../../shared/events/audienceRoom.ts";
import { StageAction, StagePresenter, StageRefusal, StageState } from "../../../shared/events/stage.ts";

export const stageChannels = (eventId: string) => {
  const base = `vitrine:event:${eventId}`;
  return {
    stage: `${base}:stage`,
    commands: `${base}:commands`,
    replies: `${base}:replies`,
    stageChat: `${base}:stage-chat`,
    stateKey: `${base}:stage-state`,
    leaseKey: `${base}:stage-lease`,
    /** What the host said (her memory), so the next holder of the stage does not repeat her. */
    hostMemoryKey: `${base}:host-memory`,
    /** viewerId → display name, for everyone in any shard (invite on stage needs the name). */
    viewersKey: `${base}:viewers`,
  };
};

/** A presenter's or moderator's command, forwarded by the shard they stand in. */
export const StageCommand = z.object({
  action: StageAction,
  actor: z.object({ role: z.enum(["presenter", "moderator"]), as: StagePresenter }),
  replyTo: z.object({ shardId: z.string(), sessionId: z.string() }),
});
export type StageCommand = z.input<typeof StageCommand>;

/** The stage's refusal of a command, for the shard that forwarded it. */
export const StageReply = z.object({
  shardId: z.string(),
  sessionId: z.string(),
  action: z.string(),
  reason: StageRefusal,
});
export type StageReply = z.infer<typeof StageReply>;

export { StageChatLine, StageState };
