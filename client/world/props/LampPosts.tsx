import { useEffect, useMemo } from "react";
import {
  AdditiveBlending,
  LatheGeometry,
  MeshBasicMaterial,
  MeshStandardMaterial,
  PlaneGeometry,
  Vector2,
  Vector3,
} from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { DUSK } from "../atmosphere/palette.ts";
import { groundHeightAt, rowHalfLength } from "../ground/groundHeight.ts";
import { radialGlowTexture } from "../util/canvasTexture.ts";
import { Halos } from "./Halos.tsx";
import { PropInstances } from "./PropInstances.tsx";

const lathe = (points: [number, number][], segments: number) =>
  new LatheGeometry(
    points.map(([r, y]) => new Vector2(r, y)),
    segments,
  );

const POLE: [number, number][] = [
  [0, 0],
  [0.2, 0],
  [0.2, 0.08],
  [0.16, 0.12],
  [0.16, 0.34],
  [0.11, 0.46],
  [0.085, 0.72],
  [0.07, 0.78],
  [0.06, 3.6],
  [0.09, 3.64],
  [0.09, 3.72],
  [0.14, 3.78],
  [0, 3.79],
];
const LANTERN: [number, number][] = [
  [0, 3.78],
  [0.13, 3.78],
  [0.21, 4.38],
  [0, 4.38],
];
const CAP: [number, number][] = [
  [0, 4.36],
  [0.27, 4.36],
  [0.25, 4.43],
  [0.07, 4.62],
  [0.03, 4.72],
  [0.05, 4.77],
  [0, 4.84],
];
/** Height of the lantern's glow centre above the ground. */
const GLOW_Y = 4.1;

/**
 * Cast-iron lamp posts with glowing lanterns. Three instanced meshes for all posts, one instanced
 * quad for every halo and one for the pools of light on the paving: no real lights, so adding
 * lamps costs nothing per pixel.
 */
export function LampPosts({ layout }: { layout: AvenueLayout }) {
  const rowHalf = rowHalfLength(layout);
  const lamps = useMemo(
    () =>
      layout.props
        .filter((p) => p.kind === "lamp")
        .map((p) => ({ x: p.x, y: groundHeightAt(rowHalf, p.x, p.z), z: p.z })),
    [layout, rowHalf],
  );
  const glows = useMemo(() => lamps.map((l) => new Vector3(l.x, l.y + GLOW_Y, l.z)), [lamps]);
  const res = useMemo(() => {
    const glow = radialGlowTexture(128, 2.2);
    const pool = new PlaneGeometry(7, 7);
    pool.rotateX(-Math.PI / 2);
    pool.translate(0, 0.015, 0);
    return {
      glow,
      pool,
      pole: lathe(POLE, 14),
      lantern: lathe(LANTERN, 6),
      cap: lathe(CAP, 6),
      iron: new MeshStandardMaterial({ color: "#1d2421", roughness: 0.45, metalness: 0.6 }),
      glass: new MeshStandardMaterial({ color: "#ffe2b0", emissive: DUSK.lampLight, emissiveIntensity: 2.4 }),
      poolMaterial: new MeshBasicMaterial({
        map: glow,
        color: DUSK.lampLight,
        transparent: true,
        opacity: 0.22,
        depthWrite: false,
        blending: AdditiveBlending,
      }),
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
      <PropInstances geometry={res.pole} material={res.iron} transforms={lamps} />
      <PropInstances geometry={res.lantern} material={res.glass} transforms={lamps} />
      <PropInstances geometry={res.cap} material={res.iron} transforms={lamps} />
      <PropInstances geometry={res.pool} material={res.poolMaterial} transforms={lamps} renderOrder={1} />
      <Halos points={glows} size={1.8} color={DUSK.lampLight} opacity={0.45} />
    </group>
  );
}
