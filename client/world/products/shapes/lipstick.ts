import { CylinderGeometry, Group } from "three";
import type { ProductMaterials } from "./productMaterials.ts";
import type { ShapeColors } from "./shapeTypes.ts";
import { part } from "./shapeUtils.ts";

/** A bullet with the classic slanted tip: a cylinder whose top is sheared along x. */
function bullet(radius: number, height: number) {
  const g = new CylinderGeometry(radius, radius, height, 36, 6);
  const pos = g.getAttribute("position");
  for (let i = 0; i < pos.count; i++) {
    const y = pos.getY(i);
    if (y > height / 2 - 0.001) pos.setY(i, y - (pos.getX(i) + radius) * 0.85);
    else if (y > 0) pos.setY(i, y - (pos.getX(i) + radius) * 0.85 * (y / (height / 2)) ** 3);
  }
  g.computeVertexNormals();
  g.translate(0, height / 2, 0);
  return g;
}

/** An open lipstick beside its cap: lacquered case (primary), bullet (secondary), metal sleeve and bands (accent). */
export function buildLipstick(c: ShapeColors, m: ProductMaterials): Group {
  const g = new Group();
  g.add(part(new CylinderGeometry(0.12, 0.12, 0.45, 40), m.lacquer(c.primary), 0, 0.225, 0));
  g.add(part(new CylinderGeometry(0.123, 0.123, 0.035, 40), m.metal(c.accent), 0, 0.45, 0));
  g.add(part(new CylinderGeometry(0.1, 0.1, 0.2, 40), m.metal(c.accent), 0, 0.56, 0));
  g.add(part(bullet(0.085, 0.34), m.satin(c.secondary), 0, 0.66, 0));
  g.add(part(new CylinderGeometry(0.13, 0.13, 0.42, 40), m.lacquer(c.primary), 0.34, 0.21, -0.05));
  g.add(part(new CylinderGeometry(0.133, 0.133, 0.03, 40), m.metal(c.accent), 0.34, 0.4, -0.05));
  return g;
}
