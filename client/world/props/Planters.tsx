import { useEffect, useMemo } from "react";
import {
  Color,
  CylinderGeometry,
  Float32BufferAttribute,
  IcosahedronGeometry,
  LatheGeometry,
  MeshStandardMaterial,
  Vector2,
} from "three";
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

/** A clipped crown: a noisy sphere whose underside is lighter, as if lit from the street. */
function crownGeometry(): IcosahedronGeometry {
  const g = new IcosahedronGeometry(1, 3);
  const rand = seededRandom(5);
  const pos = g.getAttribute("position");
  const colors: number[] = [];
  const lit = new Color("#6f8a45");
  const shade = new Color("#1b2a19");
  const c = new Color();
  const jitter = new Map<string, number>();
  for (let i = 0; i < pos.count; i++) {
    const key = `${pos.getX(i).toFixed(3)},${pos.getY(i).toFixed(3)},${pos.getZ(i).toFixed(3)}`;
    let k = jitter.get(key);
    if (k === undefined) {
      k = 0.9 + rand() * 0.16;
      jitter.set(key, k);
    }
    const y = pos.getY(i);
    pos.setXYZ(i, pos.getX(i) * k, y * k * 0.92, pos.getZ(i) * k);
    c.copy(shade).lerp(lit, Math.max(0, -y) * 0.9 + 0.1);
    colors.push(c.r, c.g, c.b);
  }
  g.setAttribute("color", new Float32BufferAttribute(colors, 3));
  g.computeVertexNormals();
  g.scale(0.95, 0.95, 0.95);
  g.translate(0, 3.0, 0);
  return g;
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
