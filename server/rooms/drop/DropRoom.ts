/**
 * The `drop` room: one per drop (matched by `dropId`). A thin room: it keeps the drop's row in sync
 * (reloaded when any process announces a stock change on the drop's presence channel, and on a slow
 * timer as a safety net), advances server time and the phase, and applies the admission rule of
 * server/drops/dropAdmission.ts at join and at each phase change. Claims go through the HTTP API, not
 * the room. Its messages are DropRoomProtocol's, guarded by the kernel's message guard.
 */
import { type AuthContext, type Client, Room } from "@colyseus/core";
import { MAX_MESSAGES_PER_SECOND, RECONNECT_GRACE_SECONDS } from "../../../shared/constants.ts";
import {
  DROP_ROOM_TICK_MS,
  DropJoinOptions,
  DropRoomProtocol,
  type DropRoomRefusal,
  DropRoomRefusals,
  DropRoomState,
} from "../../../shared/dropRoom.ts";
import { dropPhaseAt } from "../../../shared/drops.ts";
import { ErrorCode, summarizeIssues } from "../../../shared/errors.ts";
import { sendMessage } from "../../../shared/protocol/roomProtocol.ts";
import { recordDropVisit } from "../../analytics/productFacts.ts";
import { admission, type DropViewer, viewerOf } from "../../drops/dropAdmission.ts";
import { type DropRow, getDropRow } from "../../drops/drops.ts";
import { DomainError } from "../../errors.ts";
import { logFor } from "../../observability/log.ts";
import { dropChangedChannel, roomContext } from "../context.ts";
import { checkGuestRoomCreation } from "../kernel/guestRoomCap.ts";
import { guardedMessages, MessageGuard } from "../kernel/messageGuard.ts";
import { refuseJoin, sendAway } from "../kernel/refusals.ts";
import { SeatRules } from "../kernel/seats.ts";
import { DropHostDriver } from "./dropHostDriver.ts";
import { applyDropRow } from "./dropRoomState.ts";
import { type ThrottledRunner, throttledRunner } from "./throttledRunner.ts";

type AuthResult = { viewer: DropViewer };

/** Reloads after change notices are at least this far apart, however many claims a rush makes. */
export const DROP_RELOAD_MIN_GAP_MS = 100;
/** The row is re-read this often even without notices, in case one was lost. */
export const DROP_RELOAD_SAFETY_MS = 5_000;

/** The error a refused join rejects with: the client reads it back with parseDropRoomRefusal. */
const refused = (refusal: DropRoomRefusal) => refuseJoin(DropRoomRefusals, refusal);
export class DropRoom extends Room<{ state: InstanceType<typeof DropRoomState> }> {
  override state = new DropRoomState();
  override maxMessagesPerSecond = MAX_MESSAGES_PER_SECOND;

  private row: DropRow | null = null;
  private channel = "";
  private reload: ThrottledRunner | null = null;
  private host: DropHostDriver | null = null;
  private readonly guard = new MessageGuard();
  private readonly seats = new SeatRules();

  static override async onAuth(_token: string, options: unknown, context: AuthContext): Promise<AuthResult> {
    const parsed = DropJoinOptions.safeParse(options ?? {});
    if (!parsed.success) {
      throw refused(DropRoomRefusals.make("invalid_options", { message: summarizeIssues(parsed.error) }));
    }
    const ctx = roomContext();
    const drop = await getDropRow(ctx.database, parsed.data.dropId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.notFound)
        throw refused(DropRoomRefusals.make("not_found"));
      throw error;
    });
    const user = await ctx.resolveSession(context.headers.get("cookie") ?? undefined);
    await checkGuestRoomCreation("drop", context, user !== null);
    const now = ctx.clock.now();
    const viewer = await viewerOf(ctx.database, drop, user, now);
    const refusal = admission(drop, dropPhaseAt(drop, now), viewer);
    if (refusal) throw refused(refusal);
    return { viewer };
  }

  override async onCreate(options: unknown): Promise<void> {
    const { dropId } = DropJoinOptions.parse(options);
    const ctx = roomContext();
    this.row = await getDropRow(ctx.database, dropId);
    applyDropRow(this.state, this.row, ctx.clock.now());
    this.host = await DropHostDriver.start(this.state, ctx, ctx.clock.now().getTime());
    this.reload = throttledRunner(
      DROP_RELOAD_MIN_GAP_MS,
      () => this.reloadRow(),
      (error) => logFor("drops").error({ err: error, dropId }, "drop room reload failed"),
    );
    this.channel = dropChangedChannel(dropId);
    await this.presence.subscribe(this.channel, this.onDropChanged);
    this.clock.setInterval(() => this.tick(), DROP_ROOM_TICK_MS);
    this.clock.setInterval(() => this.reload?.request(), DROP_RELOAD_SAFETY_MS);
  }

  override messages = guardedMessages(
    DropRoomProtocol.client,
    {
      timeSync: (client, msg) => {
        const serverTime = roomContext().clock.now().getTime();
        sendMessage(client, DropRoomProtocol.server, "timeSync", { clientTime: msg.clientTime, serverTime });
      },
    },
    this.guard,
  );

  override onJoin(client: Client): void {
    this.state.viewers = this.clients.length;
    if (this.row)
      recordDropVisit(
        this.row,
        (client.auth as { viewer?: { userId: string | null } })?.viewer?.userId,
        client.sessionId,
      );
    this.seats.watch(client);
  }

  override async onDrop(client: Client, code?: number): Promise<void> {
    // Someone we sent away, or closed for misbehaving, does not get a seat kept for them.
    if (this.seats.forfeits(client, code)) return;
    const returned = await this.allowReconnection(client, RECONNECT_GRACE_SECONDS).catch(() => null);
    if (returned) this.seats.watch(returned);
  }

  override onLeave(client: Client): void {
    this.guard.forget(client.sessionId);
    this.seats.forget(client.sessionId);
    this.state.viewers = this.clients.length;
  }

  override async onDispose(): Promise<void> {
    this.reload?.stop();
    if (this.channel) await this.presence.unsubscribe(this.channel, this.onDropChanged);
  }

  private readonly onDropChanged = (): void => {
    this.reload?.request();
  };

  private async reloadRow(): Promise<void> {
    const ctx = roomContext();
    this.row = await getDropRow(ctx.database, this.state.dropId);
    applyDropRow(this.state, this.row, ctx.clock.now());
  }

  /** Advances server time; on a phase change, sends away whoever may no longer be here. */
  private tick(): void {
    if (!this.row) return;
    const now = roomContext().clock.now();
    this.state.serverTime = now.getTime();
    this.state.viewers = this.clients.length;
    this.host?.tick(now.getTime());
    const phase = dropPhaseAt(this.row, now);
    if (phase === this.state.phase) return;
    this.state.phase = phase;
    // A phase boundary is also when stock moves most (early claims, then the public rush).
    this.reload?.request();
    for (const client of this.clients) {
      const viewer = (client.auth as AuthResult | undefined)?.viewer;
      const refusal = viewer ? admission(this.row, phase, viewer) : DropRoomRefusals.make("sign_in_required");
      if (refusal) sendAway(client, DropRoomRefusals, refusal);
    }
  }
}
