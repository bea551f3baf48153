/**
 * One shard of the avenue: a walkable room (kernel/WalkableRoom.ts) on the avenue's layout, which
 * follows the catalog, with the host and the chat as its own (server/host), and interest
 * management so far avatars stay off the wire.
 */
import type { AuthContext, Client } from "@colyseus/core";
import { type AvenueLayout, layoutAvenue } from "../../../shared/avenue/layout.ts";
import { AvenueJoinOptions, AvenueProtocol } from "../../../shared/avenue/protocol.ts";
import { AvenueState } from "../../../shared/avenue/state.ts";
import { AVENUE_TICK_RATE } from "../../../shared/constants.ts";
import { isMessageType } from "../../../shared/protocol/roomProtocol.ts";
import { AvenueFacts } from "../../analytics/avenueFacts.ts";
import { factSink } from "../../analytics/facts.ts";
import { AvenueHost, DROP_REFRESH_MS, type HostRoomPort } from "../../host/avenueHost.ts";
import { HOST_SCRIPT_CHANGED_CHANNEL } from "../../host/hostServices.ts";
import { logFor } from "../../observability/log.ts";
import { CATALOG_CHANGED_CHANNEL, roomContext } from "../context.ts";
import { joinBySession, type SessionAuth } from "../kernel/admission.ts";
import { AvatarInterest } from "../kernel/interest.ts";
import { WalkableRoom } from "../kernel/WalkableRoom.ts";

type State = InstanceType<typeof AvenueState>;

export class AvenueRoom extends WalkableRoom<typeof AvenueProtocol, State, AvenueLayout> {
  override state = new AvenueState();

  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<SessionAuth> {
    return joinBySession("avenue", AvenueJoinOptions, options, context);
  }

  constructor() {
    super({
      protocol: AvenueProtocol,
      layout: layoutAvenue([]),
      tickRate: AVENUE_TICK_RATE,
      offFloorMessage: "That spot is not on the walkable avenue.",
      interest: new AvatarInterest(roomContext().avenueViewRadius),
    });
  }

  /** Visits, boutique passes and window dwell (server/analytics/avenueFacts.ts). */
  private readonly facts = new AvenueFacts(factSink(), (id) => this.walkerOf(id));

  /** The avenue's host and the chat (server/host). */
  readonly host: AvenueHost = new AvenueHost({
    services: roomContext().host,
    database: roomContext().database,
    state: this.state.host,
    now: () => this.now(),
    port: this.hostPort(),
  });

  override messages = this.walkMessages({
    chat: (client, msg) => {
      const speaker = this.speaker(client);
      if (!speaker) return;
      this.host
        .chat(speaker, msg, this.now())
        .catch((error: unknown) => logFor("chat").error({ err: error }, "line lost"));
    },
    chatReport: (client, msg) => {
      const speaker = this.speaker(client);
      if (!speaker) return;
      this.host
        .report(speaker, msg)
        .catch((error: unknown) => logFor("chat").error({ err: error }, "report lost"));
    },
    hostFollow: (client, msg) => {
      this.host.follow(client.sessionId, msg.follow, this.now());
    },
  });

  protected override async setUp(): Promise<void> {
    this.maxClients = roomContext().avenueShardCapacity;
    await this.reloadLayout();
    await this.host.start(this.layout);
    this.clock.setInterval(() => {
      this.host
        .refreshDrops()
        .catch((error: unknown) => logFor("host").error({ err: error }, "drop schedule"));
    }, DROP_REFRESH_MS);
    await this.presence.subscribe(CATALOG_CHANGED_CHANNEL, this.onCatalogChanged);
    await this.presence.subscribe(HOST_SCRIPT_CHANGED_CHANNEL, this.onHostScriptChanged);
  }

  protected override admit(client: Client) {
    const identity = super.admit(client);
    if (identity) this.facts.visit(identity.userId, client.sessionId);
    return identity;
  }

  protected override onStep(dt: number): void {
    this.host.tick(dt, this.now());
    this.facts.step(this.poses, this.now());
  }

  protected override onDepart(client: Client): void {
    this.host.leave(client.sessionId);
    this.facts.depart(client.sessionId, this.now());
  }

  protected override async tearDown(): Promise<void> {
    await this.presence.unsubscribe(CATALOG_CHANGED_CHANNEL, this.onCatalogChanged);
    await this.presence.unsubscribe(HOST_SCRIPT_CHANGED_CHANNEL, this.onHostScriptChanged);
  }

  /** The server's clock (the drops' clock, which tests control), in epoch ms. */
  private now(): number {
    return roomContext().clock.now().getTime();
  }

  /** Who is speaking in the chat: the session's identity, decided by the server. */
  private speaker(client: Client) {
    const walker = this.walkerOf(client.sessionId);
    return walker ? { sessionId: client.sessionId, ...walker.identity } : null;
  }

  /** What the host may see and do of this room. */
  private hostPort(): HostRoomPort {
    // The host names its messages as strings; only the avenue's server → client messages go out.
    const checked = (type: string, send: (type: string) => void) => {
      if (isMessageType(AvenueProtocol.server, type)) send(type);
      else logFor("host").error({ type }, "not an avenue message");
    };
    return {
      roomId: () => this.roomId,
      visitors: () => {
        const out = [];
        for (const [id, a] of this.state.avatars) {
          const person = this.walkerOf(id)?.identity.userId ?? id;
          const p = this.poses.get(id);
          if (a.connected && p) out.push({ id, name: a.name, x: p.x, z: p.z, person });
        }
        return out;
      },
      position: (sessionId) => {
        const p = this.poses.get(sessionId);
        return p ? { x: p.x, z: p.z } : null;
      },
      send: (sessionId, type, payload) =>
        checked(type, (t) => this.clients.getById(sessionId)?.send(t, payload)),
      sendNear: (x, z, radius, type, payload) =>
        checked(type, (t) => {
          for (const client of this.clients) {
            const p = this.poses.get(client.sessionId);
            if (p && Math.hypot(p.x - x, p.z - z) <= radius) client.send(t, payload);
          }
        }),
      broadcast: (type, payload) => checked(type, (t) => this.broadcast(t, payload)),
    };
  }

  private async reloadLayout(): Promise<void> {
    const catalog = await roomContext().loadCatalog();
    this.setLayout(layoutAvenue(catalog.brands.map((b) => b.id)));
    this.facts.setLayout(this.layout);
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
      .catch((error: unknown) => logFor("host").error({ err: error }, "reload failed"));
  }
}
