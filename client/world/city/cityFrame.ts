/**
 * Dimensions of the decor around the walkable avenue (none of it is walkable, so none of it needs a
 * collider): buildings close both ends of the avenue END_SETBACK metres past its bounds, and the
 * residential storeys above the boutiques rise to ROOF_LINE.
 */
export const END_SETBACK = 8;
/** x of the recessed ground-floor wall behind the boutique facades (facades stand at ±9). */
export const BACK_WALL_X = 9.45;
/** Top of the boutiques' own facades (BOUTIQUE_HEIGHT) where the upper storeys begin. */
export const UPPER_FLOORS_BASE = 9;
export const ROOF_LINE = 18;
/** Depth of the mansard roof's slope, seen from the street. */
export const MANSARD_HEIGHT = 4;
