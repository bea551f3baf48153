import { useEffect, useMemo } from "react";
import { CylinderGeometry, MeshStandardMaterial, SphereGeometry } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { canvasTexture } from "../util/canvasTexture.ts";
import { END_SETBACK, ROOF_LINE } from "./cityFrame.ts";

const RADIUS = 7;
const DRUM_HEIGHT = 5;

/**
 * The vista closing the far end of the avenue: a drum of lit arched windows under a patinated
 * dome and a glowing lantern, in silhouette against the afterglow.
 */
export function Landmark({ layout }: { layout: AvenueLayout }) {
  const z = layout.bounds.minZ - END_SETBACK - RADIUS - 3;
  const res = useMemo(() => {
    const windows = canvasTexture(1024, 128, (ctx, w, h) => {
      ctx.fillStyle = "#cfc3ad";
      ctx.fillRect(0, 0, w, h);
      for (let i = 0; i < 16; i++) {
        const cx = (i + 0.5) * (w / 16);
        ctx.fillStyle = "#ffc982";
        ctx.beginPath();
        ctx.moveTo(cx - 12, h - 18);
        ctx.lineTo(cx - 12, 44);
        ctx.arc(cx, 44, 12, Math.PI, 0);
        ctx.lineTo(cx + 12, h - 18);
        ctx.fill();
      }
    });
    const glow = new MeshStandardMaterial({
      map: windows,
      emissiveMap: windows,
      emissive: "#ffffff",
      emissiveIntensity: 0.55,
      roughness: 0.8,
    });
    return {
      windows,
      drum: new CylinderGeometry(RADIUS, RADIUS, DRUM_HEIGHT, 48, 1, true),
      dome: new SphereGeometry(RADIUS + 0.3, 48, 20, 0, Math.PI * 2, 0, Math.PI / 2),
      lantern: new CylinderGeometry(0.9, 1.1, 2.4, 12),
      glow,
      patina: new MeshStandardMaterial({ color: "#4f7567", metalness: 0.55, roughness: 0.42 }),
      light: new MeshStandardMaterial({ color: "#ffe4b0", emissive: "#ffc27a", emissiveIntensity: 2.5 }),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  const base = ROOF_LINE + 1;
  return (
    <group position={[0, 0, z]}>
      <mesh geometry={res.drum} material={res.glow} position={[0, base + DRUM_HEIGHT / 2, 0]} />
      <mesh
        geometry={res.dome}
        material={res.patina}
        position={[0, base + DRUM_HEIGHT, 0]}
        scale={[1, 1.2, 1]}
      />
      <mesh
        geometry={res.lantern}
        material={res.light}
        position={[0, base + DRUM_HEIGHT + (RADIUS + 0.3) * 1.2 + 1, 0]}
      />
    </group>
  );
}
