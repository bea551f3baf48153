/**
 * The one authoritative stage of an event, run by whichever process holds its lease (stageLeases.ts).
 * It applies every command through the shared stage reducer, follows the event's phase on the
 * server's clock, publishes each new state to every shard (and stores it, so a shard that opens
 * later, or the next holder of the lease, starts from it), and appends what the replay keeps to the
 * event's timeline in batches.
 */
import type { Presence } from "@colyseus/core";
import {
  createEventHostMemory,
  type EventHostMemory,
  stepEventHost,
} from "../../../shared/events/eventHost.ts";
import { eventPhaseAt } from "../../../shared/events/eventView.ts";
import { createStageState, type StageState as StageStateType } from "../../../shared/events/stage.ts";
import { applyStageAction, setStageHostLine, setStagePhase } from "../../../shared/events/stageReducer.ts";
import type { TimelineDraft } from "../../../shared/events/timeline.ts";
import { TIMELINE_MAX_BATCH } from "../../../shared/events/timeline.ts";
import type { DbLike } from "../../db/database.ts";
import type { Clock } from "../../drops/clock.ts";
import { loadStageSetup, type StageSetup } from "../../events/stageSetup.ts";
import { appendTimeline } from "../../events/timeline.ts";
import { StageChatLine, StageCommand, type StageReply, StageState, stageChannels } from "./stageChannels.ts";

/** How often the stage looks at the clock (phase) and writes its timeline. */
export const STAGE_TICK_MS = 250;
const TIMELINE_FLUSH_TICKS = 4;

export type StageHostDeps = {
  presence: Presence;
  database: DbLike;
  clock: Clock;
  /** The host's name (her script's), for the event's host when she presents or co-hosts. */
  hostName: string;
};

export class StageHost {
  readonly eventId: string;
  private readonly deps: StageHostDeps;
  private readonly channels: ReturnType<typeof stageChannels>;
  private setup: StageSetup | null = null;
  private state: StageStateType;
  private pending: TimelineDraft[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private ticks = 0;
  private hostMemory: EventHostMemory = createEventHostMemory();
  private flushing: Promise<void> = Promise.resolve();

  constructor(eventId: string, deps: StageHostDeps) {
    this.eventId = eventId;
    this.deps = deps;
    this.channels = stageChannels(eventId);
    this.state = createStageState(eventId, "scheduled");
  }

  /** The stage as it stands (tests and diagnostics). */
  get current(): StageStateType {
    return this.state;
  }

  async start(): Promise<void> {
    this.setup = await loadStageSetup(this.deps.database, this.eventId, this.deps.hostName);
    const stored = await this.deps.presence.get(this.channels.stateKey);
    const parsed = typeof stored === "string" ? StageState.safeParse(JSON.parse(stored)) : null;
    const now = this.now();
    this.state = parsed?.success
      ? parsed.data
      : createStageState(this.eventId, eventPhaseAt(this.setup.times, now));
    // The host resumes where the last holder of the stage left her (each cue is said once).
    const memory = await this.deps.presence.get(this.channels.hostMemoryKey);
    if (typeof memory === "string") this.hostMemory = JSON.parse(memory) as EventHostMemory;
    await this.deps.presence.subscribe(this.channels.commands, this.onCommand);
    await this.deps.presence.subscribe(this.channels.stageChat, this.onStageChat);
    this.followPhase();
    this.stepHost();
    await this.publish();
    this.timer = setInterval(() => this.tick(), STAGE_TICK_MS);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.deps.presence.unsubscribe(this.channels.commands, this.onCommand);
    await this.deps.presence.unsubscribe(this.channels.stageChat, this.onStageChat);
    await this.flush();
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }

  private tick(): void {
    const phaseChanged = this.followPhase();
    const hostChanged = this.stepHost();
    if (phaseChanged || hostChanged) void this.publish();
    if (++this.ticks % TIMELINE_FLUSH_TICKS === 0) void this.flush();
  }

  /**
   * The host's step (shared/events/eventHost.ts): her stage actions go through the reducer as a
   * presenter's, her new line goes on stage. True when the stage changed.
   */
  private stepHost(): boolean {
    const event = this.setup?.hostEvent;
    if (!event || !this.setup) return false;
    const now = this.now();
    const step = stepEventHost(this.hostMemory, event, this.state, now);
    const said = step.memory.lineId !== this.hostMemory.lineId ? step.memory : null;
    this.hostMemory = step.memory;
    let changed = false;
    const actor = { role: "presenter" as const, as: { kind: "host" as const, name: event.hostName } };
    for (const action of step.actions) {
      const result = applyStageAction(
        this.state,
        action,
        actor,
        this.reducerContext(now, () => null),
      );
      if (!result.ok) continue;
      this.state = result.state;
      this.pending.push(...result.timeline);
      changed = true;
    }
    if (said?.line) {
      const next = setStageHostLine(
        this.state,
        { lineId: said.lineId, line: said.line, until: said.lineUntil },
        now,
      );
      this.state = next.state;
      this.pending.push(...next.timeline);
      changed = true;
    }
    if (changed || said)
      void this.deps.presence.set(this.channels.hostMemoryKey, JSON.stringify(this.hostMemory));
    return changed;
  }

  private reducerContext(nowMs: number, viewerName: (viewerId: string) => string | null) {
    const setup = this.setup as StageSetup;
    return { nowMs, products: setup.products, drop: setup.drop, viewerName };
  }

  /** Moves the stage to the event's phase now; true when it changed. */
  private followPhase(): boolean {
    if (!this.setup) return false;
    const phase = eventPhaseAt(this.setup.times, this.now());
    const { state, timeline } = setStagePhase(this.state, phase, this.now());
    if (state === this.state) return false;
    this.state = state;
    // The replay keeps the show: doors open, live and ended, not "scheduled".
    if (phase !== "scheduled") this.pending.push(...timeline);
    return true;
  }

  private readonly onCommand = async (raw: unknown): Promise<void> => {
    const parsed = StageCommand.safeParse(raw);
    const setup = this.setup;
    if (!parsed.success || !setup) return;
    const { action, actor, replyTo } = parsed.data;
    this.followPhase();
    // The reducer is synchronous: the one name it may need is looked up first.
    const invited = action.type === "invite_on_stage" ? action.viewerId : null;
    const invitedName = invited ? await this.deps.presence.hget(this.channels.viewersKey, invited) : null;
    const result = applyStageAction(
      this.state,
      action,
      actor,
      this.reducerContext(this.now(), (viewerId) => (viewerId === invited ? invitedName : null)),
    );
    if (!result.ok) {
      const reply: StageReply = { ...replyTo, action: action.type, reason: result.reason };
      await this.deps.presence.publish(this.channels.replies, reply);
      return;
    }
    this.state = result.state;
    this.pending.push(...result.timeline);
    await this.publish();
  };

  private readonly onStageChat = (raw: unknown): void => {
    const line = StageChatLine.safeParse(raw);
    if (!line.success) return;
    const { name, role, text, at } = line.data;
    this.pending.push({ at, kind: "stage_chat", payload: { name, role, text } });
  };

  /** Publishes the state to every shard and stores it for those that open later. */
  private async publish(): Promise<void> {
    const state = this.state;
    await this.deps.presence.set(this.channels.stateKey, JSON.stringify(state));
    await this.deps.presence.publish(this.channels.stage, state);
  }

  /** Appends what the replay keeps, in order, one append at a time. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, TIMELINE_MAX_BATCH);
        try {
          await appendTimeline(this.deps.database, this.eventId, batch);
        } catch (error) {
          console.error(`[events] timeline of ${this.eventId}: ${batch.length} entries lost:`, error);
        }
      }
    });
    return this.flushing;
  }
}
