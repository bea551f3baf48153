import { useEffect, useMemo } from "react";
import {
  type BufferGeometry,
  Color,
  CylinderGeometry,
  Float32BufferAttribute,
  IcosahedronGeometry,
  LatheGeometry,
  MeshStandardMaterial,
  Vector2,
} from "three";
import { mergeGeometries, mergeVertices } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { groundHeightAt, rowHalfLength } from "../ground/groundHeight.ts";
import { seededRandom } from "../util/canvasTexture.ts";
import { PropInstances } from "./PropInstances.tsx";

const BASIN: [number, number][] = [
  [0, 0.02],
  [0.95, 0.02],
  [1.05, 0.08],
  [1.02, 0.14],
  [1.0, 0.5],
  [1.12, 0.56],
  [1.12, 0.64],
  [0.98, 0.64],
  [0.96, 0.56],
  [0, 0.56],
];

/** Smooth pseudo-noise on the unit sphere: a few crossed sines, enough to break a silhouette. */
function lumpiness(x: number, y: number, z: number, seed: number): number {
  return (
    Math.sin(x * 5.1 + seed) * Math.sin(y * 4.3 + seed * 1.7) * 0.5 +
    Math.sin(z * 6.7 + y * 2.3 + seed * 0.6) * 0.35 +
    Math.sin(x * 11 + z * 9 + seed) * 0.15
  );
}

/** One leafy blob: a smooth, lumpy sphere, lighter underneath as if lit from the street. */
function blob(radius: number, cx: number, cy: number, cz: number, seed: number): BufferGeometry {
  const ico = new IcosahedronGeometry(1, 4);
  // Weld on position alone (not uv seams), so displacement leaves no cracks and normals are smooth.
  ico.deleteAttribute("normal");
  ico.deleteAttribute("uv");
  const g = mergeVertices(ico);
  ico.dispose();
  const pos = g.getAttribute("position");
  const lit = new Color("#7d9a4c");
  const shade = new Color("#1a2a18");
  const c = new Color();
  const colors = new Float32Array(pos.count * 3);
  for (let i = 0; i < pos.count; i++) {
    const x = pos.getX(i);
    const y = pos.getY(i);
    const z = pos.getZ(i);
    const k = radius * (1 + 0.09 * lumpiness(x, y, z, seed));
    pos.setXYZ(i, cx + x * k, cy + y * k * 0.9, cz + z * k);
    const under = Math.max(0, -y);
    c.copy(shade).lerp(lit, 0.12 + under * 0.75 + Math.max(0, lumpiness(z, x, y, seed + 3)) * 0.12);
    colors.set([c.r, c.g, c.b], i * 3);
  }
  g.setAttribute("color", new Float32BufferAttribute(colors, 3));
  g.computeVertexNormals();
  return g;
}

/** A clipped crown of a few overlapping blobs: one merged geometry. */
function crownGeometry(): BufferGeometry {
  const rand = seededRandom(5);
  const parts = [blob(0.85, 0, 3.05, 0, 1)];
  for (let i = 0; i < 5; i++) {
    const a = (i / 5) * Math.PI * 2 + rand() * 0.5;
    parts.push(blob(0.48 + rand() * 0.12, Math.cos(a) * 0.6, 2.75 + rand() * 0.55, Math.sin(a) * 0.6, i + 2));
  }
  parts.push(blob(0.5, 0.1, 3.65, -0.05, 9));
  const merged = mergeGeometries(parts);
  for (const p of parts) p.dispose();
  return merged;
}

/** Stone basins with clipped trees down the middle of the avenue: four draw calls in all. */
export function Planters({ layout }: { layout: AvenueLayout }) {
  const rowHalf = rowHalfLength(layout);
  const planters = useMemo(
    () =>
      layout.props
        .filter((p) => p.kind === "planter")
        .map((p) => ({ x: p.x, y: groundHeightAt(rowHalf, p.x, p.z), z: p.z })),
    [layout, rowHalf],
  );
  const res = useMemo(() => {
    const trunk = new CylinderGeometry(0.06, 0.09, 2.4, 8);
    trunk.translate(0, 1.5, 0);
    const soil = new CylinderGeometry(0.97, 0.97, 0.04, 32);
    soil.translate(0, 0.55, 0);
    return {
      basin: new LatheGeometry(
        BASIN.map(([r, y]) => new Vector2(r, y)),
        40,
      ),
      soil,
      trunk,
      crown: crownGeometry(),
      stone: new MeshStandardMaterial({ color: "#bdb3a3", roughness: 0.7 }),
      earth: new MeshStandardMaterial({ color: "#2a2118", roughness: 1 }),
      bark: new MeshStandardMaterial({ color: "#3a2c22", roughness: 0.9 }),
      leaves: new MeshStandardMaterial({ vertexColors: true, roughness: 0.85 }),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  return (
    <group>
      <PropInstances geometry={res.basin} material={res.stone} transforms={planters} />
      <PropInstances geometry={res.soil} material={res.earth} transforms={planters} />
      <PropInstances geometry={res.trunk} material={res.bark} transforms={planters} />
      <PropInstances geometry={res.crown} material={res.leaves} transforms={planters} />
    </group>
  );
}
