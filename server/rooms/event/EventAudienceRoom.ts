/**
 * One audience shard of an event (`event_audience`, matched by `eventId`, at most
 * EVENT_SHARD_CAPACITY people: joining a full one opens or picks another; a friend joins a given
 * shard by its id while it has room). A walkable room (kernel/WalkableRoom.ts): its people see the
 * avatars of this shard only and its chat; the stage, held by one process (stageLeases.ts), reaches
 * every shard through presence and is re-sent here to each client. Presenters and moderators send
 * the console's commands and the stage channel from their shard. Admission is
 * server/events/admission.ts (invite-only: RSVPed guests and staff); attendance is recorded on join.
 */
import type { AuthContext, Client } from "@colyseus/core";
import type { SessionUser } from "../../../shared/auth.ts";
import { summarizeIssues } from "../../../shared/errors.ts";
import type { StageRole } from "../../../shared/events/admission.ts";
import {
  AUDIENCE_FLOOR,
  AudienceJoinOptions,
  AudienceProtocol,
  AudienceRefusals,
  AudienceState,
  EVENT_AUDIENCE_TICK_RATE,
  STAGE_REFUSAL_MESSAGES,
  type StageChatLine,
} from "../../../shared/events/audienceRoom.ts";
import { createStageState, type StageState as StageStateType } from "../../../shared/events/stage.ts";
import { isMuted } from "../../../shared/events/stageReducer.ts";
import { recordFact } from "../../analytics/facts.ts";
import { admitToStage } from "../../events/admission.ts";
import { addWatchTime, recordAttendance, WATCH_REPORT_EVERY_SECONDS } from "../../events/attendance.ts";
import { logFor } from "../../observability/log.ts";
import { roomContext } from "../context.ts";
import { type AvatarIdentity, identityFor } from "../kernel/identity.ts";
import { refuseJoin, sendAway } from "../kernel/refusals.ts";
import { WalkableRoom } from "../kernel/WalkableRoom.ts";
import { StageReply, StageState, stageChannels } from "./stageChannels.ts";
import { joinStage, leaveStage } from "./stageLeases.ts";

type State = InstanceType<typeof AudienceState>;

/** What the admission said of a client. */
export type AudienceAuth = { user: SessionUser | null; eventId: string; role: StageRole };

type Viewer = {
  viewerId: string;
  role: StageRole;
  name: string;
  userId: string | null;
  lastChatAt: number;
  /** The audience's watch time not yet reported (server clock, ms); null for staff and guests. */
  watchedSince: number | null;
  /** When this client joined (server clock, ms): its watch time is counted on leaving. */
  joinedAt: number;
};

export class EventAudienceRoom extends WalkableRoom<
  typeof AudienceProtocol,
  State,
  typeof AUDIENCE_FLOOR,
  AudienceAuth
> {
  override state = new AudienceState();

  private eventId = "";
  private channels = stageChannels("-");
  private stage: StageStateType = createStageState("-", "scheduled");
  private readonly viewers = new Map<string, Viewer>();
  private lines = 0;

  static override async onAuth(
    _token: string,
    options: unknown,
    context: AuthContext,
  ): Promise<AudienceAuth> {
    const parsed = AudienceJoinOptions.safeParse(options ?? {});
    if (!parsed.success)
      throw refuseJoin(
        AudienceRefusals,
        AudienceRefusals.make("invalid_options", { message: summarizeIssues(parsed.error) }),
      );
    const ctx = roomContext();
    const user = await ctx.resolveSession(context.headers.get("cookie") ?? undefined);
    const admission = await admitToStage(ctx.database, user, parsed.data.eventId, ctx.clock);
    if (!admission.allowed)
      throw refuseJoin(
        AudienceRefusals,
        AudienceRefusals.make(admission.reason, { message: admission.message, opensAt: admission.opensAt }),
      );
    return { user, eventId: parsed.data.eventId, role: admission.role };
  }

  constructor() {
    super({
      protocol: AudienceProtocol,
      layout: AUDIENCE_FLOOR,
      tickRate: EVENT_AUDIENCE_TICK_RATE,
      offFloorMessage: "That spot is not on the audience floor.",
    });
  }

  override messages = this.walkMessages({
    chat: (client, msg) => {
      const viewer = this.viewers.get(client.sessionId);
      if (!viewer) return;
      const now = this.now();
      const staff = viewer.role === "presenter" || viewer.role === "moderator";
      if (!staff && isMuted(this.stage, viewer.viewerId, now)) {
        this.sendTo(client, "chatRefused", {
          reason: "muted",
          message: "A moderator muted you for a while.",
          retryInSeconds: null,
        });
        return;
      }
      const slowMs = this.stage.moderation.slowModeSeconds * 1000;
      if (!staff && slowMs > 0 && now - viewer.lastChatAt < slowMs) {
        this.sendTo(client, "chatRefused", {
          reason: "slow_mode",
          message: "Slow mode is on: wait a moment before your next line.",
          retryInSeconds: Math.ceil((slowMs - (now - viewer.lastChatAt)) / 1000),
        });
        return;
      }
      viewer.lastChatAt = now;
      this.lines += 1;
      this.broadcastMessage("chatLine", {
        lineId: `${this.roomId}-${this.lines}`,
        viewerId: viewer.viewerId,
        name: viewer.name,
        text: msg.text,
        at: now,
      });
    },
    stageChat: (client, msg) => {
      const viewer = this.viewers.get(client.sessionId);
      if (!viewer) return;
      if (viewer.role !== "presenter" && viewer.role !== "moderator") {
        this.sendTo(client, "chatRefused", {
          reason: "not_allowed",
          message: "Only presenters and moderators write on the stage channel.",
          retryInSeconds: null,
        });
        return;
      }
      const line: StageChatLine = { name: viewer.name, role: viewer.role, text: msg.text, at: this.now() };
      void this.presence.publish(this.channels.stageChat, line);
    },
    stageAction: (client, action) => {
      const viewer = this.viewers.get(client.sessionId);
      if (!viewer) return;
      if (viewer.role !== "presenter" && viewer.role !== "moderator") {
        this.sendTo(client, "stageRefused", {
          action: action.type,
          reason: "not_allowed",
          message: STAGE_REFUSAL_MESSAGES.not_allowed,
        });
        return;
      }
      const as = { kind: "staff" as const, userId: viewer.userId ?? viewer.viewerId, name: viewer.name };
      void this.presence.publish(this.channels.commands, {
        action,
        actor: { role: viewer.role, as },
        replyTo: { shardId: this.roomId, sessionId: client.sessionId },
      });
    },
  });

  protected override async setUp(options: unknown): Promise<void> {
    const parsed = AudienceJoinOptions.safeParse(options ?? {});
    if (!parsed.success)
      throw new Error(`event_audience created without an event: ${summarizeIssues(parsed.error)}`);
    const ctx = roomContext();
    this.maxClients = ctx.eventShardCapacity;
    this.eventId = parsed.data.eventId;
    this.state.eventId = this.eventId;
    this.channels = stageChannels(this.eventId);
    this.stage = createStageState(this.eventId, "scheduled");
    await this.presence.subscribe(this.channels.stage, this.onStage);
    await this.presence.subscribe(this.channels.stageChat, this.onStageChat);
    await this.presence.subscribe(this.channels.replies, this.onReply);
    const stored = await this.presence.get(this.channels.stateKey);
    if (typeof stored === "string") this.onStage(JSON.parse(stored));
    await joinStage(this.eventId, this.roomId, this.stageDeps());
    // Watch time is reported as people leave, and every minute for those who stay (a crash loses
    // at most a minute of it).
    this.clock.setInterval(() => {
      for (const viewer of this.viewers.values()) this.reportWatchTime(viewer);
    }, WATCH_REPORT_EVERY_SECONDS * 1000);
  }

  /** Adds a signed-in viewer's watch time since the last report to their attendance. */
  private reportWatchTime(viewer: Viewer): void {
    if (viewer.watchedSince === null || viewer.userId === null) return;
    const now = this.now();
    const seconds = (now - viewer.watchedSince) / 1000;
    if (seconds < 1) return;
    viewer.watchedSince = now;
    const ctx = roomContext();
    addWatchTime(ctx.database, { eventId: this.eventId, userId: viewer.userId, seconds }, ctx.clock).catch(
      (error: unknown) =>
        logFor("events").error({ err: error, eventId: this.eventId }, "watch time not recorded"),
    );
  }

  protected override admit(client: Client): AvatarIdentity | null {
    const auth = this.authOf(client);
    if (!auth || auth.eventId !== this.eventId) {
      sendAway(client, AudienceRefusals, AudienceRefusals.make("wrong_event"));
      return null;
    }
    const identity = identityFor(auth.user, client.sessionId);
    const viewerId = auth.user ? `user:${auth.user.id}` : `guest:${client.sessionId}`;
    this.viewers.set(client.sessionId, {
      viewerId,
      role: auth.role,
      name: identity.name,
      userId: auth.user?.id ?? null,
      lastChatAt: Number.NEGATIVE_INFINITY,
      watchedSince: auth.user && (auth.role === "guest" || auth.role === "viewer") ? this.now() : null,
      joinedAt: this.now(),
    });
    void this.presence.hset(this.channels.viewersKey, viewerId, identity.name);
    this.sendTo(client, "welcome", { viewerId, role: auth.role, shardId: this.roomId });
    this.sendTo(client, "stage", { stage: this.stage, serverTime: this.now() });
    if (auth.user && (auth.role === "guest" || auth.role === "viewer")) {
      const ctx = roomContext();
      recordAttendance(ctx.database, { eventId: this.eventId, userId: auth.user.id }, ctx.clock).catch(
        (error: unknown) =>
          logFor("events").error({ err: error, eventId: this.eventId }, "attendance not recorded"),
      );
      recordFact({ kind: "event_attendance", itemId: this.eventId, visitor: { userId: auth.user.id } });
    }
    return identity;
  }

  protected override onDepart(client: Client): void {
    const viewer = this.viewers.get(client.sessionId);
    if (viewer) this.reportWatchTime(viewer);
    this.viewers.delete(client.sessionId);
    if (viewer?.userId && (viewer.role === "guest" || viewer.role === "viewer"))
      recordFact({
        kind: "event_watch",
        itemId: this.eventId,
        visitor: { userId: viewer.userId },
        valueMs: this.now() - viewer.joinedAt,
      });
    if (viewer && ![...this.viewers.values()].some((v) => v.viewerId === viewer.viewerId))
      void this.presence.hdel(this.channels.viewersKey, viewer.viewerId);
  }

  protected override async tearDown(): Promise<void> {
    await this.presence.unsubscribe(this.channels.stage, this.onStage);
    await this.presence.unsubscribe(this.channels.stageChat, this.onStageChat);
    await this.presence.unsubscribe(this.channels.replies, this.onReply);
    for (const viewer of this.viewers.values())
      await this.presence.hdel(this.channels.viewersKey, viewer.viewerId);
    await leaveStage(this.eventId, this.roomId, this.stageDeps());
  }

  /** The server's clock (the drops' clock, which tests control), in epoch ms. */
  private now(): number {
    return roomContext().clock.now().getTime();
  }

  private stageDeps() {
    const ctx = roomContext();
    return {
      presence: this.presence,
      database: ctx.database,
      clock: ctx.clock,
      hostName: ctx.host.fallbackScript.host.name,
    };
  }

  /** A newer stage (versions only grow) is re-sent to everyone here. */
  private readonly onStage = (raw: unknown): void => {
    const parsed = StageState.safeParse(raw);
    if (!parsed.success || parsed.data.eventId !== this.eventId) return;
    if (parsed.data.version < this.stage.version) return;
    this.stage = parsed.data;
    this.broadcastMessage("stage", { stage: this.stage, serverTime: this.now() });
  };

  private readonly onStageChat = (raw: unknown): void => {
    const parsed = AudienceProtocol.server.stageChatLine.safeParse(raw);
    if (parsed.success) this.broadcastMessage("stageChatLine", parsed.data);
  };

  private readonly onReply = (raw: unknown): void => {
    const parsed = StageReply.safeParse(raw);
    if (!parsed.success || parsed.data.shardId !== this.roomId) return;
    const client = this.clients.getById(parsed.data.sessionId);
    if (!client) return;
    const { action, reason } = parsed.data;
    this.sendTo(client, "stageRefused", { action, reason, message: STAGE_REFUSAL_MESSAGES[reason] });
  };
}
