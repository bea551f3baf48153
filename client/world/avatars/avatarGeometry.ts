import { type BufferGeometry, CapsuleGeometry, PlaneGeometry, SphereGeometry } from "three";
import { mergeParts } from "../boutiques/facades/facadeGeometry.ts";
import { lathe } from "../products/shapes/shapeUtils.ts";

/** Joint positions in the avatar's frame (feet at the origin, facing +z), in metres. */
export const HIP = { x: 0.09, y: 0.86 };
export const SHOULDER = { x: 0.225, y: 1.39 };

/** A long tailored coat, slimmer front to back, from hem to collar. */
function coat(): BufferGeometry {
  const g = lathe(
    [
      [0, 0.5],
      [0.225, 0.5],
      [0.24, 0.53],
      [0.2, 0.76],
      [0.158, 0.96],
      [0.15, 1.03],
      [0.178, 1.2],
      [0.208, 1.34],
      [0.2, 1.41],
      [0.14, 1.455],
      [0.062, 1.49],
      [0.05, 1.51],
      [0, 1.51],
    ],
    22,
  );
  g.scale(1, 1, 0.82);
  return g;
}

function head(): BufferGeometry {
  const skull = new SphereGeometry(0.1, 20, 14);
  skull.scale(0.88, 1.08, 0.95);
  skull.translate(0, 1.645, 0.005);
  const neck = new CapsuleGeometry(0.04, 0.1, 2, 10);
  neck.translate(0, 1.53, 0);
  return mergeParts([skull, neck]);
}

function hair(): BufferGeometry {
  const g = new SphereGeometry(0.108, 20, 10, 0, Math.PI * 2, 0, Math.PI * 0.6);
  g.rotateX(-0.55);
  g.scale(0.92, 1.08, 0.98);
  g.translate(0, 1.655, -0.006);
  return g;
}

/** A leg hanging from the hip joint at the origin, with a slim shoe. */
function leg(): BufferGeometry {
  const length = HIP.y - 0.05;
  const shin = new CapsuleGeometry(0.052, length - 0.1, 3, 12);
  shin.translate(0, -length / 2, 0);
  const shoe = new SphereGeometry(0.055, 12, 8);
  shoe.scale(0.75, 0.5, 1.7);
  shoe.translate(0, -length + 0.015, 0.045);
  return mergeParts([shin, shoe]);
}

/** An arm hanging from the shoulder joint at the origin. */
function arm(): BufferGeometry {
  const g = new CapsuleGeometry(0.04, 0.5, 3, 10);
  g.translate(0, -0.29, 0);
  return g;
}

function shadow(): BufferGeometry {
  const g = new PlaneGeometry(0.95, 0.95);
  g.rotateX(-Math.PI / 2);
  return g;
}

let cache: ReturnType<typeof build> | null = null;
function build() {
  return { coat: coat(), head: head(), hair: hair(), leg: leg(), arm: arm(), shadow: shadow() };
}

/** The body-part geometries, built once per session and shared by every instanced mesh. */
export function avatarGeometry() {
  cache ??= build();
  return cache;
}
