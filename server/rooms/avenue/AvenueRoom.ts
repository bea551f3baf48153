import { type AuthContext, type Client, CloseCode, Room, ServerError } from "@colyseus/core";
import type { z } from "zod";
import type { SessionUser } from "../../../shared/auth.ts";
import { type AvenueLayout, layoutAvenue } from "../../../shared/avenue/layout.ts";
import {
  AvenueClientMessages,
  AvenueJoinOptions,
  ServerMessageType,
} from "../../../shared/avenue/messages.ts";
import { directionTowards, isWalkable, stepPose } from "../../../shared/avenue/movement.ts";
import { AvatarAnim, AvatarState, AvenueState } from "../../../shared/avenue/state.ts";
import {
  AVENUE_TICK_RATE,
  MAX_INVALID_MESSAGES,
  MAX_MESSAGES_PER_SECOND,
  PATCH_INTERVAL_MS,
  RECONNECT_GRACE_SECONDS,
  VIEW_REFRESH_MS,
} from "../../../shared/constants.ts";
import { describeIssues, ErrorCode, summarizeIssues } from "../../../shared/errors.ts";
import { ChatReportRequest, ChatSend, HostFollow } from "../../../shared/host/chatMessages.ts";
import { AvenueHost, DROP_REFRESH_MS } from "../../host/avenueHost.ts";
import { HOST_SCRIPT_CHANGED_CHANNEL } from "../../host/hostServices.ts";
import { CATALOG_CHANGED_CHANNEL, roomContext } from "../context.ts";
import { type AvatarIdentity, identityFor, lookFor } from "./identity.ts";
import { AvatarInterest } from "./interest.ts";
import { onProtocolError } from "./protocolErrors.ts";

type AuthResult = { user: SessionUser | null };

/** Server-only control state of one avatar: what its owner asked for. Never synchronised. */
type Control = {
  dirX: number;
  dirZ: number;
  target: { x: number; z: number } | null;
  invalidMessages: number;
  identity: AvatarIdentity;
};

/** WebSocket close code sent by `ws` when a frame exceeds maxPayload. */
const MESSAGE_TOO_BIG = 1009;

/**
 * One shard of the avenue. Simulates avatars on a fixed step with the shared movement rules, syncs
 * them at 20 Hz, and trusts nothing a client sends beyond a validated intent.
 */
export class AvenueRoom extends Room<{ state: InstanceType<typeof AvenueState> }> {
  override state = new AvenueState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  override patchRate = PATCH_INTERVAL_MS;

  private layout: AvenueLayout = layoutAvenue([]);
  private interest = new AvatarInterest(roomContext().avenueViewRadius);
  private readonly controls = new Map<string, Control>();
  /** Sessions whose socket broke the protocol (e.g. an oversized frame): no reconnection for them. */
  private readonly protocolViolators = new Set<string>();
  /** The avenue's host and the chat (server/host). */
  readonly host: AvenueHost = new AvenueHost({
    services: roomContext().host,
    database: roomContext().database,
    state: this.state.host,
    now: () => roomContext().clock.now().getTime(),
    port: {
      roomId: () => this.roomId,
      visitors: () => {
        const out = [];
        for (const [id, a] of this.state.avatars) {
          const person = this.controls.get(id)?.identity.userId ?? id;
          if (a.connected) out.push({ id, name: a.name, x: a.x, z: a.z, person });
        }
        return out;
      },
      position: (sessionId) => {
        const a = this.state.avatars.get(sessionId);
        return a ? { x: a.x, z: a.z } : null;
      },
      send: (sessionId, type, payload) => this.clients.getById(sessionId)?.send(type, payload),
      sendNear: (x, z, radius, type, payload) => {
        for (const client of this.clients) {
          const a = this.state.avatars.get(client.sessionId);
          if (a && Math.hypot(a.x - x, a.z - z) <= radius) client.send(type, payload);
        }
      },
      broadcast: (type, payload) => this.broadcast(type, payload),
    },
  });

  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<AuthResult> {
    const parsed = AvenueJoinOptions.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(400, summarizeIssues(parsed.error));
    const user = await roomContext().resolveSession(context.headers.get("cookie") ?? undefined);
    return { user };
  }

  override async onCreate(): Promise<void> {
    const ctx = roomContext();
    this.maxClients = ctx.avenueShardCapacity;
    await this.reloadLayout();
    await this.host.start(this.layout);
    this.setFixedTimestep(({ dt }) => this.step(dt), AVENUE_TICK_RATE);
    this.clock.setInterval(() => this.interest.refresh(this.clients, this.state.avatars), VIEW_REFRESH_MS);
    this.clock.setInterval(() => {
      this.host.refreshDrops().catch((error: unknown) => console.error("[host] drop schedule:", error));
    }, DROP_REFRESH_MS);
    await this.presence.subscribe(CATALOG_CHANGED_CHANNEL, this.onCatalogChanged);
    await this.presence.subscribe(HOST_SCRIPT_CHANGED_CHANNEL, this.onHostScriptChanged);
  }

  override messages = {
    move: this.intent(AvenueClientMessages.move, (client, msg) => {
      const control = this.controls.get(client.sessionId);
      if (!control) return;
      control.dirX = msg.dirX;
      control.dirZ = msg.dirZ;
      control.target = null;
    }),
    moveTo: this.intent(AvenueClientMessages.moveTo, (client, msg) => {
      const control = this.controls.get(client.sessionId);
      if (!control) return;
      if (!isWalkable(this.layout, msg.x, msg.z)) {
        client.send(ServerMessageType.error, {
          code: ErrorCode.outOfBounds,
          message: "That spot is not on the walkable avenue.",
          details: { x: msg.x, z: msg.z, bounds: this.layout.bounds },
        });
        return;
      }
      control.target = { x: msg.x, z: msg.z };
      control.dirX = 0;
      control.dirZ = 0;
    }),
    chat: this.intent(ChatSend, (client, msg) => {
      const control = this.controls.get(client.sessionId);
      if (!control) return;
      this.host
        .chat({ sessionId: client.sessionId, ...control.identity }, msg, this.now())
        .catch((error: unknown) => console.error("[chat] line lost:", error));
    }),
    chatReport: this.intent(ChatReportRequest, (client, msg) => {
      const control = this.controls.get(client.sessionId);
      if (!control) return;
      this.host
        .report({ sessionId: client.sessionId, ...control.identity }, msg)
        .catch((error: unknown) => console.error("[chat] report lost:", error));
    }),
    hostFollow: this.intent(HostFollow, (client, msg) => {
      this.host.follow(client.sessionId, msg.follow, this.now());
    }),
  };

  override onJoin(client: Client<{ auth: AuthResult }>): void {
    const identity = identityFor(client.auth?.user ?? null, client.sessionId);
    const spawn = this.spawnPoint(this.state.avatars.size);
    const avatar = new AvatarState().assign({
      name: identity.name,
      kind: identity.kind,
      look: lookFor(identity.userId ?? client.sessionId),
      x: spawn.x,
      z: spawn.z,
      heading: this.layout.spawn.heading,
      anim: AvatarAnim.idle,
      connected: true,
    });
    this.state.avatars.set(client.sessionId, avatar);
    this.controls.set(client.sessionId, { dirX: 0, dirZ: 0, target: null, invalidMessages: 0, identity });
    this.interest.attach(client, avatar);
    this.interest.refresh(this.clients, this.state.avatars);
    onProtocolError(client, () => this.protocolViolators.add(client.sessionId));
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    // A client we closed for misbehaving does not get its seat back. The close code alone does not
    // tell: a peer that never answers our 1009 close frame shows up as 1006.
    const brokeProtocol = this.protocolViolators.delete(client.sessionId);
    if (brokeProtocol || code === CloseCode.WITH_ERROR || code === MESSAGE_TOO_BIG) return;
    const avatar = this.state.avatars.get(client.sessionId);
    const control = this.controls.get(client.sessionId);
    if (avatar) avatar.connected = false;
    if (control) Object.assign(control, { dirX: 0, dirZ: 0, target: null });
    try {
      const returned = await this.allowReconnection(client, RECONNECT_GRACE_SECONDS);
      const back = this.state.avatars.get(client.sessionId);
      if (back) back.connected = true;
      this.interest.attach(returned, back);
      this.interest.refresh(this.clients, this.state.avatars);
    } catch {
      // Not back in time: onLeave removes the avatar.
    }
  }

  override onLeave(client: Client): void {
    this.state.avatars.delete(client.sessionId);
    this.controls.delete(client.sessionId);
    this.protocolViolators.delete(client.sessionId);
    this.host.leave(client.sessionId);
  }

  override async onDispose(): Promise<void> {
    await this.presence.unsubscribe(CATALOG_CHANGED_CHANNEL, this.onCatalogChanged);
    await this.presence.unsubscribe(HOST_SCRIPT_CHANGED_CHANNEL, this.onHostScriptChanged);
  }

  /** The avenue's walkable layout, for tests and diagnostics. */
  get currentLayout(): AvenueLayout {
    return this.layout;
  }

  private step(dt: number): void {
    for (const [sessionId, avatar] of this.state.avatars) {
      const control = this.controls.get(sessionId);
      if (!control) continue;
      let dirX = control.dirX;
      let dirZ = control.dirZ;
      if (control.target) {
        const dir = directionTowards(avatar, control.target);
        if (dir) {
          dirX = dir.x;
          dirZ = dir.z;
        } else {
          control.target = null;
        }
      }
      const moving = dirX !== 0 || dirZ !== 0;
      if (moving) {
        const next = stepPose(avatar, dirX, dirZ, dt, this.layout);
        avatar.x = next.x;
        avatar.z = next.z;
        avatar.heading = next.heading;
      }
      const anim = moving ? AvatarAnim.walk : AvatarAnim.idle;
      if (avatar.anim !== anim) avatar.anim = anim;
    }
    this.host.tick(dt, this.now());
  }

  /** The server's clock (the drops' clock, which tests control), in epoch ms. */
  private now(): number {
    return roomContext().clock.now().getTime();
  }

  /** Spawn positions fan out around the plaza so arrivals do not stack on one spot. */
  private spawnPoint(index: number): { x: number; z: number } {
    const angle = index * 2.399963; // golden angle
    const radius = 0.9 * Math.sqrt(index % 40);
    const p = {
      x: this.layout.spawn.x + Math.cos(angle) * radius,
      z: this.layout.spawn.z + Math.sin(angle) * radius,
    };
    return isWalkable(this.layout, p.x, p.z) ? p : { x: this.layout.spawn.x, z: this.layout.spawn.z };
  }

  private async reloadLayout(): Promise<void> {
    const catalog = await roomContext().loadCatalog();
    this.layout = layoutAvenue(catalog.brands.map((b) => b.id));
  }

  private readonly onCatalogChanged = async (): Promise<void> => {
    await this.reloadLayout();
    this.state.catalogVersion += 1;
    await this.reloadHost();
  };

  private readonly onHostScriptChanged = async (): Promise<void> => {
    await this.reloadHost();
  };

  /** The host re-reads its scripts; if it cannot, it carries on with the ones it has. */
  private async reloadHost(): Promise<void> {
    await this.host
      .reload(this.layout)
      .catch((error: unknown) => console.error("[host] reload failed:", error));
  }

  /**
   * Wraps a handler with its zod schema. A bad payload is answered with a named reason; a client
   * that keeps sending them is disconnected, and the room carries on.
   */
  private intent<S extends z.ZodType>(schema: S, handler: (client: Client, message: z.infer<S>) => void) {
    return (client: Client, raw: unknown) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        handler(client, parsed.data);
        return;
      }
      const control = this.controls.get(client.sessionId);
      const strikes = control ? ++control.invalidMessages : MAX_INVALID_MESSAGES;
      client.send(ServerMessageType.error, {
        code: ErrorCode.invalidMessage,
        message: `Message refused: ${summarizeIssues(parsed.error)}`,
        details: describeIssues(parsed.error),
      });
      if (strikes >= MAX_INVALID_MESSAGES) client.leave(CloseCode.WITH_ERROR, "too many invalid messages");
    };
  }
}
