/**
 * The intents every walkable room accepts (client → server), validated by the room's kernel before
 * use. A room's protocol table spreads them into its own (`client: { ...WalkIntents, … }`).
 */
import { z } from "zod";

/** Bound on any coordinate a client may name; real bounds come from the layout. */
const COORD_LIMIT = 10_000;
const Coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);

export const WalkIntents = {
  /** Walk in a world direction (length ≤ 1), e.g. from the keyboard; {0,0} stops. */
  move: z
    .object({ dirX: z.number().finite().min(-1).max(1), dirZ: z.number().finite().min(-1).max(1) })
    .strict(),
  /** Walk to a point on the ground (click to walk). */
  moveTo: z.object({ x: Coord, z: Coord }).strict(),
} as const;
