import type { BoutiqueLayout } from "../../../shared/avenue/layout.ts";

/** Metres out from a facade where a walker stops to look at its windows. */
const STAND_OFF = 3.2;

/**
 * Where to stand to look at a boutique from the street, and the camera yaw that faces it
 * (heading convention of shared/avenue/layout.ts: forward is (sin yaw, cos yaw)).
 */
export function boutiqueApproach(b: BoutiqueLayout): { x: number; z: number; yaw: number } {
  const left = b.side === "left";
  return {
    x: b.facade.x + (left ? STAND_OFF : -STAND_OFF),
    z: b.facade.z,
    yaw: left ? -Math.PI / 2 : Math.PI / 2,
  };
}
