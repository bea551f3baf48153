/**
 * The `salon` room contract: one Colyseus room per appointment, a maison's private salon where the
 * client, their advisor and one guest the client invited meet around a table.
 *
 * Joining: `client.joinOrCreate(SALON_ROOM, { protocol, appointmentId, guestToken? })` with the
 * session cookie (a guest may come with the link's token alone). The server admits only the
 * appointment's client, its advisor and the holder of its current guest link, only while the salon
 * is open (from ten minutes before the start until thirty minutes after the end, on the server's
 * clock), and at most one guest at a time; everyone else gets a named SalonRefusal. When the salon
 * closes, everyone inside is sent away.
 *
 * Inside: walking (the kernel's intents), call signalling relayed between the people in the room
 * (shared/media.ts: `from` is set by the room), a shared viewer (a piece on the table with its
 * variant, turn and zoom, in state), the selection list the advisor builds (persisted, mirrored
 * in state), an engraving choice validated by the server against the piece's options and shown to
 * everyone, and the client's hand-over of a selected piece to a drop's claim or an order.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";
import { z } from "zod";
import type { ProductModel } from "../catalog.ts";
import { CallSignalFromPeer, CallSignalToPeer } from "../media.ts";
import type { ProductPersonalisation } from "../personalisation.ts";
import { defineRefusals } from "../protocol/refusals.ts";
import { RoomErrors } from "../protocol/roomErrors.ts";
import { defineRoomProtocol, protocolVersionOption } from "../protocol/roomProtocol.ts";
import { AvatarState } from "../walking/avatarState.ts";
import { WalkIntents } from "../walking/intents.ts";
import type { WalkableLayout } from "../walking/layout.ts";
import { HandoverAnswer } from "./selection.ts";

export const SALON_ROOM = "salon";
export const SALON_TICK_RATE = 20;
/** How often the room checks, on the server's clock, whether the salon has closed (ms). */
export const SALON_CLOSE_CHECK_MS = 500;
/** The client, the advisor and one guest. */
export const SALON_MAX_PEOPLE = 3;
/**
 * Connections the room accepts: more than its people, so that a second window or a second guest
 * reaches this room (and is refused by name) instead of the matchmaker opening another one.
 */
export const SALON_MAX_CONNECTIONS = 8;

/** Turn and zoom limits of the shared viewer (radians; zoom as a factor of the piece's size). */
export const VIEWER_PITCH_LIMIT = Math.PI / 2;
export const VIEWER_ZOOM_MIN = 0.5;
export const VIEWER_ZOOM_MAX = 4;

const Id = z.string().min(1).max(100);

export const SalonJoinOptions = z
  .object({
    protocol: protocolVersionOption("This page is out of date: reload it to enter the salon."),
    appointmentId: Id,
    /** The secret of the client's guest link, for the person they invited. */
    guestToken: z.string().min(1).max(200).optional(),
  })
  .strip();
export type SalonJoinOptions = z.infer<typeof SalonJoinOptions>;

/** Who is in the salon, as everyone inside sees it (never a user id). */
export const SalonPersonState = schema(
  { sessionId: t.string(), role: t.string(), name: t.string() },
  "SalonPersonState",
);

/** The piece on the table, as both sides' viewers show it. */
export const SalonTableState = schema(
  {
    /** "" while the table is empty. */
    productId: t.string(),
    /** "" for the piece's default materials. */
    variant: t.string(),
    /** Turn about the vertical axis, and tilt (radians). */
    yaw: t.float32(),
    pitch: t.float32(),
    zoom: t.float32().default(1),
    /** Session of whoever put it there, or last turned it. */
    by: t.string(),
  },
  "SalonTableState",
);

/** The engraving (or initials, strap, stone) chosen for the piece on the table, as validated. */
export const SalonEngravingState = schema(
  {
    productId: t.string(),
    /** The validated PersonalisationChoice as JSON ("" when none). */
    choice: t.string(),
    by: t.string(),
  },
  "SalonEngravingState",
);

/** One piece of the appointment's selection list (the list itself lives in the database). */
export const SalonSelectionItemState = schema(
  {
    itemId: t.string(),
    productId: t.string(),
    variant: t.string(),
    /** The PersonalisationChoice as JSON ("" when none). */
    personalisation: t.string(),
    handover: t.string(),
  },
  "SalonSelectionItemState",
);

export const SalonState = schema(
  {
    appointmentId: t.string(),
    brandId: t.string(),
    /** When the salon closes (ISO), on the server's clock. */
    closesAt: t.string(),
    people: t.map(SalonPersonState),
    table: SalonTableState,
    engraving: SalonEngravingState,
    selectionListId: t.string(),
    selection: t.array(SalonSelectionItemState),
    avatars: t.map(AvatarState),
  },
  "SalonState",
);
export type SalonState = SchemaType<typeof SalonState>;

export const SalonRefusals = defineRefusals({
  reasons: ["invalid_options", "not_invited", "not_open_yet", "closed", "guest_present", "already_inside"],
  messages: {
    invalid_options: "This page could not enter the salon: reload it.",
    not_invited: "This salon is for the appointment's client, their advisor and the client's guest.",
    not_open_yet: "The salon opens ten minutes before the appointment.",
    closed: "This appointment's salon is closed.",
    guest_present: "The client's guest is already in the salon.",
    already_inside: "You are already in this salon, in another window.",
  },
  fields: { opensAt: z.iso.datetime().optional() },
});
export type SalonRefusalReason = z.infer<typeof SalonRefusals.Reason>;
export type SalonRefusal = z.infer<typeof SalonRefusals.Refusal>;

/** Put a piece of the maison on the table (client or advisor). */
export const PlaceOnTable = z
  .object({ productId: Id, variant: z.string().min(1).max(200).nullable().default(null) })
  .strict();
/** Turn and zoom the piece on the table; the server clamps pitch and zoom. */
export const TurnTable = z
  .object({
    yaw: z.number().finite(),
    pitch: z.number().finite(),
    zoom: z.number().finite(),
  })
  .strict();

export const SalonProtocol = defineRoomProtocol({
  room: SALON_ROOM,
  join: SalonJoinOptions,
  client: {
    ...WalkIntents,
    /** A call signal for one other person in the salon. */
    call: CallSignalToPeer,
    placeOnTable: PlaceOnTable,
    setVariant: z.object({ variant: z.string().min(1).max(200).nullable() }).strict(),
    turnTable: TurnTable,
    clearTable: z.object({}).strict(),
    /** Advisor only: add the piece (with variant and personalisation) to the client's list. */
    selectionAdd: z
      .object({
        productId: Id,
        variant: z.string().min(1).max(200).nullable().default(null),
        personalisation: z.unknown().optional(),
        note: z.string().trim().min(1).max(1000).optional(),
      })
      .strict(),
    selectionRemove: z.object({ itemId: Id }).strict(),
    /** Choose the personalisation of the piece on the table (null clears it). */
    engrave: z.object({ productId: Id, choice: z.unknown() }).strict(),
    /** Client only: decide on a piece of the list. */
    handover: z
      .object({
        itemId: Id,
        to: z.enum(["claim", "order"]),
        dropId: Id.optional(),
      })
      .strict(),
  },
  server: {
    ...RoomErrors,
    refused: SalonRefusals.Refusal,
    call: CallSignalFromPeer,
    handedOver: HandoverAnswer,
  },
});

/** The salon: a small lounge with the table in the middle; people arrive at the door (+z). */
export const SALON_LAYOUT: WalkableLayout = {
  bounds: { minX: -4, maxX: 4, minZ: -3, maxZ: 3 },
  colliders: [
    { kind: "circle", x: 0, z: 0, radius: 0.9 },
    { kind: "rect", minX: -3.8, maxX: -2.6, minZ: -2.8, maxZ: -1.2 },
    { kind: "rect", minX: 2.6, maxX: 3.8, minZ: -2.8, maxZ: -1.2 },
  ],
  spawn: { x: 0, z: 2.3, heading: Math.PI },
};

/**
 * Where the people inside stand when they arrive, facing the table: the first two either side of
 * it, a guest behind it; all in the seated camera's view (at the door, the camera stands inside them).
 */
export const SALON_SEATS = [
  { x: 1.0, z: -0.9 },
  { x: -1.0, z: -0.9 },
  { x: 0, z: -1.5 },
] as const;

/** The table's pose, with pitch and zoom within the viewer's limits and the turn within one round. */
export function clampTablePose(pose: z.infer<typeof TurnTable>): z.infer<typeof TurnTable> {
  const tau = Math.PI * 2;
  const yaw = ((pose.yaw % tau) + tau) % tau;
  const pitch = Math.min(VIEWER_PITCH_LIMIT, Math.max(-VIEWER_PITCH_LIMIT, pose.pitch));
  const zoom = Math.min(VIEWER_ZOOM_MAX, Math.max(VIEWER_ZOOM_MIN, pose.zoom));
  return { yaw, pitch, zoom };
}

/**
 * The variants a piece may show on the salon's table: a glTF's KHR_materials_variants, or, for a
 * piece the client builds itself, the choices of its strap or stone options that recolour it (the
 * "material variants" of a procedural model). The server checks `setVariant` against this list;
 * both viewers render the same entry.
 */
export function tableVariantsOf(
  model: ProductModel,
  personalisation: ProductPersonalisation,
): Array<{ name: string; colors: { primary?: string; secondary?: string; accent?: string } | null }> {
  if (model.kind === "gltf") return (model.variants ?? []).map((v) => ({ name: v.name, colors: null }));
  const variants: Array<{ name: string; colors: { primary?: string; secondary?: string; accent?: string } }> =
    [];
  for (const option of personalisation.options) {
    if (option.kind !== "choice") continue;
    for (const choice of option.choices) {
      if ("colors" in choice.appearance)
        variants.push({ name: choice.value, colors: choice.appearance.colors });
    }
  }
  return variants;
}
