/**
 * The host in one avenue room: runs the shared simulation on the room's fixed step, copies it into
 * HostState (hostStateSync.ts), and handles the chat (guards, filter, reports; delivery in
 * hostChatChannel.ts) and the questions addressed to the host. The room only forwards its
 * clients' messages and ticks here.
 */
import type { AvenueLayout } from "../../shared/avenue/layout.ts";
import type { Locale } from "../../shared/constants.ts";
import { addressedToHost } from "../../shared/host/addressing.ts";
import { ANSWER_LINES } from "../../shared/host/answerLines.ts";
import { isAffirmative } from "../../shared/host/answers.ts";
import {
  ChatMessageType,
  type ChatRefused,
  type ChatReportRequest,
  type ChatSend,
} from "../../shared/host/chatMessages.ts";
import type { DropFact } from "../../shared/host/dropFacts.ts";
import { normalizeText } from "../../shared/host/entities.ts";
import {
  createHostBrain,
  type HostBrain,
  type HostLineEvent,
  type LiveEventFact,
  type UpcomingDrop,
} from "../../shared/host/hostBrain.ts";
import {
  forgetVisitor,
  hostAnswer,
  leaveTour,
  requestLead,
  requestPresent,
  requestTour,
} from "../../shared/host/hostRequests.ts";
import { stepHost } from "../../shared/host/hostSim.ts";
import type { HostState } from "../../shared/host/hostState.ts";
import { type HostWorld, resolveHostWorld } from "../../shared/host/hostWorld.ts";
import { fillLine } from "../../shared/host/script.ts";
import { chatRefusalFor } from "../admin/chatStanding.ts";
import type { DbLike } from "../db/database.ts";
import { logFor } from "../observability/log.ts";
import { storeChatReport } from "./chatReports.ts";
import { HostChatChannel } from "./hostChatChannel.ts";
import type { ChatSpeaker, HostRoomPort } from "./hostRoomPort.ts";
import type { HostServices, HostSnapshot } from "./hostServices.ts";
import { syncHostState, upcomingOpenings } from "./hostStateSync.ts";
import { IntentWorkerClosed } from "./intentWorkerClient.ts";

export type { ChatSpeaker, HostRoomPort } from "./hostRoomPort.ts";

/** How long the host's offer to take someone to a boutique stands. */
export const OFFER_MS = 60_000;

/** How often the room re-reads the drop schedule for announcements. */
export const DROP_REFRESH_MS = 15_000;

export class AvenueHost {
  private readonly services: HostServices;
  private readonly database: DbLike;
  private readonly port: HostRoomPort;
  private readonly state: HostState;
  private readonly chatChannel: HostChatChannel;
  private snapshot: HostSnapshot | null = null;
  private world: HostWorld | null = null;
  private brain: HostBrain | null = null;
  private upcoming: UpcomingDrop[] = [];
  private liveEvents: LiveEventFact[] = [];
  /** Questions being answered (so a test or shutdown can wait for them). */
  private readonly pending = new Set<Promise<void>>();
  private readonly now: () => number;
  /** Offers to take someone to a boutique, by session: a "yes" within OFFER_MS accepts. */
  private readonly offers = new Map<string, { brandId: string; until: number; locale: Locale }>();

  constructor(deps: {
    services: HostServices;
    database: DbLike;
    port: HostRoomPort;
    state: HostState;
    /** The room's clock (the drops' clock), in epoch ms. */
    now: () => number;
  }) {
    this.now = deps.now;
    this.services = deps.services;
    this.database = deps.database;
    this.port = deps.port;
    this.state = deps.state;
    this.chatChannel = new HostChatChannel(deps.port);
  }

  /** Loads the scripts and places the host. */
  async start(layout: AvenueLayout): Promise<void> {
    await this.reload(layout);
    await this.refreshDrops();
  }

  /** Re-reads scripts and catalog (after a change was announced); the host keeps its place. */
  async reload(layout: AvenueLayout): Promise<void> {
    this.services.invalidate();
    const snapshot = await this.services.snapshot();
    // Train the intents now (in the worker) so that the next question does not wait for it.
    snapshot.classifier().catch((error: unknown) => {
      // Stopped by a shutdown while training: nothing went wrong.
      if (!(error instanceof IntentWorkerClosed)) logFor("host").error({ err: error }, "intents not trained");
    });
    const world = resolveHostWorld(snapshot.script, snapshot.brandLines, snapshot.catalog, layout);
    this.snapshot = snapshot;
    this.world = world;
    if (!this.brain) {
      this.brain = createHostBrain(world);
    } else {
      // Running tours and errands refer to the old world: let them go.
      this.brain.tour = null;
      this.brain.errand = null;
      this.brain.presentingProductId = "";
      this.brain.patrolIndex %= Math.max(1, world.pois.length);
    }
    this.state.name = world.name;
    // The state is whole from the first patch on (a client never sees a name without a place).
    this.sync(this.brain);
  }

  /** Re-reads the drop schedule, and the events live now (she announces those too). */
  async refreshDrops(): Promise<void> {
    const [drops, live] = await Promise.all([this.services.drops(), this.services.liveEvents()]);
    this.upcoming = upcomingOpenings(drops, this.now());
    this.liveEvents = live;
  }

  /** Used by `refreshDrops` and tests: the live events the host may announce. */
  setLiveEvents(live: LiveEventFact[]): void {
    this.liveEvents = live;
  }

  /** Used by `refreshDrops` and tests: the openings the host may announce. */
  setDrops(drops: DropFact[], nowMs: number): void {
    this.upcoming = upcomingOpenings(drops, nowMs);
  }

  /** One fixed step of the simulation. */
  tick(dt: number, nowMs: number): void {
    const brain = this.brain;
    const world = this.world;
    const snapshot = this.snapshot;
    if (!brain || !world || !snapshot) return;
    const events = stepHost(brain, world, {
      nowMs,
      dt,
      visitors: this.port.visitors(),
      drops: this.upcoming,
      liveEvents: this.liveEvents,
      announceLeadMs: snapshot.script.schedule.announceLeadMinutes * 60_000,
      announceEveryMs: snapshot.script.schedule.announceEveryMinutes * 60_000,
    });
    for (const event of events) this.sayLine(event, nowMs);
    this.sync(brain);
  }

  /** A chat line from a client. */
  async chat(speaker: ChatSpeaker, message: ChatSend, nowMs: number): Promise<void> {
    const key = speaker.userId ?? speaker.sessionId;
    // A moderator's mute or suspension applies from the next line on, in every room and process.
    const standing = speaker.userId
      ? await chatRefusalFor(this.database, speaker.userId, new Date(nowMs))
      : null;
    if (standing) {
      this.port.send(speaker.sessionId, ChatMessageType.chatRefused, standing);
      return;
    }
    const check = await this.services.chatGate.check(key, message.text);
    if (!check.ok) {
      this.port.send(speaker.sessionId, ChatMessageType.chatRefused, check.refusal satisfies ChatRefused);
      return;
    }
    const at = this.port.position(speaker.sessionId);
    this.chatChannel.postVisitorLine(speaker, message, check.text, at, nowMs);

    const brain = this.brain;
    if (!brain || !this.world || !at) return;
    if (this.acceptOffer(speaker, check.text, nowMs)) return;
    const distance = Math.hypot(at.x - brain.x, at.z - brain.z);
    const address = addressedToHost(check.text, this.world.name, message.channel, distance);
    if (!address.addressed || address.question.length === 0) return;
    const task = this.answer(speaker, address.question, message.lang).catch((error: unknown) => {
      // The person still gets an answer: the host does not know, rather than silence.
      logFor("host").error({ err: error }, "could not answer");
      const brain = this.brain;
      const script = this.snapshot?.script;
      if (!brain || !script) return;
      const now = this.now();
      const event = hostAnswer(brain, now, fillLine(script.lines.unknownGeneral), null);
      this.sayLine({ ...event, to: speaker.sessionId }, now, message.lang);
    });
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /** Join or leave the host's tour. */
  follow(sessionId: string, follow: boolean, nowMs: number): void {
    const brain = this.brain;
    const world = this.world;
    if (!brain || !world) return;
    if (follow) requestTour(brain, world, sessionId, nowMs);
    else leaveTour(brain, sessionId);
    this.sync(brain);
  }

  /** Someone reports a line they saw. */
  async report(reporter: ChatSpeaker, request: ChatReportRequest): Promise<void> {
    const reported = this.chatChannel.recent(request.messageId);
    if (!reported) {
      this.port.send(reporter.sessionId, ChatMessageType.chatRefused, {
        code: "invalid",
        message: "That line is too old or was never said here, so it cannot be reported.",
      } satisfies ChatRefused);
      return;
    }
    await storeChatReport(this.database, {
      reporterId: reporter.userId,
      reporterName: reporter.name,
      reason: request.reason,
      reported,
      context: this.chatChannel.around(request.messageId),
    });
    this.port.send(reporter.sessionId, ChatMessageType.chatReported, { messageId: request.messageId });
  }

  /** A visitor left the room. */
  leave(sessionId: string): void {
    if (this.brain) forgetVisitor(this.brain, sessionId);
    this.offers.delete(sessionId);
  }

  /** "Yes" to the host's standing offer: it says so and leads the way to the boutique. */
  private acceptOffer(speaker: ChatSpeaker, text: string, nowMs: number): boolean {
    const offer = this.offers.get(speaker.sessionId);
    if (!offer || offer.until < nowMs) return false;
    const reply = normalizeText(text.replace(/^\s*@\S+/u, ""));
    if (!isAffirmative(reply)) return false;
    this.offers.delete(speaker.sessionId);
    const brain = this.brain;
    const world = this.world;
    const boutique = world?.boutiques.get(offer.brandId);
    if (!brain || !world || !boutique) return false;
    const at = this.port.position(speaker.sessionId);
    const asker = at ? { id: speaker.sessionId, name: speaker.name, x: at.x, z: at.z } : null;
    const event = hostAnswer(brain, nowMs, fillLine(ANSWER_LINES.lead, { brand: boutique.brandName }), asker);
    this.sayLine(event, nowMs, offer.locale);
    requestLead(brain, world, offer.brandId, nowMs);
    this.sync(brain);
    return true;
  }

  /** Resolves once every question asked so far has been answered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** For tests and diagnostics. */
  get currentBrain(): HostBrain | null {
    return this.brain;
  }

  get currentWorld(): HostWorld | null {
    return this.world;
  }

  private async answer(speaker: ChatSpeaker, question: string, lang: Locale): Promise<void> {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const result = await this.services.answer(snapshot, {
      text: question,
      locale: lang,
      askerName: speaker.name,
    });
    const brain = this.brain;
    const world = this.world;
    if (!brain || !world) return;
    const now = this.now();
    const at = this.port.position(speaker.sessionId);
    const asker = at ? { id: speaker.sessionId, name: speaker.name, x: at.x, z: at.z } : null;
    const event = hostAnswer(brain, now, result.line, asker);
    this.sayLine(event, now, result.locale);
    if (result.offer)
      this.offers.set(speaker.sessionId, {
        brandId: result.offer.brandId,
        until: now + OFFER_MS,
        locale: result.locale,
      });
    else this.offers.delete(speaker.sessionId);
    // The line names the slots; the asker's page gets them as data to book one (HostHandoffCard).
    if (result.handoff) this.port.send(speaker.sessionId, ChatMessageType.hostHandoff, result.handoff);
    if (result.action?.kind === "tour") requestTour(brain, world, speaker.sessionId, now);
    else if (result.action?.kind === "present") requestPresent(brain, world, result.action.productId, now);
    else if (result.action?.kind === "lead") requestLead(brain, world, result.action.brandId, now);
    this.sync(brain);
  }

  private sayLine(event: HostLineEvent, nowMs: number, locale: Locale = "en"): void {
    const brain = this.brain;
    if (!brain) return;
    this.chatChannel.sayHostLine(brain, this.world?.name ?? "Host", event, nowMs, locale);
  }

  private sync(brain: HostBrain): void {
    syncHostState(this.state, brain);
  }
}
