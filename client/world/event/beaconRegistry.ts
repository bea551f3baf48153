/** Where the avenue's live-event beacons stand (for the avenue's test hook), by event id. */
import type { Object3D } from "three";

export const beaconRegistry = new Map<string, { brandId: string; anchor: Object3D }>();
