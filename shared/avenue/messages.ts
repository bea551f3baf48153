import { z } from "zod";
import { PROTOCOL_VERSION } from "../constants.ts";

/** Bound on any coordinate a client may name; real bounds come from the layout. */
const COORD_LIMIT = 10_000;
const Coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);

/** Options a client passes when it joins the avenue. Identity never comes from here. */
export const AvenueJoinOptions = z
  .object({
    protocol: z.literal(PROTOCOL_VERSION, {
      message: "This page is out of date: reload it to join the avenue.",
    }),
  })
  .strip();
export type AvenueJoinOptions = z.infer<typeof AvenueJoinOptions>;

/** Client → server intents in the avenue. Each is validated by the room before it is used. */
export const AvenueClientMessages = {
  /** Walk in a world direction (length ≤ 1), e.g. from the keyboard; {0,0} stops. */
  move: z
    .object({ dirX: z.number().finite().min(-1).max(1), dirZ: z.number().finite().min(-1).max(1) })
    .strict(),
  /** Walk to a point on the ground (click to walk). */
  moveTo: z.object({ x: Coord, z: Coord }).strict(),
} as const;
export type MoveIntent = z.infer<typeof AvenueClientMessages.move>;
export type MoveToIntent = z.infer<typeof AvenueClientMessages.moveTo>;

/** Server → client messages. */
export const RoomErrorMessage = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type RoomErrorMessage = z.infer<typeof RoomErrorMessage>;

export const ServerMessageType = {
  error: "error",
  catalogChanged: "catalogChanged",
} as const;
