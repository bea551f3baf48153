/**
 * The host in one avenue room: runs the shared simulation on the room's fixed step, copies it into
 * HostState, and handles the chat (guards, filter, nearby/shard delivery, reports) and the
 * questions addressed to the host. The room only forwards its clients' messages and ticks here.
 */
import type { AvenueLayout } from "../../shared/avenue/layout.ts";
import type { Locale } from "../../shared/constants.ts";
import { addressedToHost } from "../../shared/host/addressing.ts";
import { ANSWER_LINES } from "../../shared/host/answerLines.ts";
import { isAffirmative } from "../../shared/host/answers.ts";
import {
  CHAT_NEARBY_RADIUS,
  type ChatLine,
  ChatMessageType,
  type ChatRefused,
  type ChatReportRequest,
  type ChatSend,
  type LocalizedLine,
} from "../../shared/host/chatMessages.ts";
import { type DropFact, nextOpening } from "../../shared/host/dropFacts.ts";
import { normalizeText } from "../../shared/host/entities.ts";
import {
  createHostBrain,
  followerCount,
  forgetVisitor,
  type HostBrain,
  type HostLineEvent,
  type HostVisitor,
  hostAnswer,
  leaveTour,
  requestLead,
  requestPresent,
  requestTour,
  stepHost,
  type UpcomingDrop,
} from "../../shared/host/hostSim.ts";
import type { HostState } from "../../shared/host/hostState.ts";
import { type HostWorld, resolveHostWorld } from "../../shared/host/hostWorld.ts";
import { fillLine } from "../../shared/host/script.ts";
import type { DbLike } from "../db/database.ts";
import { logFor } from "../observability/log.ts";
import { storeChatReport } from "./chatReports.ts";
import { ChatBuffer } from "./chatSafety.ts";
import type { HostServices, HostSnapshot } from "./hostServices.ts";
import { IntentWorkerClosed } from "./intentWorkerClient.ts";

/** How long the host's offer to take someone to a boutique stands. */
export const OFFER_MS = 60_000;

/** How often the room re-reads the drop schedule for announcements. */
export const DROP_REFRESH_MS = 15_000;

export type ChatSpeaker = {
  sessionId: string;
  userId: string | null;
  name: string;
  kind: "guest" | "shopper" | "staff" | "admin";
};

/** What the host needs from its room. */
export type HostRoomPort = {
  roomId(): string;
  /** Connected avatars (not the host) with their positions. */
  visitors(): HostVisitor[];
  position(sessionId: string): { x: number; z: number } | null;
  send(sessionId: string, type: string, payload: unknown): void;
  /** To every client whose avatar is within `radius` of (x, z). */
  sendNear(x: number, z: number, radius: number, type: string, payload: unknown): void;
  broadcast(type: string, payload: unknown): void;
};

export class AvenueHost {
  private readonly services: HostServices;
  private readonly database: DbLike;
  private readonly port: HostRoomPort;
  private readonly state: HostState;
  private readonly buffer = new ChatBuffer();
  private snapshot: HostSnapshot | null = null;
  private world: HostWorld | null = null;
  private brain: HostBrain | null = null;
  private upcoming: UpcomingDrop[] = [];
  private lineSeq = 0;
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

  /** Re-reads the drop schedule. */
  async refreshDrops(): Promise<void> {
    const drops = await this.services.drops();
    this.upcoming = toUpcoming(drops, this.now());
  }

  /** Used by `refreshDrops` and tests: the openings the host may announce. */
  setDrops(drops: DropFact[], nowMs: number): void {
    this.upcoming = toUpcoming(drops, nowMs);
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
      announceLeadMs: snapshot.script.schedule.announceLeadMinutes * 60_000,
      announceEveryMs: snapshot.script.schedule.announceEveryMinutes * 60_000,
    });
    for (const event of events) this.sayLine(event, nowMs);
    this.sync(brain);
  }

  /** A chat line from a client. */
  async chat(speaker: ChatSpeaker, message: ChatSend, nowMs: number): Promise<void> {
    const key = speaker.userId ?? speaker.sessionId;
    const check = await this.services.chatGate.check(key, message.text);
    if (!check.ok) {
      this.port.send(speaker.sessionId, ChatMessageType.chatRefused, check.refusal satisfies ChatRefused);
      return;
    }
    const at = this.port.position(speaker.sessionId);
    const line: ChatLine = {
      id: this.nextLineId(),
      channel: message.channel,
      at: nowMs,
      from: { sessionId: speaker.sessionId, name: speaker.name, kind: speaker.kind },
      text: check.text,
      ...(at ? { x: at.x, z: at.z } : {}),
    };
    this.buffer.add({ line, authorUserId: speaker.userId, roomId: this.port.roomId() });
    if (message.channel === "nearby" && at)
      this.port.sendNear(at.x, at.z, CHAT_NEARBY_RADIUS, ChatMessageType.chatLine, line);
    else this.port.broadcast(ChatMessageType.chatLine, line);

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
    const reported = this.buffer.get(request.messageId);
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
    if (result.action?.kind === "tour") requestTour(brain, world, speaker.sessionId, now);
    else if (result.action?.kind === "present") requestPresent(brain, world, result.action.productId, now);
    else if (result.action?.kind === "lead") requestLead(brain, world, result.action.brandId, now);
    this.sync(brain);
  }

  private sayLine(event: HostLineEvent, nowMs: number, locale: Locale = "en"): void {
    const brain = this.brain;
    if (!brain) return;
    const line: ChatLine = {
      id: this.nextLineId(),
      channel: event.channel,
      at: nowMs,
      from: { sessionId: "host", name: this.world?.name ?? "Host", kind: "host" },
      text: event.line[locale],
      localized: event.line,
      x: brain.x,
      z: brain.z,
      ...(event.to ? { to: event.to } : {}),
    };
    this.buffer.add({ line, authorUserId: null, roomId: this.port.roomId() });
    if (event.channel === "nearby") {
      this.port.sendNear(brain.x, brain.z, CHAT_NEARBY_RADIUS, ChatMessageType.chatLine, line);
      // The asker hears the answer even from farther away (they addressed the host by name).
      if (event.to) {
        const at = this.port.position(event.to);
        if (at && Math.hypot(at.x - brain.x, at.z - brain.z) > CHAT_NEARBY_RADIUS) {
          this.port.send(event.to, ChatMessageType.chatLine, line);
        }
      }
    } else {
      this.port.broadcast(ChatMessageType.chatLine, line);
    }
  }

  private nextLineId(): string {
    this.lineSeq += 1;
    return `${this.port.roomId()}:${this.lineSeq}`;
  }

  /** Copies the brain into the synchronised state (only what changed). */
  private sync(brain: HostBrain): void {
    const s = this.state;
    if (s.x !== brain.x) s.x = brain.x;
    if (s.z !== brain.z) s.z = brain.z;
    if (s.heading !== brain.heading) s.heading = brain.heading;
    if (s.anim !== brain.anim) s.anim = brain.anim;
    if (s.mode !== brain.mode) s.mode = brain.mode;
    if (s.lineId !== brain.lineId) {
      s.lineId = brain.lineId;
      const line: LocalizedLine | null = brain.line;
      s.line.clear();
      if (line) for (const [locale, text] of Object.entries(line)) s.line.set(locale, text);
      s.lineUntil = brain.lineUntil;
    }
    if (s.presentingProductId !== brain.presentingProductId)
      s.presentingProductId = brain.presentingProductId;
    const tourId = brain.tour?.tour.id ?? "";
    if (s.tourId !== tourId) s.tourId = tourId;
    const stop = brain.tour ? Math.max(-1, Math.min(127, brain.tour.stop)) : -1;
    if (s.tourStop !== stop) s.tourStop = stop;
    const followers = Math.min(255, followerCount(brain));
    if (s.followers !== followers) s.followers = followers;
    if (s.lookAtX !== brain.lookAt.x) s.lookAtX = brain.lookAt.x;
    if (s.lookAtZ !== brain.lookAt.z) s.lookAtZ = brain.lookAt.z;
    if (s.announceDropId !== brain.announceDropId) s.announceDropId = brain.announceDropId;
    if (s.announceAt !== brain.announceAt) s.announceAt = brain.announceAt;
  }
}

function toUpcoming(drops: DropFact[], nowMs: number): UpcomingDrop[] {
  const out: UpcomingDrop[] = [];
  for (const d of drops) {
    const opening = nextOpening(d, nowMs);
    if (opening) out.push({ dropId: d.dropId, brandId: d.brandId, title: d.title, opensAt: opening.at });
  }
  return out;
}
