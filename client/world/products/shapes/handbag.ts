import { BoxGeometry, CylinderGeometry, ExtrudeGeometry, Group, Shape, TorusGeometry } from "three";
import type { ProductMaterials } from "./productMaterials.ts";
import type { ShapeColors } from "./shapeTypes.ts";
import { part } from "./shapeUtils.ts";

function trapezoid(bottom: number, top: number, height: number, radius: number): Shape {
  const b = bottom / 2;
  const t = top / 2;
  const s = new Shape();
  s.moveTo(-b + radius, 0);
  s.lineTo(b - radius, 0);
  s.quadraticCurveTo(b, 0, b - radius * 0.2, radius);
  s.lineTo(t, height);
  s.lineTo(-t, height);
  s.lineTo(-b + radius * 0.2, radius);
  s.quadraticCurveTo(-b, 0, -b + radius, 0);
  return s;
}

/**
 * A structured top-handle bag: bevelled extruded body (primary leather), a flap and arched handle
 * (secondary), and metal hardware (accent).
 */
export function buildHandbag(c: ShapeColors, m: ProductMaterials): Group {
  const g = new Group();
  const depth = 0.3;
  const body = new ExtrudeGeometry(trapezoid(0.9, 0.74, 0.6, 0.12), {
    depth,
    bevelEnabled: true,
    bevelThickness: 0.03,
    bevelSize: 0.03,
    bevelSegments: 4,
    curveSegments: 12,
  });
  body.translate(0, 0, -depth / 2);
  g.add(part(body, m.leather(c.primary)));
  const flapShape = new Shape();
  flapShape.moveTo(-0.4, 0.63);
  flapShape.lineTo(0.4, 0.63);
  flapShape.lineTo(0.42, 0.38);
  flapShape.quadraticCurveTo(0, 0.24, -0.42, 0.38);
  flapShape.closePath();
  const flap = new ExtrudeGeometry(flapShape, {
    depth: 0.02,
    bevelEnabled: true,
    bevelThickness: 0.008,
    bevelSize: 0.008,
  });
  g.add(part(flap, m.leather(c.secondary), 0, 0, depth / 2 + 0.03));
  g.add(part(new BoxGeometry(0.11, 0.07, 0.03), m.metal(c.accent), 0, 0.33, depth / 2 + 0.07));
  const handle = new TorusGeometry(0.22, 0.026, 12, 40, Math.PI);
  g.add(part(handle, m.leather(c.secondary), 0, 0.66, 0));
  for (const x of [-0.22, 0.22]) {
    g.add(part(new CylinderGeometry(0.035, 0.035, 0.05, 12), m.metal(c.accent), x, 0.655, 0));
  }
  return g;
}
