/**
 * Where an engraving sits on the shapes the client builds itself, in the shape's own coordinates
 * (before normalising): a patch of the declared surface, bent onto it, and the turn of the piece
 * that shows it to a viewer in front. A surface missing here is engraved in the order, not drawn.
 */
import { PlaneGeometry } from "three";
import type { ProceduralShape } from "../../../../shared/catalog.ts";

export type EngravingSurface = {
  /** The patch, already in place on the surface (text runs along +x of its UVs). */
  geometry(): PlaneGeometry;
  /** Canvas pixels of the patch (its aspect). */
  canvas: { width: number; height: number };
  /** The yaw (radians) that turns the engraving towards a viewer looking along -z. */
  showYaw: number;
};

/**
 * A plane of width × height bent onto a cylinder about the x axis (radius r, centre y0, z0),
 * on its far side (-z), facing outwards: the back of a strap looped round a pillow.
 */
function onCylinderBack(width: number, height: number, r: number, y0: number, z0: number): PlaneGeometry {
  const plane = new PlaneGeometry(width, height, 8, 12);
  const p = plane.attributes.position;
  if (!p) return plane;
  for (let i = 0; i < p.count; i++) {
    const x = p.getX(i);
    // Arc length along the strap → angle, so the letters keep their proportions on the curve.
    const angle = p.getY(i) / r;
    // Mirror x: the patch faces -z, where the viewer's right is the model's -x.
    p.setXYZ(i, -x, y0 + Math.sin(angle) * r, z0 - Math.cos(angle) * r);
  }
  plane.computeVertexNormals();
  return plane;
}

const WATCH_STRAP: EngravingSurface = {
  // Just outside the strap of watch.ts (radius 0.225 about the pillow's axis at y 0.22).
  geometry: () => onCylinderBack(0.13, 0.09, 0.2262, 0.22, 0),
  canvas: { width: 512, height: 354 },
  showYaw: Math.PI,
};

const SURFACES: Partial<Record<ProceduralShape, Record<string, EngravingSurface>>> = {
  watch: { strap: WATCH_STRAP },
};

export function engravingSurface(shape: ProceduralShape, surface: string): EngravingSurface | null {
  return SURFACES[shape]?.[surface] ?? null;
}
