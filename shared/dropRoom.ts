/**
 * The `drop` room contract: one Colyseus room per drop that pushes the drop's live state (phase on
 * server time, remaining stock, viewers) to the drop page. Claims do NOT go through the room: they use
 * `POST /api/drops/:dropId/claims` with an `Idempotency-Key` header (answer: ClaimAnswer in drops.ts).
 *
 * Joining: `client.joinOrCreate(DROP_ROOM, { protocol: PROTOCOL_VERSION, dropId })` with the session
 * cookie. Who may be there in each phase:
 * - `scheduled` (before the announcement): nobody but the brand's managers and admins;
 * - `announced`: anyone, signed in or not, may watch the countdown;
 * - `early_access`: holders of an active pass of one of the drop's early-access pass types (and the
 *   brand's managers and admins); others are refused (`pass_required` / `sign_in_required`) with the
 *   time their window opens;
 * - `public` and `ended`: anyone.
 * Someone already in the room when the phase changes and who may no longer stay (announced → early
 * access without a pass) receives a `refused` message, then the room closes the connection with
 * DROP_ROOM_REFUSED_CLOSE_CODE; the page shows the reason and joins again at `opensAt`.
 *
 * A refused join rejects `joinOrCreate` with an error whose `code` is DROP_ROOM_REFUSED_CODE and whose
 * `message` is the JSON of a DropRoomRefusal: read it with `parseDropRoomRefusal(error)`.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import { z } from "zod";
import { LocalizedText } from "./catalog.ts";
import { PROTOCOL_VERSION } from "./constants.ts";
import { DropMode, DropPhase } from "./drops.ts";
import { HostState } from "./host/hostState.ts";

/** Name of the room type, as defined on the server. */
export const DROP_ROOM = "drop";

/** How often the room advances serverTime and re-evaluates the phase (ms). */
export const DROP_ROOM_TICK_MS = 250;

/** Options a client passes when it joins a drop's room. Identity comes from the session cookie only. */
export const DropJoinOptions = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION, {
      message: "This page is out of date: reload it to follow the drop.",
    }),
    dropId: z.string().min(1, "Name the drop to follow").max(100),
  })
  .strip();
export type DropJoinOptions = z.infer<typeof DropJoinOptions>;

/**
 * Synced state of a drop's room. All instants are epoch milliseconds on the server's clock; 0 means
 * "none" (no entries deadline, not sold out, not drawn). `serverTime` advances every tick, so a client
 * can keep `offset = serverTime - Date.now()` (or use the `timeSync` message for a tighter offset) and
 * show the same second of the countdown as everyone else.
 */
export const DropRoomState = schema(
  {
    dropId: t.string(),
    title: t.string(),
    productId: t.string(),
    brandId: t.string(),
    /** DropMode: "fcfs" or "raffle". */
    mode: t.string(),
    /** DropPhase at serverTime: "scheduled", "announced", "early_access", "public" or "ended". */
    phase: t.string(),
    stock: t.uint32(),
    /** Units neither held nor sold; goes back up when a hold expires. */
    remaining: t.uint32(),
    perAccountLimit: t.uint16(),
    announceAt: t.float64(),
    earlyAccessStartsAt: t.float64(),
    publicStartsAt: t.float64(),
    endsAt: t.float64(),
    /** Raffle only: the entry deadline; 0 for first-come-first-served drops. */
    entriesCloseAt: t.float64(),
    soldOutAt: t.float64(),
    /** Raffle only: when the draw happened; 0 until then. */
    drawnAt: t.float64(),
    serverTime: t.float64(),
    /** Connected clients in this drop's room (on this process). */
    viewers: t.uint32(),
    /** The host on the drop's stage (issue 6): its line, animation and place beside the pedestal. */
    host: HostState,
  },
  "DropRoomState",
);
export type DropRoomState = SchemaType<typeof DropRoomState>;

/** Why someone may not be in a drop's room now. */
export const DropRoomRefusalReason = z.enum([
  /** Join options were malformed or from another protocol version (reload the page). */
  "invalid_options",
  /** No drop with this id. */
  "not_found",
  /** The drop exists but is not announced yet; `opensAt` is the announcement. */
  "not_announced",
  /** Early access is for pass holders: sign in (a guest cannot hold a pass); `opensAt` is the public start. */
  "sign_in_required",
  /** Early access is for holders of one of the drop's passes; `opensAt` is the public start. */
  "pass_required",
]);
export type DropRoomRefusalReason = z.infer<typeof DropRoomRefusalReason>;

export const DropRoomRefusal = z.object({
  reason: DropRoomRefusalReason,
  /** Said for people (English); the client may translate by `reason` instead. */
  message: z.string(),
  /** When this caller may join (ISO instant), or null when that will not happen by waiting. */
  opensAt: z.iso.datetime().nullable(),
});
export type DropRoomRefusal = z.infer<typeof DropRoomRefusal>;

/**
 * `code` of the error that rejects a refused join (its message is a DropRoomRefusal as JSON). The
 * matchmaker answers over HTTP with it as the status, so it is an HTTP code (403), not a close code.
 */
export const DROP_ROOM_REFUSED_CODE = 403;
/** WebSocket close code when the room sends someone away after a phase change. */
export const DROP_ROOM_REFUSED_CLOSE_CODE = 4403;

/** The refusal carried by a failed join (an error with `code` and `message`), or null if it is not one. */
export function parseDropRoomRefusal(error: unknown): DropRoomRefusal | null {
  if (typeof error !== "object" || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== DROP_ROOM_REFUSED_CODE || typeof message !== "string") return null;
  try {
    const parsed = DropRoomRefusal.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Client → server messages, each validated by the room. */
export const DropClientMessages = {
  /** Ask for the server's clock: the answer echoes `clientTime` so the client can halve the round trip. */
  timeSync: z.object({ clientTime: z.number().finite().nonnegative() }).strict(),
} as const;
export type DropTimeSyncRequest = z.infer<typeof DropClientMessages.timeSync>;

/** Server → client messages. (Bad client messages are answered with `error`: RoomErrorMessage.) */
export const DropServerMessageType = {
  timeSync: "timeSync",
  refused: "refused",
  error: "error",
} as const;

export const DropTimeSyncAnswer = z.object({ clientTime: z.number(), serverTime: z.number() });
export type DropTimeSyncAnswer = z.infer<typeof DropTimeSyncAnswer>;

/** One drop in `GET /api/drops`: current and upcoming drops (not ended, already announced). */
export const DropListItem = z.object({
  id: z.string(),
  title: z.string(),
  mode: DropMode,
  phase: DropPhase,
  brandId: z.string(),
  brandName: z.string(),
  productId: z.string(),
  productName: LocalizedText,
  stock: z.number(),
  remaining: z.number(),
  perAccountLimit: z.number(),
  earlyAccessPassTypeIds: z.array(z.string()),
  announceAt: z.iso.datetime(),
  earlyAccessStartsAt: z.iso.datetime(),
  publicStartsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  entriesCloseAt: z.iso.datetime().nullable(),
  soldOutAt: z.iso.datetime().nullable(),
});
export type DropListItem = z.infer<typeof DropListItem>;

/** Answer of `GET /api/drops`, soonest public start first. */
export const DropList = z.object({ drops: z.array(DropListItem), serverTime: z.iso.datetime() });
export type DropList = z.infer<typeof DropList>;
