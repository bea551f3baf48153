import { type AvenueLayout, PLAZA_LENGTH } from "../../../shared/avenue/layout.ts";

/** Half width of the sunken stone carriageway down the middle of the avenue. */
export const CARRIAGEWAY_HALF_WIDTH = 5.6;
/** Height of the sidewalks and plazas above the carriageway. */
export const KERB_HEIGHT = 0.12;

/** Half length (along z) of the stretch lined with boutiques, where the carriageway runs. */
export function rowHalfLength(layout: AvenueLayout): number {
  return (layout.bounds.maxZ - layout.bounds.minZ) / 2 - PLAZA_LENGTH;
}

/**
 * Height of the paving under (x, z): 0 on the carriageway, KERB_HEIGHT on sidewalks and plazas,
 * eased over a few centimetres so feet step up the kerb instead of popping.
 */
export function groundHeightAt(rowHalf: number, x: number, z: number): number {
  const outside = Math.max(Math.abs(x) - CARRIAGEWAY_HALF_WIDTH, Math.abs(z) - rowHalf);
  const t = Math.min(1, Math.max(0, (outside + 0.12) / 0.24));
  return KERB_HEIGHT * t * t * (3 - 2 * t);
}
