/**
 * The `error` message every room sends when it refuses something a client sent (a payload that
 * fails its schema, an unknown message type, a click target off the floor): the same shape as an
 * API error's body, so a person reads the same kind of answer everywhere.
 */
import { z } from "zod";

export const RoomErrorMessage = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type RoomErrorMessage = z.infer<typeof RoomErrorMessage>;

/** The server → client entry every room's protocol table carries. */
export const RoomErrors = { error: RoomErrorMessage } as const;
