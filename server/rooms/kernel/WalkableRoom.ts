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
import { type Client, type Deferred, Room } from "@colyseus/core";
import type { MapSchema } from "@colyseus/schema";
import { MAX_MESSAGES_PER_SECOND, RECONNECT_GRACE_SECONDS } from "../../../shared/constants.ts";
import { ErrorCode } from "../../../shared/errors.ts";
import type { RoomErrorMessage, RoomErrors } from "../../../shared/protocol/roomErrors.ts";
import type { MessageIn, MessageTable, RoomProtocol } from "../../../shared/protocol/roomProtocol.ts";
import { AvatarAnim, AvatarState, writePose } from "../../../shared/walking/avatarState.ts";
import type { WalkIntents } from "../../../shared/walking/intents.ts";
import type { WalkableLayout } from "../../../shared/walking/layout.ts";
import { isWalkable, type Pose, resolveCollisions } from "../../../shared/walking/movement.ts";
import { WALK_PATCH_INTERVAL_MS } from "../../../shared/walking/rates.ts";
import { stepAvatar, targetReached, type WalkControl } from "../../../shared/walking/step.ts";
import { timedStep } from "../../observability/metrics.ts";
import type { SessionAuth } from "./admission.ts";
import { type AvatarIdentity, identityFor, lookFor } from "./identity.ts";
import { EveryoneNear, type InterestPolicy } from "./interest.ts";
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
  /** Who sees whom, and how often (default: everyone sees everyone, near). */
  interest?: InterestPolicy;
};

/**
 * What the kernel keeps of each avatar's owner: never synchronised. `pose` is the simulation's
 * full-precision pose; the avatar's synced fields hold it quantized (writePose).
 */
export type Walker = {
  readonly control: WalkControl;
  readonly identity: AvatarIdentity;
  readonly pose: Pose;
};

export abstract class WalkableRoom<
  P extends WalkableProtocol,
  S extends WalkableState & object,
  L extends WalkableLayout = WalkableLayout,
  A = SessionAuth,
> extends Room<{ state: S }> {
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  // Patches go out slower than the fixed step simulates (issue 16): the client interpolates.
  override patchRate = WALK_PATCH_INTERVAL_MS;

  protected readonly protocol: P;
  private layoutNow: L;
  private readonly config: WalkableRoomConfig<P, L>;
  private readonly walkers = new Map<string, Walker>();
  private readonly posesById = new Map<string, Pose>();
  private readonly guard = new MessageGuard();
  private readonly seats = new SeatRules();
  /** Dropped clients whose seat waits for them (RECONNECT_GRACE_SECONDS), by session id. */
  private readonly waiting = new Map<string, Deferred<Client>>();
  private readonly interest: InterestPolicy;

  constructor(config: WalkableRoomConfig<P, L>) {
    super();
    this.config = config;
    this.protocol = config.protocol;
    this.layoutNow = config.layout;
    this.interest = config.interest ?? new EveryoneNear();
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
    for (const [sessionId, avatar] of this.state.avatars) {
      const pose = this.walkers.get(sessionId)?.pose;
      if (!pose) continue;
      resolveCollisions(pose, layout);
      writePose(avatar, pose);
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

  /**
   * Where each avatar stands (by session id), at full precision: the synced fields are quantized,
   * so whatever the server decides by position (proximity, facts) reads these.
   */
  protected get poses(): ReadonlyMap<string, Readonly<Pose>> {
    return this.posesById;
  }

  /** Whether a session dropped and its seat still waits for its reconnection. */
  protected isWaitingForReconnection(sessionId: string): boolean {
    return this.waiting.has(sessionId);
  }

  /**
   * Gives a dropped session's seat (its avatar, where it stood) to `client`, who has just joined
   * anew: the same person back from a reload, a second tab or a new link before the grace ran out.
   * The stale session stops waiting and leaves for good (onDepart runs for it). Call it from
   * `admit`, before moving the room's own per-session state to the new session id.
   * @returns false when `staleSessionId` is not waiting for its reconnection.
   */
  protected takeOverSeat(staleSessionId: string, client: Client): boolean {
    const reconnection = this.waiting.get(staleSessionId);
    const avatar = this.state.avatars.get(staleSessionId);
    const walker = this.walkers.get(staleSessionId);
    if (!reconnection || !avatar || !walker) return false;
    this.waiting.delete(staleSessionId);
    const pose = { ...walker.pose };
    const moved = avatar.clone();
    moved.connected = true;
    this.state.avatars.delete(staleSessionId);
    this.walkers.delete(staleSessionId);
    this.posesById.delete(staleSessionId);
    this.state.avatars.set(client.sessionId, moved);
    this.walkers.set(client.sessionId, {
      control: { dirX: 0, dirZ: 0, target: null },
      identity: walker.identity,
      pose,
    });
    this.posesById.set(client.sessionId, pose);
    // onDrop's wait ends: Colyseus then runs onLeave for the stale session, whose seat is gone.
    reconnection.reject(new Error("seat taken over by a new connection"));
    return true;
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
    const interest = this.interest;
    this.clock.setInterval(() => interest.refresh(this.clients, this.state.avatars), interest.refreshMs);
  }

  override onJoin(client: Client): void {
    const identity = this.admit(client);
    if (!identity) return;
    const resumed = this.state.avatars.get(client.sessionId);
    if (resumed) {
      // `admit` gave this client a dropped session's seat (takeOverSeat); it is who admit says.
      const walker = this.walkers.get(client.sessionId);
      if (walker) this.walkers.set(client.sessionId, { ...walker, identity });
      resumed.name = identity.name;
      this.interest.attach(client, resumed);
      this.interest.refresh(this.clients, this.state.avatars);
      this.seats.watch(client);
      return;
    }
    const spawn = (this.config.spawn ?? fanOutSpawn)(this.layoutNow, this.state.avatars.size);
    const pose: Pose = { x: spawn.x, z: spawn.z, heading: spawn.heading ?? this.layoutNow.spawn.heading };
    const avatar = new AvatarState().assign({
      name: identity.name,
      kind: identity.kind,
      look: lookFor(identity.userId ?? client.sessionId),
      anim: AvatarAnim.idle,
      connected: true,
    });
    writePose(avatar, pose);
    this.state.avatars.set(client.sessionId, avatar);
    this.walkers.set(client.sessionId, { control: { dirX: 0, dirZ: 0, target: null }, identity, pose });
    this.posesById.set(client.sessionId, pose);
    this.interest.attach(client, avatar);
    this.interest.refresh(this.clients, this.state.avatars);
    this.seats.watch(client);
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    // The close code alone does not tell a misbehaving client: see SeatRules.
    if (this.seats.forfeits(client, code)) return;
    const avatar = this.state.avatars.get(client.sessionId);
    const control = this.walkers.get(client.sessionId)?.control;
    if (avatar) avatar.connected = false;
    if (control) Object.assign(control, { dirX: 0, dirZ: 0, target: null });
    const reconnection = this.allowReconnection(client, RECONNECT_GRACE_SECONDS);
    this.waiting.set(client.sessionId, reconnection);
    try {
      const returned = await reconnection;
      const back = this.state.avatars.get(client.sessionId);
      if (back) back.connected = true;
      this.interest.attach(returned, back);
      this.interest.refresh(this.clients, this.state.avatars);
      this.seats.watch(returned);
    } catch {
      // Not back in time (or the seat was taken over): onLeave removes what is left.
    } finally {
      if (this.waiting.get(client.sessionId) === reconnection) this.waiting.delete(client.sessionId);
    }
  }

  override onLeave(client: Client): void {
    this.state.avatars.delete(client.sessionId);
    this.walkers.delete(client.sessionId);
    this.posesById.delete(client.sessionId);
    this.seats.forget(client.sessionId);
    this.guard.forget(client.sessionId);
    this.interest.detach(client.sessionId);
    this.onDepart?.(client);
  }

  override async onDispose(): Promise<void> {
    await this.tearDown?.();
  }

  private step(dt: number): void {
    for (const [sessionId, avatar] of this.state.avatars) {
      const walker = this.walkers.get(sessionId);
      if (!walker) continue;
      const { control, pose } = walker;
      if (targetReached(pose, control)) control.target = null;
      const next = stepAvatar(pose, control, dt, this.layoutNow);
      if (next.anim === AvatarAnim.walk) {
        pose.x = next.x;
        pose.z = next.z;
        pose.heading = next.heading;
        writePose(avatar, pose);
      }
      if (avatar.anim !== next.anim) avatar.anim = next.anim;
    }
    this.onStep?.(dt);
  }
}
