/**
 * The `vitrine` room: one per owner (matched by `owner`, their pseudonym). A thin room: admission
 * (vitrineAdmission.ts) at join, the collection copied into state and re-read every few seconds
 * (a hidden copy leaves its pedestal, a rotated link sends its visitors away), and avatars walking
 * under the avenue's movement rules against the gallery's layout. See shared/vitrineRoom.ts.
 */
import { type AuthContext, type Client, CloseCode, Room } from "@colyseus/core";
import type { z } from "zod";
import {
  directionTowards,
  isWalkable,
  resolveCollisions,
  stepPose,
} from "../../../shared/avenue/movement.ts";
import { AvatarAnim, AvatarState } from "../../../shared/avenue/state.ts";
import {
  MAX_INVALID_MESSAGES,
  MAX_MESSAGES_PER_SECOND,
  PATCH_INTERVAL_MS,
  RECONNECT_GRACE_SECONDS,
} from "../../../shared/constants.ts";
import { describeIssues, ErrorCode, summarizeIssues } from "../../../shared/errors.ts";
import {
  layoutVitrine,
  VITRINE_MAX_CLIENTS,
  VITRINE_REFRESH_MS,
  VITRINE_REFUSED_CLOSE_CODE,
  VITRINE_TICK_RATE,
  VitrineClientMessages,
  VitrineJoinOptions,
  type VitrineLayout,
  VitrineServerMessageType,
  VitrineState,
  vitrineRefusal,
} from "../../../shared/vitrineRoom.ts";
import { vitrineOfOwner } from "../../collectibles/vitrines.ts";
import { identityFor, lookFor } from "../avenue/identity.ts";
import { roomContext } from "../context.ts";
import {
  admitToVitrine,
  linkStillValid,
  refusedError,
  type VitrineGuest,
  VitrineRefused,
} from "./vitrineAdmission.ts";
import { applyVitrineView, displaySignature } from "./vitrineRoomState.ts";

type Control = { dirX: number; dirZ: number; target: { x: number; z: number } | null; invalid: number };

export class VitrineRoom extends Room<{ state: InstanceType<typeof VitrineState> }> {
  override state = new VitrineState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;
  override patchRate = PATCH_INTERVAL_MS;
  override maxClients = VITRINE_MAX_CLIENTS;

  private ownerId: string | null = null;
  private signature = "";
  private layout: VitrineLayout = layoutVitrine(0);
  private readonly controls = new Map<string, Control>();
  private refreshing = false;
  private disposed = false;

  static override async onAuth(
    _token: string,
    options: unknown,
    context: AuthContext,
  ): Promise<VitrineGuest> {
    const parsed = VitrineJoinOptions.safeParse(options ?? {});
    if (!parsed.success) {
      throw refusedError({ ...vitrineRefusal("invalid_options"), message: summarizeIssues(parsed.error) });
    }
    const ctx = roomContext();
    const user = await ctx.resolveSession(context.headers.get("cookie") ?? undefined);
    try {
      return await admitToVitrine(ctx.database, parsed.data, user);
    } catch (error) {
      if (error instanceof VitrineRefused) throw refusedError(vitrineRefusal(error.reason));
      throw error;
    }
  }

  override onCreate(options: unknown): void {
    const parsed = VitrineJoinOptions.safeParse(options ?? {});
    if (parsed.success) this.state.ownerPseudonym = parsed.data.owner;
    this.setFixedTimestep(({ dt }) => this.step(dt), VITRINE_TICK_RATE);
    this.clock.setInterval(() => void this.refresh(), VITRINE_REFRESH_MS);
  }

  override messages = {
    move: this.intent(VitrineClientMessages.move, (control, msg) => {
      control.dirX = msg.dirX;
      control.dirZ = msg.dirZ;
      control.target = null;
    }),
    moveTo: this.intent(VitrineClientMessages.moveTo, (control, msg, client) => {
      if (!isWalkable(this.layout, msg.x, msg.z)) {
        client.send(VitrineServerMessageType.error, {
          code: ErrorCode.outOfBounds,
          message: "That spot is not on the gallery floor.",
          details: { x: msg.x, z: msg.z, bounds: this.layout.bounds },
        });
        return;
      }
      control.target = { x: msg.x, z: msg.z };
      control.dirX = 0;
      control.dirZ = 0;
    }),
    /** Any other message type: refused by name, counted like a malformed one. */
    _: (client: Client, type: unknown) => {
      this.strike(client, `Message refused: unknown message type "${String(type).slice(0, 40)}"`, []);
    },
  };

  override onJoin(client: Client<{ auth: VitrineGuest }>): void {
    const guest = client.auth;
    if (!guest) {
      client.leave(VITRINE_REFUSED_CLOSE_CODE, "invalid_options");
      return;
    }
    // The matchmaker routes by pseudonym; the owner found at admission is the one truth.
    if (this.ownerId === null) this.ownerId = guest.ownerId;
    if (guest.ownerId !== this.ownerId) {
      client.leave(VITRINE_REFUSED_CLOSE_CODE, "link_invalid");
      return;
    }
    this.applyView(guest.view);
    const identity = identityFor(guest.user, client.sessionId);
    const spawn = this.spawnPoint(this.state.avatars.size);
    this.state.avatars.set(
      client.sessionId,
      new AvatarState().assign({
        name: identity.name,
        kind: identity.kind,
        look: lookFor(identity.userId ?? client.sessionId),
        x: spawn.x,
        z: spawn.z,
        heading: this.layout.spawn.heading,
        anim: AvatarAnim.idle,
        connected: true,
      }),
    );
    this.controls.set(client.sessionId, { dirX: 0, dirZ: 0, target: null, invalid: 0 });
    if (guest.role === "owner") this.state.ownerSessionId = client.sessionId;
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    if (code === VITRINE_REFUSED_CLOSE_CODE || code === CloseCode.WITH_ERROR) return;
    const avatar = this.state.avatars.get(client.sessionId);
    const control = this.controls.get(client.sessionId);
    if (avatar) avatar.connected = false;
    if (control) Object.assign(control, { dirX: 0, dirZ: 0, target: null });
    try {
      await this.allowReconnection(client, RECONNECT_GRACE_SECONDS);
      const back = this.state.avatars.get(client.sessionId);
      if (back) back.connected = true;
    } catch {
      // Not back in time: onLeave removes the avatar.
    }
  }

  override onLeave(client: Client): void {
    this.state.avatars.delete(client.sessionId);
    this.controls.delete(client.sessionId);
    if (this.state.ownerSessionId !== client.sessionId) return;
    // The owner may have the vitrine open in another tab: that one is the owner now.
    const other = this.clients.find(
      (c) => c.sessionId !== client.sessionId && (c as Client<{ auth: VitrineGuest }>).auth?.role === "owner",
    );
    this.state.ownerSessionId = other?.sessionId ?? "";
  }

  override onDispose(): void {
    this.disposed = true;
  }

  /** The gallery's current layout, for tests. */
  get currentLayout(): VitrineLayout {
    return this.layout;
  }

  /** Re-reads the collection now (also runs every VITRINE_REFRESH_MS). */
  async refresh(): Promise<void> {
    if (this.refreshing || this.ownerId === null || this.disposed) return;
    this.refreshing = true;
    const ownerId = this.ownerId;
    try {
      const database = roomContext().database;
      const own = await vitrineOfOwner(database, ownerId);
      if (this.disposed) return;
      this.applyView(own.view);
      const tokens = new Map<string, boolean>();
      for (const client of this.clients) {
        const guest = (client as Client<{ auth: VitrineGuest }>).auth;
        if (guest?.role !== "visitor" || !guest.token) continue;
        let valid = tokens.get(guest.token);
        if (valid === undefined) {
          valid = await linkStillValid(database, guest.token, ownerId);
          tokens.set(guest.token, valid);
        }
        if (valid || this.disposed) continue;
        client.send(VitrineServerMessageType.refused, vitrineRefusal("link_invalid"));
        client.leave(VITRINE_REFUSED_CLOSE_CODE, "link_invalid");
      }
    } catch (error) {
      console.error(`[vitrine ${this.roomId}] could not re-read the collection:`, error);
    } finally {
      this.refreshing = false;
    }
  }

  private applyView(view: Parameters<typeof displaySignature>[0]): void {
    if (!applyVitrineView(this.state, view, this.signature)) return;
    this.signature = displaySignature(view);
    this.layout = layoutVitrine(view.copies.length);
    // A pedestal may now stand where someone stood: step them off it.
    for (const avatar of this.state.avatars.values()) {
      const p = { x: avatar.x, z: avatar.z };
      resolveCollisions(p, this.layout);
      avatar.x = p.x;
      avatar.z = p.z;
    }
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
  }

  /** Arrivals stand side by side inside the entrance (alternating sides) rather than on one spot. */
  private spawnPoint(index: number): { x: number; z: number } {
    const s = this.layout.spawn;
    const side = index % 2 === 0 ? 1 : -1;
    const row = Math.floor(index / 2);
    const p = { x: side * (Math.abs(s.x) + row * 1.0), z: s.z + Math.min(1, row * 0.15) };
    resolveCollisions(p, this.layout);
    return p;
  }

  /**
   * Wraps a handler with its zod schema. A bad payload is answered with a named reason; a client
   * that keeps sending them is disconnected, and the room carries on.
   */
  private intent<S extends z.ZodType>(
    schema: S,
    handler: (control: Control, message: z.infer<S>, client: Client) => void,
  ) {
    return (client: Client, raw: unknown) => {
      const control = this.controls.get(client.sessionId);
      if (!control) return;
      const parsed = schema.safeParse(raw);
      if (parsed.success) {
        handler(control, parsed.data, client);
        return;
      }
      this.strike(client, `Message refused: ${summarizeIssues(parsed.error)}`, describeIssues(parsed.error));
    };
  }

  /** Answers a refused message with a named reason; too many and the client is disconnected. */
  private strike(client: Client, message: string, details: unknown): void {
    const control = this.controls.get(client.sessionId);
    if (!control) return;
    control.invalid++;
    client.send(VitrineServerMessageType.error, { code: ErrorCode.invalidMessage, message, details });
    if (control.invalid >= MAX_INVALID_MESSAGES)
      client.leave(CloseCode.WITH_ERROR, "too many invalid messages");
  }
}
