/**
 * The `vitrine` room contract: one Colyseus room per owner, a small gallery where the owner's
 * collectibles stand on lit pedestals and the people they let in walk as avatars.
 *
 * Joining: first read the collection over HTTP (`GET /api/vitrines/mine` for the owner,
 * `GET /api/vitrines/:token` for a visitor), then `client.joinOrCreate(VITRINE_ROOM, { protocol,
 * owner: view.ownerPseudonym, token? })` with the session cookie. The room is matched by `owner`;
 * the server admits the owner (by their session) or a visitor holding the owner's CURRENT share
 * token, and refuses anyone else with a named VitrineRoomRefusal (a rotated link stops working, and a
 * visitor already inside when the link is rotated is sent away). Identity never comes from options.
 *
 * Moving: the walkable rooms' intents (shared/walking/intents.ts) under the shared movement rules
 * (shared/walking/step.ts) against this room's own layout (`layoutVitrine`). Every message of the
 * room, both directions, is in VitrineProtocol.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import { z } from "zod";
import { VitrineToken } from "./collectibles.ts";
import { defineRefusals } from "./protocol/refusals.ts";
import { RoomErrors } from "./protocol/roomErrors.ts";
import { defineRoomProtocol, protocolVersionOption } from "./protocol/roomProtocol.ts";
import { AvatarState } from "./walking/avatarState.ts";
import { WalkIntents } from "./walking/intents.ts";
import type { Collider, WalkableLayout } from "./walking/layout.ts";

/** Name of the room type, as defined on the server. */
export const VITRINE_ROOM = "vitrine";

/** Simulation rate of the room (Hz) and how often it re-reads the collection and the link (ms). */
export const VITRINE_TICK_RATE = 30;
export const VITRINE_REFRESH_MS = 3_000;
/** People in one vitrine at once (the owner and their guests). */
export const VITRINE_MAX_CLIENTS = 24;

/** Options a client passes when it joins a vitrine. */
export const VitrineJoinOptions = z
  .object({
    protocol: protocolVersionOption("This page is out of date: reload it to enter the vitrine."),
    /** The owner's pseudonym (VitrineView.ownerPseudonym): which vitrine, never who you are. */
    owner: z.string().min(1, "Name the vitrine to enter").max(200),
    /** The owner's visitor link token; absent when the owner enters their own vitrine. */
    token: VitrineToken.optional(),
  })
  .strip();
export type VitrineJoinOptions = z.infer<typeof VitrineJoinOptions>;

/** One collectible on display. Names are per language (keys of LOCALES, "en" always present). */
export const VitrinePedestalState = schema(
  {
    copyId: t.string(),
    collectibleId: t.string(),
    name: t.map("string"),
    brandName: t.string(),
    edition: t.uint32(),
    editionSize: t.uint32(),
    modelUrl: t.string(),
    /** Height the piece is shown at on its pedestal (metres). */
    displayHeight: t.float32(),
  },
  "VitrinePedestalState",
);
export type VitrinePedestalState = SchemaType<typeof VitrinePedestalState>;

export const VitrineState = schema(
  {
    ownerName: t.string(),
    ownerPseudonym: t.string(),
    /** The owner's session while they are inside ("" when they are not). */
    ownerSessionId: t.string(),
    /** In display order: pedestal i stands at `layoutVitrine(n).pedestals[i]`. Hidden copies never. */
    pedestals: t.array(VitrinePedestalState),
    avatars: t.map(AvatarState),
  },
  "VitrineState",
);
export type VitrineState = SchemaType<typeof VitrineState>;

/** Why someone may not be in a vitrine (the English message of each reason says it). */
export const VitrineRefusals = defineRefusals({
  reasons: ["invalid_options", "sign_in_required", "not_owner", "link_invalid"],
  messages: {
    /** Join options were malformed or from another protocol version (reload the page). */
    invalid_options: "This page could not enter the vitrine: reload it.",
    /** No token and not signed in: only the owner enters without a link. */
    sign_in_required: "Only the owner enters without a link: sign in, or ask them for their visitor link.",
    /** Signed in, but this is not their vitrine and they hold no link to it. */
    not_owner: "This vitrine belongs to someone else: ask them for their visitor link.",
    /** The link is unknown, was rotated by its owner, or is for another vitrine. */
    link_invalid: "This visitor link no longer opens the vitrine: its owner may have replaced it.",
  },
});
export type VitrineRefusalReason = z.infer<typeof VitrineRefusals.Reason>;
export type VitrineRoomRefusal = z.infer<typeof VitrineRefusals.Refusal>;
/** The refusal for `reason`, with its message. */
export const vitrineRefusal = VitrineRefusals.make;
/** The refusal carried by a failed join, or null. */
export const parseVitrineRefusal = VitrineRefusals.fromJoinError;
/** WebSocket close code when the room sends a visitor away (their link was rotated). */
export const VITRINE_REFUSED_CLOSE_CODE = VitrineRefusals.closeCode;

/** Every message of the vitrine room, both directions: walking, and being sent away. */
export const VitrineProtocol = defineRoomProtocol({
  room: VITRINE_ROOM,
  join: VitrineJoinOptions,
  client: { ...WalkIntents },
  server: { ...RoomErrors, refused: VitrineRefusals.Refusal },
});

// ---------------------------------------------------------------------------------------------
// Layout: one pure function, so the server's colliders and the client's gallery never disagree.
// ---------------------------------------------------------------------------------------------

/** Width of the gallery (x), wall to wall, for the largest collections; smaller ones get a cosier room. */
export const VITRINE_WIDTH = 11;
/** Radius of a pedestal's footprint (metres). */
export const PEDESTAL_RADIUS = 0.45;
/** Height of a pedestal's top, where the piece stands. */
export const PEDESTAL_HEIGHT = 1.02;
const WALL_INSET = 1.5;
const SIDE_SPACING = 2.8;
const BACK_SPACING = 2.6;
/** Room between the last pedestals and the entrance (the open front). */
const ENTRANCE_DEPTH = 5;

/** The room's width for `n` pieces: 7 m for one, 9 m for up to three, VITRINE_WIDTH beyond. */
function widthFor(n: number): number {
  if (n <= 1) return 7;
  if (n <= 3) return 9;
  return VITRINE_WIDTH;
}

export type VitrinePedestalSlot = {
  x: number;
  z: number;
  /** Rotation about y so the piece and its plaque face the middle of the room. */
  rotationY: number;
};

export type VitrineLayout = WalkableLayout & {
  pedestals: VitrinePedestalSlot[];
  /** The room's walls: x within ±width/2, z within [backZ, frontZ]. */
  room: { width: number; backZ: number; frontZ: number };
};

/**
 * The gallery for `count` pieces: up to three along the back wall (the first in the middle), the
 * rest in facing pairs along the side walls; the room widens and deepens with the collection. The
 * entrance is at +z, where people arrive facing the back wall.
 */
export function layoutVitrine(count: number): VitrineLayout {
  const n = Math.max(0, Math.floor(count));
  const sidePairs = Math.ceil(Math.max(0, n - 3) / 2);
  const backZ = 0;
  const frontZ = backZ + WALL_INSET + sidePairs * SIDE_SPACING + ENTRANCE_DEPTH;
  const width = widthFor(n);
  const half = width / 2;
  const pedestals: VitrinePedestalSlot[] = [];
  const backOrder = [0, -1, 1];
  for (let i = 0; i < Math.min(n, 3); i++) {
    pedestals.push({ x: (backOrder[i] ?? 0) * BACK_SPACING, z: backZ + WALL_INSET, rotationY: 0 });
  }
  for (let i = 3; i < n; i++) {
    const k = i - 3;
    const side = k % 2 === 0 ? -1 : 1;
    const row = Math.floor(k / 2);
    pedestals.push({
      x: side * (half - WALL_INSET),
      z: backZ + WALL_INSET + SIDE_SPACING * (row + 1),
      rotationY: side < 0 ? Math.PI / 2 : -Math.PI / 2,
    });
  }
  const colliders: Collider[] = pedestals.map((p) => ({
    kind: "circle",
    x: p.x,
    z: p.z,
    radius: PEDESTAL_RADIUS + 0.08,
  }));
  return {
    bounds: { minX: -half + 0.2, maxX: half - 0.2, minZ: backZ + 0.2, maxZ: frontZ - 0.2 },
    // A step aside from the middle, so the first piece is in view over the owner's shoulder.
    spawn: { x: 0.9, z: frontZ - 1.4, heading: Math.PI },
    colliders,
    pedestals,
    room: { width, backZ, frontZ },
  };
}
