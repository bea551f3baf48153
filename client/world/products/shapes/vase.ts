import { Group, TorusGeometry } from "three";
import type { ProductMaterials } from "./productMaterials.ts";
import type { ShapeColors } from "./shapeTypes.ts";
import { lathe, part } from "./shapeUtils.ts";

const PROFILE: [number, number][] = [
  [0, 0],
  [0.17, 0],
  [0.19, 0.02],
  [0.15, 0.07],
  [0.2, 0.15],
  [0.31, 0.32],
  [0.355, 0.45],
  [0.34, 0.56],
  [0.28, 0.68],
  [0.17, 0.8],
  [0.125, 0.88],
  [0.13, 0.95],
  [0.165, 1],
  [0.15, 1],
  [0.115, 0.93],
  [0.1, 0.86],
];

/** A porcelain amphora (primary) with a painted band (secondary) and gilded neck and foot rings (accent). */
export function buildVase(c: ShapeColors, m: ProductMaterials): Group {
  const g = new Group();
  g.add(part(lathe(PROFILE, 64), m.porcelain(c.primary)));
  const band = lathe(
    [
      [0.336, 0.4],
      [0.358, 0.45],
      [0.352, 0.5],
    ],
    64,
  );
  g.add(part(band, m.satin(c.secondary)));
  for (const [r, y] of [
    [0.128, 0.885],
    [0.158, 0.075],
  ] as const) {
    const ring = new TorusGeometry(r, 0.012, 8, 64);
    ring.rotateX(Math.PI / 2);
    g.add(part(ring, m.metal(c.accent), 0, y, 0));
  }
  return g;
}
