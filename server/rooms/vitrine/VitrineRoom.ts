/**
 * The `vitrine` room: one per owner (matched by `owner`, their pseudonym). A walkable room
 * (kernel/WalkableRoom.ts) on the gallery's layout, which grows with the collection; admission is
 * server/collectibles/vitrineAdmission.ts, at join and again for visitors every few seconds (a
 * rotated link sends its visitors away), and the collection is copied into state (a hidden copy
 * leaves its pedestal). See shared/vitrineRoom.ts.
 */
import type { AuthContext, Client } from "@colyseus/core";
import { summarizeIssues } from "../../../shared/errors.ts";
import {
  layoutVitrine,
  VITRINE_MAX_CLIENTS,
  VITRINE_REFRESH_MS,
  VITRINE_TICK_RATE,
  VitrineJoinOptions,
  type VitrineLayout,
  VitrineProtocol,
  VitrineRefusals,
  VitrineState,
} from "../../../shared/vitrineRoom.ts";
import {
  admitToVitrine,
  linkStillValid,
  type VitrineGuest,
  VitrineRefused,
} from "../../collectibles/vitrineAdmission.ts";
import { vitrineOfOwner } from "../../collectibles/vitrines.ts";
import { logFor } from "../../observability/log.ts";
import { roomContext } from "../context.ts";
import { type AvatarIdentity, identityFor } from "../kernel/identity.ts";
import { refuseJoin, sendAway } from "../kernel/refusals.ts";
import { besideEntranceSpawn } from "../kernel/spawn.ts";
import { WalkableRoom } from "../kernel/WalkableRoom.ts";
import { applyVitrineView, displaySignature } from "./vitrineRoomState.ts";

type State = InstanceType<typeof VitrineState>;

export class VitrineRoom extends WalkableRoom<typeof VitrineProtocol, State, VitrineLayout, VitrineGuest> {
  override state = new VitrineState();
  override maxClients = VITRINE_MAX_CLIENTS;

  private ownerId: string | null = null;
  private signature = "";
  private refreshing = false;
  private disposed = false;

  static override async onAuth(
    _token: string,
    options: unknown,
    context: AuthContext,
  ): Promise<VitrineGuest> {
    const parsed = VitrineJoinOptions.safeParse(options ?? {});
    if (!parsed.success) {
      const message = summarizeIssues(parsed.error);
      throw refuseJoin(VitrineRefusals, VitrineRefusals.make("invalid_options", { message }));
    }
    const ctx = roomContext();
    const user = await ctx.resolveSession(context.headers.get("cookie") ?? undefined);
    try {
      return await admitToVitrine(ctx.database, parsed.data, user);
    } catch (error) {
      if (error instanceof VitrineRefused)
        throw refuseJoin(VitrineRefusals, VitrineRefusals.make(error.reason));
      throw error;
    }
  }

  constructor() {
    super({
      protocol: VitrineProtocol,
      layout: layoutVitrine(0),
      tickRate: VITRINE_TICK_RATE,
      offFloorMessage: "That spot is not on the gallery floor.",
      spawn: besideEntranceSpawn,
    });
  }

  override messages = this.walkMessages({});

  protected override setUp(options: unknown): void {
    const parsed = VitrineJoinOptions.safeParse(options ?? {});
    if (parsed.success) this.state.ownerPseudonym = parsed.data.owner;
    this.clock.setInterval(() => void this.refresh(), VITRINE_REFRESH_MS);
  }

  protected override admit(client: Client): AvatarIdentity | null {
    const guest = this.authOf(client);
    if (!guest) {
      client.leave(VitrineRefusals.closeCode, "invalid_options");
      return null;
    }
    // The matchmaker routes by pseudonym; the owner found at admission is the one truth.
    if (this.ownerId === null) this.ownerId = guest.ownerId;
    if (guest.ownerId !== this.ownerId) {
      client.leave(VitrineRefusals.closeCode, "link_invalid");
      return null;
    }
    this.applyView(guest.view);
    if (guest.role === "owner") this.state.ownerSessionId = client.sessionId;
    return identityFor(guest.user, client.sessionId);
  }

  protected override onDepart(client: Client): void {
    if (this.state.ownerSessionId !== client.sessionId) return;
    // The owner may have the vitrine open in another tab: that one is the owner now.
    const other = this.clients.find(
      (c) => c.sessionId !== client.sessionId && this.authOf(c)?.role === "owner",
    );
    this.state.ownerSessionId = other?.sessionId ?? "";
  }

  protected override tearDown(): void {
    this.disposed = true;
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
        const guest = this.authOf(client);
        if (guest?.role !== "visitor" || !guest.token) continue;
        let valid = tokens.get(guest.token);
        if (valid === undefined) {
          valid = await linkStillValid(database, guest.token, ownerId);
          tokens.set(guest.token, valid);
        }
        if (valid || this.disposed) continue;
        sendAway(client, VitrineRefusals, VitrineRefusals.make("link_invalid"));
      }
    } catch (error) {
      logFor("vitrine").error({ err: error, roomId: this.roomId }, "could not re-read the collection");
    } finally {
      this.refreshing = false;
    }
  }

  private applyView(view: Parameters<typeof displaySignature>[0]): void {
    if (!applyVitrineView(this.state, view, this.signature)) return;
    this.signature = displaySignature(view);
    // A pedestal may now stand where someone stood: the kernel steps them off it.
    this.setLayout(layoutVitrine(view.copies.length));
  }
}
