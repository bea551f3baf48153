import { BoxGeometry, CylinderGeometry, Group } from "three";
import type { ProductMaterials } from "./productMaterials.ts";
import type { ShapeColors } from "./shapeTypes.ts";
import { lathe, part } from "./shapeUtils.ts";

/**
 * A cut-crystal flacon: an octagonal lathe of transmissive glass tinted by the primary colour,
 * the juice inside, a metal collar (accent) and a lacquered cap (secondary).
 */
export function buildPerfume(c: ShapeColors, m: ProductMaterials): Group {
  const g = new Group();
  const bottle = lathe(
    [
      [0, 0],
      [0.3, 0],
      [0.34, 0.03],
      [0.35, 0.08],
      [0.35, 0.5],
      [0.32, 0.56],
      [0.2, 0.62],
      [0.08, 0.645],
      [0, 0.645],
    ],
    8,
  );
  bottle.rotateY(Math.PI / 8);
  g.add(part(bottle, m.glass(c.primary)));
  const juice = lathe(
    [
      [0, 0.07],
      [0.28, 0.07],
      [0.29, 0.46],
      [0, 0.46],
    ],
    8,
  );
  juice.rotateY(Math.PI / 8);
  g.add(part(juice, m.satin(c.primary)));
  g.add(part(new CylinderGeometry(0.09, 0.09, 0.07, 24), m.metal(c.accent), 0, 0.675, 0));
  const cap = new BoxGeometry(0.3, 0.32, 0.3);
  cap.rotateY(Math.PI / 4);
  g.add(part(cap, m.lacquer(c.secondary), 0, 0.87, 0));
  return g;
}
