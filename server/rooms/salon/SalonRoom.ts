/**
 * The `salon` room: one per appointment (matched by `appointmentId`), a walkable room on the
 * kernel (kernel/WalkableRoom.ts) on the salon's layout. Admission is
 * server/clienteling/salonRoomRules.ts (client, advisor, one guest, only while the salon is open on
 * the server's clock); the room relays call signals between the people inside, keeps the shared
 * viewer's table in state, and delegates the selection list, engraving and hand-over to the
 * clienteling domain, mirroring their results. See shared/clienteling/salonRoom.ts.
 */
import type { AuthContext, Client } from "@colyseus/core";
import type { SalonRole } from "../../../shared/clienteling/appointments.ts";
import {
  clampTablePose,
  SALON_CLOSE_CHECK_MS,
  SALON_LAYOUT,
  SALON_MAX_CONNECTIONS,
  SALON_SEATS,
  SALON_TICK_RATE,
  SalonJoinOptions,
  SalonPersonState,
  SalonProtocol,
  SalonRefusals,
  SalonState,
} from "../../../shared/clienteling/salonRoom.ts";
import { ErrorCode, summarizeIssues } from "../../../shared/errors.ts";
import { loadAppointment } from "../../clienteling/appointments/appointmentViews.ts";
import { admitToSalon, type SalonGuest, SalonRefused, salonPiece } from "../../clienteling/salonRoomRules.ts";
import { DomainError } from "../../errors.ts";
import { logFor } from "../../observability/log.ts";
import { roomContext } from "../context.ts";
import { type AvatarIdentity, identityFor } from "../kernel/identity.ts";
import { refuseJoin, sendAway } from "../kernel/refusals.ts";
import { seatsSpawn } from "../kernel/spawn.ts";
import { WalkableRoom } from "../kernel/WalkableRoom.ts";
import { SalonSelection } from "./salonSelection.ts";

type State = InstanceType<typeof SalonState>;

/** The person behind an admission: their account, or the guest link they came with. */
function holderOf(guest: SalonGuest): string {
  return guest.user ? `user:${guest.user.id}` : `link:${guest.guestToken ?? ""}`;
}

export class SalonRoom extends WalkableRoom<typeof SalonProtocol, State, typeof SALON_LAYOUT, SalonGuest> {
  override state = new SalonState();
  override maxClients = SALON_MAX_CONNECTIONS;

  private closesAt = Number.POSITIVE_INFINITY;
  private readonly selection = new SalonSelection(this.state);
  /** Who holds each seat (holderOf), by session id, to know the same person coming back. */
  private readonly holders = new Map<string, string>();

  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<SalonGuest> {
    const parsed = SalonJoinOptions.safeParse(options ?? {});
    if (!parsed.success) {
      const message = summarizeIssues(parsed.error);
      throw refuseJoin(SalonRefusals, SalonRefusals.make("invalid_options", { message }));
    }
    const ctx = roomContext();
    const user = await ctx.resolveSession(context.headers.get("cookie") ?? undefined);
    try {
      return await admitToSalon(ctx.database, parsed.data, user, ctx.clock);
    } catch (error) {
      if (error instanceof SalonRefused) {
        const extra = error.opensAt ? { opensAt: error.opensAt } : undefined;
        throw refuseJoin(SalonRefusals, SalonRefusals.make(error.reason, extra));
      }
      throw error;
    }
  }

  constructor() {
    super({
      protocol: SalonProtocol,
      layout: SALON_LAYOUT,
      tickRate: SALON_TICK_RATE,
      offFloorMessage: "That spot is not on the salon's floor.",
      spawn: seatsSpawn(SALON_SEATS, { x: 0, z: 0 }),
    });
  }

  override messages = this.walkMessages({
    call: (client, msg) => {
      const to = this.clients.find((c) => c.sessionId === msg.to);
      if (!to || msg.to === client.sessionId) {
        this.refuse(client, ErrorCode.notFound, "That person is not in the salon.", {
          reason: "not_in_call",
        });
        return;
      }
      // Identity comes from the sender's session, never from the payload.
      this.sendTo(to, "call", { from: client.sessionId, signal: msg.signal });
    },
    placeOnTable: (client, msg) =>
      this.act(client, ["client", "advisor"], async () => {
        const piece = await salonPiece(
          roomContext().database,
          this.state.brandId,
          msg.productId,
          msg.variant,
        );
        const table = this.state.table;
        table.assign({ productId: piece.productId, variant: piece.variant ?? "", yaw: 0, pitch: 0, zoom: 1 });
        table.by = client.sessionId;
        if (this.state.engraving.productId !== piece.productId)
          this.state.engraving.assign({ productId: "", choice: "", by: "" });
      }),
    setVariant: (client, msg) =>
      this.act(client, ["client", "advisor"], async () => {
        const productId = this.requireTable();
        const piece = await salonPiece(roomContext().database, this.state.brandId, productId, msg.variant);
        this.state.table.assign({ variant: piece.variant ?? "", by: client.sessionId });
      }),
    turnTable: (client, msg) =>
      this.act(client, ["client", "advisor", "guest"], () => {
        this.requireTable();
        this.state.table.assign({ ...clampTablePose(msg), by: client.sessionId });
      }),
    clearTable: (client) =>
      this.act(client, ["client", "advisor"], () => {
        this.state.table.assign({
          productId: "",
          variant: "",
          yaw: 0,
          pitch: 0,
          zoom: 1,
          by: client.sessionId,
        });
        this.state.engraving.assign({ productId: "", choice: "", by: "" });
      }),
    selectionAdd: (client, msg) =>
      this.act(client, ["advisor"], () => this.selection.add(this.userIdOf(client), msg)),
    selectionRemove: (client, msg) =>
      this.act(client, ["advisor"], () => this.selection.remove(this.userIdOf(client), msg.itemId)),
    engrave: (client, msg) =>
      this.act(client, ["client", "advisor", "guest"], async () => {
        if (this.requireTable() !== msg.productId) {
          throw new DomainError(ErrorCode.conflict, "Engrave the piece that is on the table.", {
            reason: "not_on_table",
          });
        }
        const choice = await this.selection.validateChoice(msg.productId, msg.choice);
        this.state.engraving.assign({
          productId: msg.productId,
          choice: choice ? JSON.stringify(choice) : "",
          by: client.sessionId,
        });
      }),
    handover: (client, msg) =>
      this.act(client, ["client"], async () => {
        const body =
          msg.to === "claim" ? { to: "claim" as const, dropId: msg.dropId ?? "" } : { to: "order" as const };
        const answer = await this.selection.handOver(this.userIdOf(client), msg.itemId, body);
        this.sendTo(client, "handedOver", answer);
      }),
  });

  protected override async setUp(options: unknown): Promise<void> {
    const parsed = SalonJoinOptions.safeParse(options ?? {});
    if (!parsed.success) return;
    const appointment = await loadAppointment(roomContext().database, parsed.data.appointmentId);
    this.state.appointmentId = appointment.id;
    this.state.brandId = appointment.brandId;
    await this.selection.load(appointment);
    this.clock.setInterval(() => this.closeWhenDue(), SALON_CLOSE_CHECK_MS);
  }

  protected override admit(client: Client): AvatarIdentity | null {
    const guest = this.authOf(client);
    if (!guest || guest.access.appointmentId !== this.state.appointmentId) {
      sendAway(client, SalonRefusals, SalonRefusals.make("not_invited"));
      return null;
    }
    // One seat per role: the client, the advisor, and one guest (a shared link lets one in). The
    // same person back while their dropped seat waits (a reload, a second tab, a new link) takes it.
    const role = guest.access.role;
    const holder = holderOf(guest);
    const seated = [...this.state.people.values()].find((p) => p.role === role);
    if (seated) {
      const stale = seated.sessionId;
      const mine = this.holders.get(stale) === holder;
      if (!mine || !this.isWaitingForReconnection(stale) || !this.takeOverSeat(stale, client)) {
        sendAway(
          client,
          SalonRefusals,
          SalonRefusals.make(role === "guest" ? "guest_present" : "already_inside"),
        );
        return null;
      }
      this.state.people.delete(stale);
      this.holders.delete(stale);
    }
    this.closesAt = Date.parse(guest.access.closesAt);
    this.state.closesAt = guest.access.closesAt;
    this.holders.set(client.sessionId, holder);
    this.state.people.set(
      client.sessionId,
      new SalonPersonState().assign({ sessionId: client.sessionId, role, name: guest.access.displayName }),
    );
    const identity = identityFor(guest.user, client.sessionId);
    return { ...identity, name: guest.access.displayName };
  }

  protected override onDepart(client: Client): void {
    // A seat taken over by a new connection is already under that connection's session id.
    this.state.people.delete(client.sessionId);
    this.holders.delete(client.sessionId);
  }

  /** Sends everyone away once the salon's closing time has passed on the server's clock. */
  private closeWhenDue(): void {
    if (roomContext().clock.now().getTime() < this.closesAt) return;
    for (const client of [...this.clients]) sendAway(client, SalonRefusals, SalonRefusals.make("closed"));
  }

  private roleOf(client: Client): SalonRole | null {
    return (this.authOf(client)?.access.role as SalonRole | undefined) ?? null;
  }

  private userIdOf(client: Client): string {
    const id = this.authOf(client)?.user?.id;
    if (!id) throw new DomainError(ErrorCode.unauthenticated, "Sign in to do this in the salon.");
    return id;
  }

  /** The product on the table. @throws DomainError conflict when the table is empty. */
  private requireTable(): string {
    const productId = this.state.table.productId;
    if (!productId) {
      throw new DomainError(ErrorCode.conflict, "Put a piece on the table first.", { reason: "table_empty" });
    }
    return productId;
  }

  /** Runs an action allowed to `roles`, answering a refusal (or a domain error) to its sender. */
  private act(client: Client, roles: readonly SalonRole[], action: () => void | Promise<void>): void {
    const role = this.roleOf(client);
    if (!role || !roles.includes(role)) {
      this.refuse(client, ErrorCode.forbidden, `Only the ${roles.join(" or ")} may do this in the salon.`, {
        reason: "role_not_allowed",
        role,
      });
      return;
    }
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => {
        if (error instanceof DomainError) {
          this.refuse(client, error.code, error.message, error.details);
          return;
        }
        logFor("salon").error({ err: error, roomId: this.roomId }, "an action failed");
        this.refuse(client, ErrorCode.internal, "The salon could not do that; try again.", undefined);
      });
  }

  private refuse(client: Client, code: string, message: string, details: unknown): void {
    this.sendTo(client, "error", { code, message, details });
  }
}
