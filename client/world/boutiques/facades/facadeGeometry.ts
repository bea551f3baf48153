import { type BufferGeometry, ExtrudeGeometry, Path, Shape } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { boxBetween } from "../../ground/groundGeometry.ts";
import {
  DOOR_HALF_WIDTH,
  type FacadeSpec,
  WALL_DEPTH,
  WINDOW_CENTRE_U,
  WINDOW_HALF_WIDTH,
  WINDOW_SILL,
} from "../boutiqueFrame.ts";

/**
 * The facade wall with its two window openings and the door cut from its bottom edge (a notch in
 * the outline rather than a hole, which triangulates cleanly). Front face at z = 0.
 */
export function facadeWall(width: number, height: number, spec: FacadeSpec): BufferGeometry {
  const w = width / 2;
  const d = DOOR_HALF_WIDTH;
  const outline = new Shape();
  outline.moveTo(-w, 0);
  outline.lineTo(-d, 0);
  if (spec.arched) {
    const spring = spec.doorTop - d;
    outline.lineTo(-d, spring);
    outline.absarc(0, spring, d, Math.PI, 0, true);
  } else {
    outline.lineTo(-d, spec.doorTop);
    outline.lineTo(d, spec.doorTop);
  }
  outline.lineTo(d, 0);
  outline.lineTo(w, 0);
  outline.lineTo(w, height);
  outline.lineTo(-w, height);
  outline.closePath();
  for (const side of [-1, 1]) {
    const x0 = side * WINDOW_CENTRE_U - WINDOW_HALF_WIDTH;
    const x1 = side * WINDOW_CENTRE_U + WINDOW_HALF_WIDTH;
    const hole = new Path();
    hole.moveTo(x0, WINDOW_SILL);
    hole.lineTo(x1, WINDOW_SILL);
    if (spec.arched) {
      const spring = spec.windowTop - WINDOW_HALF_WIDTH;
      hole.lineTo(x1, spring);
      hole.absarc(side * WINDOW_CENTRE_U, spring, WINDOW_HALF_WIDTH, 0, Math.PI, false);
    } else {
      hole.lineTo(x1, spec.windowTop);
      hole.lineTo(x0, spec.windowTop);
    }
    hole.closePath();
    outline.holes.push(hole);
  }
  const g = new ExtrudeGeometry(outline, { depth: WALL_DEPTH, bevelEnabled: false, curveSegments: 20 });
  g.translate(0, 0, -WALL_DEPTH);
  return g;
}

/** A box in the facade frame: x0..x1 along, y0..y1 up, standing `depth` proud of the wall. */
export function facadeBox(
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  depth: number,
  back = 0,
): BufferGeometry {
  return boxBetween(x0, x1, y0, y1, -back, depth);
}

/** A moulded cornice profile (in z, y) extruded along the facade's width. */
export function cornice(width: number, y: number, profile: readonly [number, number][]): BufferGeometry {
  const shape = new Shape();
  shape.moveTo(0, y);
  for (const [z, dy] of profile) shape.lineTo(z, y + dy);
  shape.lineTo(0, y + (profile[profile.length - 1]?.[1] ?? 0));
  shape.closePath();
  const g = new ExtrudeGeometry(shape, { depth: width, bevelEnabled: false });
  // The shape's x is depth towards the street; extrusion runs along z: turn it to run along x.
  g.rotateY(-Math.PI / 2);
  g.translate(width / 2, 0, 0);
  return g;
}

/** The classic cornice, used by the classic and arcade styles. */
export const CLASSIC_CORNICE: [number, number][] = [
  [0.08, 0],
  [0.08, 0.1],
  [0.2, 0.18],
  [0.2, 0.28],
  [0.34, 0.36],
  [0.5, 0.42],
  [0.5, 0.52],
];

/** Merges parts of mixed kinds (extrusions are non-indexed, boxes indexed) into one geometry. */
export function mergeParts(parts: BufferGeometry[]): BufferGeometry {
  const flat = parts.map((g) => (g.index ? g.toNonIndexed() : g));
  for (const g of flat) {
    for (const name of Object.keys(g.attributes)) {
      if (name !== "position" && name !== "normal" && name !== "uv") g.deleteAttribute(name);
    }
  }
  const merged = mergeGeometries(flat);
  for (const g of [...parts, ...flat]) g.dispose();
  return merged;
}

/** Window frame bars (left, right, top) around an opening, `bar` wide, `depth` proud. */
export function frameAround(x0: number, x1: number, y0: number, y1: number, bar: number, depth: number) {
  return [
    facadeBox(x0 - bar, x0, y0 - bar, y1 + bar, depth),
    facadeBox(x1, x1 + bar, y0 - bar, y1 + bar, depth),
    facadeBox(x0, x1, y1, y1 + bar, depth),
    facadeBox(x0, x1, y0 - bar, y0, depth),
  ];
}
