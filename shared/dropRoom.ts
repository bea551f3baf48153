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
 * A refused join rejects `joinOrCreate` with an error whose `code` is REFUSED_JOIN_CODE and whose
 * `message` is the JSON of a DropRoomRefusal: read it with `parseDropRoomRefusal(error)`. Every message
 * of the room is in DropRoomProtocol.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import { z } from "zod";
import { LocalizedText } from "./catalog.ts";
import { DropMode, DropPhase } from "./drops.ts";
import { HostState } from "./host/hostState.ts";
import { defineRefusals } from "./protocol/refusals.ts";
import { RoomErrors } from "./protocol/roomErrors.ts";
import { defineRoomProtocol, protocolVersionOption } from "./protocol/roomProtocol.ts";

/** Name of the room type, as defined on the server. */
export const DROP_ROOM = "drop";

/** How often the room advances serverTime and re-evaluates the phase (ms). */
export const DROP_ROOM_TICK_MS = 250;

/** Options a client passes when it joins a drop's room. Identity comes from the session cookie only. */
export const DropJoinOptions = z
  .object({
    protocol: protocolVersionOption("This page is out of date: reload it to follow the drop."),
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
    /** The drop's title per language (locale → text; English always there). */
    title: t.map("string"),
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

/**
 * Why someone may not be in a drop's room now (the English message of each reason says it), and
 * when they may come back: `opensAt` (ISO instant), or null when waiting will not help.
 */
export const DropRoomRefusals = defineRefusals({
  reasons: ["invalid_options", "not_found", "not_announced", "sign_in_required", "pass_required"],
  messages: {
    /** Join options were malformed or from another protocol version (reload the page). */
    invalid_options: "This page could not join the drop: reload it.",
    not_found: "There is no such drop.",
    /** `opensAt` is the announcement. */
    not_announced: "This drop has not been announced yet.",
    /** A guest cannot hold a pass; `opensAt` is the public start. */
    sign_in_required: "Early access is for pass holders. Sign in, or come back at the public start.",
    /** `opensAt` is the public start. */
    pass_required: "Early access is for holders of this drop's pass. Everyone may join at the public start.",
  },
  fields: { opensAt: z.iso.datetime().nullable().default(null) },
});
export type DropRoomRefusal = z.infer<typeof DropRoomRefusals.Refusal>;
/** WebSocket close code when the room sends someone away after a phase change. */
export const DROP_ROOM_REFUSED_CLOSE_CODE = DropRoomRefusals.closeCode;
/** The refusal carried by a failed join, or null if it is not one. */
export const parseDropRoomRefusal = DropRoomRefusals.fromJoinError;

/** Answer to `timeSync`: the client's time echoed, and the server's. */
export const DropTimeSyncAnswer = z.object({ clientTime: z.number(), serverTime: z.number() });
export type DropTimeSyncAnswer = z.infer<typeof DropTimeSyncAnswer>;

/** Every message of the drop room, both directions. Claims are NOT here: they go over HTTP. */
export const DropRoomProtocol = defineRoomProtocol({
  room: DROP_ROOM,
  join: DropJoinOptions,
  client: {
    /** Ask for the server's clock: the answer echoes `clientTime` so the client can halve the round trip. */
    timeSync: z.object({ clientTime: z.number().finite().nonnegative() }).strict(),
  },
  server: {
    ...RoomErrors,
    timeSync: DropTimeSyncAnswer,
    /** Sent just before the room closes a connection that may no longer stay (after a phase change). */
    refused: DropRoomRefusals.Refusal,
  },
});

/** One drop in `GET /api/drops`: current and upcoming drops (not ended, already announced). */
export const DropListItem = z.object({
  id: z.string(),
  title: LocalizedText,
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
