import {
  BoxGeometry,
  CapsuleGeometry,
  CircleGeometry,
  CylinderGeometry,
  DoubleSide,
  Group,
  TorusGeometry,
} from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import type { ProductMaterials } from "./productMaterials.ts";
import type { ShapeColors } from "./shapeTypes.ts";
import { part } from "./shapeUtils.ts";

/** Twelve hour markers around a dial of radius r, merged into one geometry. */
function markers(r: number) {
  const parts = [];
  for (let i = 0; i < 12; i++) {
    const a = (i * Math.PI) / 6;
    const b = new BoxGeometry(0.012, i % 3 === 0 ? 0.04 : 0.025, 0.006);
    b.translate(0, r, 0);
    b.rotateZ(a);
    parts.push(b);
  }
  return mergeGeometries(parts);
}

/**
 * A wristwatch on a display pillow: strap (accent) looped round the pillow, a polished case and
 * bezel (primary), a dial (secondary) with markers and hands.
 */
export function buildWatch(c: ShapeColors, m: ProductMaterials): Group {
  const g = new Group();
  const pillow = new CapsuleGeometry(0.2, 0.36, 8, 24);
  pillow.rotateZ(Math.PI / 2);
  g.add(part(pillow, m.velvet("#e9e1d3"), 0, 0.22, 0));
  const strap = new CylinderGeometry(0.225, 0.225, 0.14, 56, 1, true);
  strap.rotateZ(Math.PI / 2);
  const strapMaterial = m.leather(c.accent);
  strapMaterial.side = DoubleSide;
  g.add(part(strap, strapMaterial, 0, 0.22, 0));
  const z = 0.26;
  const y = 0.22;
  const caseGeo = new CylinderGeometry(0.16, 0.16, 0.06, 48);
  caseGeo.rotateX(Math.PI / 2);
  g.add(part(caseGeo, m.metal(c.primary, 0.1), 0, y, z));
  g.add(part(new TorusGeometry(0.155, 0.018, 12, 64), m.metal(c.primary, 0.08), 0, y, z + 0.03));
  g.add(part(new CircleGeometry(0.145, 48), m.lacquer(c.secondary), 0, y, z + 0.031));
  g.add(part(markers(0.12), m.metal(c.primary, 0.1), 0, y, z + 0.034));
  const hour = new BoxGeometry(0.014, 0.075, 0.004);
  hour.translate(0, 0.035, 0);
  hour.rotateZ(-0.9);
  const minute = new BoxGeometry(0.01, 0.11, 0.004);
  minute.translate(0, 0.05, 0);
  minute.rotateZ(0.55);
  g.add(part(mergeGeometries([hour, minute]), m.metal(c.primary, 0.1), 0, y, z + 0.038));
  const crown = new CylinderGeometry(0.018, 0.018, 0.035, 16);
  crown.rotateZ(Math.PI / 2);
  g.add(part(crown, m.metal(c.primary, 0.1), 0.175, y, z));
  return g;
}
