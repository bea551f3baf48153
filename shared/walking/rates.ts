/**
 * How often a walkable room tells its clients where everyone is, and how far behind the client
 * draws remote avatars to stay smooth (issue 16: bytes per client). The fixed step still simulates
 * at the room's tick rate; only the wire is slower.
 */
import { VIEW_REFRESH_MS } from "../constants.ts";

/** State patches of walkable rooms: 10 Hz (the avenue simulates at 30 Hz). */
export const WALK_PATCH_INTERVAL_MS = 100;
/**
 * Remote avatars near the viewer are drawn this far in the past: two patch intervals and a margin,
 * so one late patch still finds a snapshot to interpolate towards.
 */
export const NEAR_INTERPOLATION_DELAY_MS = 2 * WALK_PATCH_INTERVAL_MS + 20;
/** The far pose is republished every interest refresh and rides the next patch. */
export const FAR_UPDATE_INTERVAL_MS = VIEW_REFRESH_MS;
/** Far avatars: the longest gap between two far updates (refresh + patch) and a patch of margin. */
export const FAR_INTERPOLATION_DELAY_MS = FAR_UPDATE_INTERVAL_MS + 2 * WALK_PATCH_INTERVAL_MS;
/** Within this distance (metres) an avatar is near: its pose rides every patch. */
export const NEAR_RADIUS = 20;
/** A near avatar turns far only beyond NEAR_RADIUS plus this, so the edge does not flicker. */
export const NEAR_HYSTERESIS = 2;
