import { type BufferGeometry, PlaneGeometry } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { type AvenueLayout, STREET_HALF_WIDTH } from "../../../shared/avenue/layout.ts";
import { boxBetween } from "../ground/groundGeometry.ts";
import { BACK_WALL_X, END_SETBACK, MANSARD_HEIGHT, ROOF_LINE, UPPER_FLOORS_BASE } from "./cityFrame.ts";
import { CITY_TILE_WIDTH } from "./facadeTextures.ts";

/** A building front facing the street: centre (x, z), the heading its face looks along, its width. */
type Front = { x: number; z: number; heading: number; width: number };

/** A vertical wall quad whose texture repeats every CITY_TILE_WIDTH metres along its width. */
function wall(f: Front, inset: number, y0: number, y1: number): BufferGeometry {
  const g = new PlaneGeometry(f.width, y1 - y0);
  const uv = g.getAttribute("uv");
  for (let i = 0; i < uv.count; i++) uv.setX(i, (uv.getX(i) * f.width) / CITY_TILE_WIDTH);
  g.translate(0, (y0 + y1) / 2, -inset);
  g.rotateY(f.heading);
  g.translate(f.x, 0, f.z);
  return g;
}

/** The sloped slate roof above the cornice, leaning away from the street. */
function mansard(f: Front, inset: number): BufferGeometry {
  const run = 2.2;
  const g = new PlaneGeometry(f.width, Math.hypot(run, MANSARD_HEIGHT));
  const uv = g.getAttribute("uv");
  for (let i = 0; i < uv.count; i++) uv.setX(i, (uv.getX(i) * f.width) / CITY_TILE_WIDTH);
  g.rotateX(-Math.atan2(run, MANSARD_HEIGHT));
  g.translate(0, ROOF_LINE + MANSARD_HEIGHT / 2, -inset - run / 2);
  g.rotateY(f.heading);
  g.translate(f.x, 0, f.z);
  return g;
}

/** A horizontal moulding (cornice or balcony slab) running along a front. */
function band(f: Front, inset: number, y0: number, y1: number, depth: number): BufferGeometry {
  const g = boxBetween(-f.width / 2, f.width / 2, y0, y1, -inset - 0.2, -inset + depth);
  g.rotateY(f.heading);
  g.translate(f.x, 0, f.z);
  return g;
}

/**
 * The stretches of one long side not taken by a boutique (the gaps between them and the plaza
 * ends), as [z0, z1] pairs: the recessed ground-floor wall must not stand behind the boutiques,
 * whose vitrines reach deeper than it.
 */
function freeStretches(layout: AvenueLayout, side: "left" | "right", far: number): [number, number][] {
  const taken = layout.boutiques
    .filter((b) => b.side === side)
    .map((b) => [b.facade.z - b.width / 2, b.facade.z + b.width / 2] as const)
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let from = -far;
  for (const [z0, z1] of taken) {
    if (z0 > from) out.push([from, z0]);
    from = Math.max(from, z1);
  }
  if (from < far) out.push([from, far]);
  return out;
}

export type CityGeometry = {
  base: BufferGeometry;
  upper: BufferGeometry;
  roof: BufferGeometry;
  trim: BufferGeometry;
};

/**
 * The shell of buildings enclosing the avenue: both long sides and both ends, merged per material
 * so the whole city costs four draw calls whatever the avenue's length.
 */
export function buildCityGeometry(layout: AvenueLayout): CityGeometry {
  const far = Math.max(-layout.bounds.minZ, layout.bounds.maxZ) + END_SETBACK;
  const side = 2 * far;
  const across = 2 * BACK_WALL_X;
  const fronts: Front[] = [
    { x: -STREET_HALF_WIDTH, z: 0, heading: Math.PI / 2, width: side },
    { x: STREET_HALF_WIDTH, z: 0, heading: -Math.PI / 2, width: side },
    { x: 0, z: -far, heading: 0, width: across },
    { x: 0, z: far, heading: Math.PI, width: across },
  ];
  const recess = BACK_WALL_X - STREET_HALF_WIDTH;
  const merge = (parts: BufferGeometry[]) => mergeGeometries(parts);
  const sides = fronts.slice(0, 2);
  const ends = fronts.slice(2);
  return {
    base: merge([
      ...ends.map((f) => wall(f, recess, 0, UPPER_FLOORS_BASE)),
      ...(["left", "right"] as const).flatMap((side, i) => {
        const f = fronts[i] as Front;
        return freeStretches(layout, side, far).map(([z0, z1]) =>
          wall({ ...f, z: (z0 + z1) / 2, width: z1 - z0 }, recess, 0, UPPER_FLOORS_BASE),
        );
      }),
    ]),
    // The ends stay low (one arcaded storey) so the afterglow and the far dome show above them.
    upper: merge(sides.map((f) => wall(f, 0.15, UPPER_FLOORS_BASE, ROOF_LINE))),
    roof: merge(sides.map((f) => mansard(f, 0.15))),
    trim: merge([
      ...sides.flatMap((f) => [
        band(f, 0.15, ROOF_LINE - 0.35, ROOF_LINE + 0.12, 0.55),
        band(f, 0.15, 11.95, 12.1, 0.7),
        band(f, 0.15, UPPER_FLOORS_BASE - 0.1, UPPER_FLOORS_BASE + 0.15, 0.3),
      ]),
      ...ends.flatMap((f) => [
        band(f, recess, UPPER_FLOORS_BASE - 0.2, UPPER_FLOORS_BASE + 0.1, 0.45),
        band(f, recess, UPPER_FLOORS_BASE + 0.1, UPPER_FLOORS_BASE + 0.8, 0.1),
        band(f, recess, UPPER_FLOORS_BASE + 0.8, UPPER_FLOORS_BASE + 0.95, 0.25),
      ]),
      ...layout.boutiques.flatMap((b) => returnWalls(b.facade.x, b.facade.z, b.width, b.depth)),
    ]),
  };
}

/**
 * The flanks of a boutique's building, seen through the gaps between boutiques and from the
 * plazas: without them one would look past a facade's edge into nothing.
 */
function returnWalls(faceX: number, z: number, width: number, depth: number): BufferGeometry[] {
  const back = faceX + Math.sign(faceX) * depth;
  const cx = (faceX + back) / 2;
  return [-1, 1].map((dir) => {
    const g = new PlaneGeometry(depth, UPPER_FLOORS_BASE);
    if (dir < 0) g.rotateY(Math.PI);
    g.translate(cx, UPPER_FLOORS_BASE / 2, z + (dir * width) / 2);
    return g;
  });
}
