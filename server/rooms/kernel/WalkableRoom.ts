/**
 * The walking kernel: everything a room where people walk as avatars shares, so that such a room is
 * a configuration (a protocol table, a layout, its admission, its own messages and state) rather
 * than a copy. The kernel owns:
 * - validated intents: `move` and `moveTo` (shared/walking/intents.ts), and the room's own messages,
 *   each behind its schema from the room's protocol table (messageGuard.ts: a bad payload or an
 *   unknown type is answered by name, repeat offenders are closed, flooding clients too);
 * - the fixed step: every avatar advanced by `stepAvatar` (shared/walking/step.ts), the function
 *   the client's prediction runs too;
 * - spawn (spawn.ts), reconnection within RECONNECT_GRACE_SECONDS except for clients closed for
 *   misbehaving (seats.ts), and who sees whom (interest.ts).
 *
 * A room extends it, passes its configuration to `super`, and adds what is its own through the
 * hooks below (never by overriding onCreate/onJoin/onDrop/onLeave/onDispose, which are the
 * kernel's). See tests/integration/walkable-kernel.test.ts for a whole room in a few dozen lines.
 */
import { type Client, Room } from "@colyseus/core";
import type { MapSchema } from "@colyseus/schema";
import {
  MAX_MESSAGES_PER_SECOND,
  PATCH_INTERVAL_MS,
  RECONNECT_GRACE_SECONDS,
} from "../../../shared/constants.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import type { RoomErrorMessage, RoomErrors } from "../../../shared/protocol/roomErrors.ts";
import type { MessageIn, MessageTable, RoomProtocol } from "../../../shared/protocol/roomProtocol.ts";
import { AvatarAnim, AvatarState } from "../../../shared/walking/avatarState.ts";
import type { WalkIntents } from "../../../shared/walking/intents.ts";
import type { WalkableLayout } from "../../../shared/walking/layout.ts";
import { isWalkable, resolveCollisions } from "../../../shared/walking/movement.ts";
import { stepAvatar, targetReached, type WalkControl } from "../../../shared/walking/step.ts";
import { timedStep } from "../../observability/metrics.ts";
import type { SessionAuth } from "./admission.ts";
import { type AvatarIdentity, identityFor, lookFor } from "./identity.ts";
import type { InterestPolicy } from "./interest.ts";
import { type ColyseusMessages, guardedMessages, MessageGuard, type ServerHandlers } from "./messageGuard.ts";
import { SeatRules } from "./seats.ts";
import { fanOutSpawn, type SpawnRule } from "./spawn.ts";

type Avatar = InstanceType<typeof AvatarState>;

/** The state of a walkable room holds its avatars, keyed by session id. */
export type WalkableState = { avatars: MapSchema<Avatar> };

/** A protocol whose client table holds the walk intents and whose server table holds `error`. */
export type WalkableProtocol = RoomProtocol<
  MessageTable & typeof WalkIntents,
  MessageTable & typeof RoomErrors
>;

/** A walkable room's own handlers: one for each client message beside the walk intents. */
export type OwnHandlers<P extends WalkableProtocol> = ServerHandlers<
  Omit<P["client"], keyof typeof WalkIntents>
>;

export type WalkableRoomConfig<P extends WalkableProtocol, L extends WalkableLayout> = {
  protocol: P;
  /** The floor until the room sets another (`setLayout`). */
  layout: L;
  /** Simulation rate of the fixed step (Hz). */
  tickRate: number;
  /** Said to someone who clicks somewhere they cannot stand. */
  offFloorMessage: string;
  /** Where arrivals stand (default: fanned out around the layout's spawn point). */
  spawn?: SpawnRule;
  /** Who sees whom (default: everyone sees everyone). Required when `avatars` is tagged `.view()`. */
  interest?: InterestPolicy;
};

/** What the kernel keeps of each avatar's owner: never synchronised. */
export type Walker = { readonly control: WalkControl; readonly identity: AvatarIdentity };

export abstract class WalkableRoom<
  P extends WalkableProtocol,
  S extends WalkableState & object,
  L extends WalkableLayout = WalkableLayout,
  A = SessionAuth,
> extends Room<{ state: S }> {
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  override patchRate = PATCH_INTERVAL_MS;

  protected readonly protocol: P;
  private layoutNow: L;
  private readonly config: WalkableRoomConfig<P, L>;
  private readonly walkers = new Map<string, Walker>();
  private readonly guard = new MessageGuard();
  private readonly seats = new SeatRules();

  constructor(config: WalkableRoomConfig<P, L>) {
    super();
    this.config = config;
    this.protocol = config.protocol;
    this.layoutNow = config.layout;
  }

  // --- What a room adds (all optional) -----------------------------------------------------------

  /** Runs when the room is created, before the fixed step starts (load what the room needs). */
  protected setUp?(options: unknown): void | Promise<void>;
  /**
   * Decides, when a client has joined, who its avatar is; null turns it away (the room closes the
   * client itself). By default: whoever `client.auth.user` is, or a guest.
   */
  protected admit(client: Client): AvatarIdentity | null {
    const auth = this.authOf(client) as Partial<SessionAuth> | undefined;
    return identityFor(auth?.user ?? null, client.sessionId);
  }
  /** Runs after every fixed step, once all avatars moved. */
  protected onStep?(dt: number): void;
  /** Runs when a client has left for good (its avatar is already gone). */
  protected onDepart?(client: Client): void;
  /** Runs when the room is disposed. */
  protected tearDown?(): void | Promise<void>;

  // --- What a room calls -----------------------------------------------------------------------

  /**
   * The room's Colyseus `messages`: the walk intents and the room's own handlers, each behind its
   * schema, and a named refusal for anything else. `override messages = this.walkMessages({…})`.
   */
  protected walkMessages(own: OwnHandlers<P>): ColyseusMessages {
    const walk: ServerHandlers<typeof WalkIntents> = {
      move: (client, msg) => {
        const control = this.walkers.get(client.sessionId)?.control;
        if (!control) return;
        control.dirX = msg.dirX;
        control.dirZ = msg.dirZ;
        control.target = null;
      },
      moveTo: (client, msg) => {
        const control = this.walkers.get(client.sessionId)?.control;
        if (!control) return;
        if (!isWalkable(this.layoutNow, msg.x, msg.z)) {
          const error: RoomErrorMessage = {
            code: ErrorCode.outOfBounds,
            message: this.config.offFloorMessage,
            details: { x: msg.x, z: msg.z, bounds: this.layoutNow.bounds },
          };
          client.send("error", error);
          return;
        }
        control.target = { x: msg.x, z: msg.z };
        control.dirX = 0;
        control.dirZ = 0;
      },
    };
    const handlers = { ...walk, ...own } as unknown as ServerHandlers<P["client"]>;
    return guardedMessages(this.protocol.client, handlers, this.guard);
  }

  /** Sends one of the room's server → client messages to one client. */
  protected sendTo<K extends keyof P["server"] & string>(
    client: Client,
    type: K,
    message: MessageIn<P["server"], K>,
  ): void {
    client.send(type, message);
  }

  /** Sends one of the room's server → client messages to everyone in the room. */
  protected broadcastMessage<K extends keyof P["server"] & string>(
    type: K,
    message: MessageIn<P["server"], K>,
  ): void {
    this.broadcast(type, message);
  }

  /** The floor people walk on now. */
  protected get layout(): L {
    return this.layoutNow;
  }

  /** Changes the floor (a collection grew, the catalog changed): whoever now stands in a wall steps out. */
  protected setLayout(layout: L): void {
    this.layoutNow = layout;
    for (const avatar of this.state.avatars.values()) {
      const p = { x: avatar.x, z: avatar.z };
      resolveCollisions(p, layout);
      if (p.x !== avatar.x) avatar.x = p.x;
      if (p.z !== avatar.z) avatar.z = p.z;
    }
  }

  /** What the room's admission said of a client (`client.auth`). */
  protected authOf(client: Client): A | undefined {
    return (client as Client<{ auth: A }>).auth;
  }

  /** The walker behind a session's avatar (its identity and what it asked for), if it is here. */
  protected walkerOf(sessionId: string): Walker | undefined {
    return this.walkers.get(sessionId);
  }

  /** The room's floor, for tests and diagnostics. */
  get currentLayout(): L {
    return this.layoutNow;
  }

  // --- The kernel's lifecycle --------------------------------------------------------------------

  override async onCreate(options: unknown): Promise<void> {
    await this.setUp?.(options);
    this.setFixedTimestep(
      timedStep(this.roomName, ({ dt }) => this.step(dt)),
      this.config.tickRate,
    );
    const interest = this.config.interest;
    if (interest)
      this.clock.setInterval(() => interest.refresh(this.clients, this.state.avatars), interest.refreshMs);
  }

  override onJoin(client: Client): void {
    const identity = this.admit(client);
    if (!identity) return;
    const spawn = (this.config.spawn ?? fanOutSpawn)(this.layoutNow, this.state.avatars.size);
    const avatar = new AvatarState().assign({
      name: identity.name,
      kind: identity.kind,
      look: lookFor(identity.userId ?? client.sessionId),
      x: spawn.x,
      z: spawn.z,
      heading: this.layoutNow.spawn.heading,
      anim: AvatarAnim.idle,
      connected: true,
    });
    this.state.avatars.set(client.sessionId, avatar);
    this.walkers.set(client.sessionId, { control: { dirX: 0, dirZ: 0, target: null }, identity });
    this.config.interest?.attach(client, avatar);
    this.config.interest?.refresh(this.clients, this.state.avatars);
    this.seats.watch(client);
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    // The close code alone does not tell a misbehaving client: see SeatRules.
    if (this.seats.forfeits(client, code)) return;
    const avatar = this.state.avatars.get(client.sessionId);
    const control = this.walkers.get(client.sessionId)?.control;
    if (avatar) avatar.connected = false;
    if (control) Object.assign(control, { dirX: 0, dirZ: 0, target: null });
    try {
      const returned = await this.allowReconnection(client, RECONNECT_GRACE_SECONDS);
      const back = this.state.avatars.get(client.sessionId);
      if (back) back.connected = true;
      this.config.interest?.attach(returned, back);
      this.config.interest?.refresh(this.clients, this.state.avatars);
      this.seats.watch(returned);
    } catch {
      // Not back in time: onLeave removes the avatar.
    }
  }

  override onLeave(client: Client): void {
    this.state.avatars.delete(client.sessionId);
    this.walkers.delete(client.sessionId);
    this.seats.forget(client.sessionId);
    this.guard.forget(client.sessionId);
    this.config.interest?.detach(client.sessionId);
    this.onDepart?.(client);
  }

  override async onDispose(): Promise<void> {
    await this.tearDown?.();
  }

  private step(dt: number): void {
    for (const [sessionId, avatar] of this.state.avatars) {
      const control = this.walkers.get(sessionId)?.control;
      if (!control) continue;
      if (targetReached(avatar, control)) control.target = null;
      const next = stepAvatar(avatar, control, dt, this.layoutNow);
      if (next.anim === AvatarAnim.walk) {
        avatar.x = next.x;
        avatar.z = next.z;
        avatar.heading = next.heading;
      }
      if (avatar.anim !== next.anim) avatar.anim = next.anim;
    }
    this.onStep?.(dt);
  }
}
