import { useEffect, useMemo } from "react";
import { CylinderGeometry, MeshStandardMaterial, SphereGeometry } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { canvasTexture } from "../util/canvasTexture.ts";
import { END_SETBACK } from "./cityFrame.ts";

const RADIUS = 7;
/** The rotunda rises from the ground behind the low arcade that closes the avenue. */
const DRUM_HEIGHT = 21;

/**
 * The vista closing the far end of the avenue: a rotunda of lit arched windows under a patinated
 * dome and a glowing lantern, rising behind the low end arcade against the afterglow.
 */
export function Landmark({ layout }: { layout: AvenueLayout }) {
  const z = layout.bounds.minZ - END_SETBACK - RADIUS - 3;
  const res = useMemo(() => {
    const paint = (ctx: CanvasRenderingContext2D, w: number, h: number, lit: boolean) => {
      ctx.fillStyle = lit ? "#000000" : "#a39a8c";
      ctx.fillRect(0, 0, w, h);
      for (let i = 0; i < 16; i++) {
        const cx = (i + 0.5) * (w / 16);
        ctx.fillStyle = lit ? (i % 3 === 1 ? "#5a3f22" : "#ffc982") : "#3a2c1e";
        ctx.beginPath();
        ctx.moveTo(cx - 12, h - 18);
        ctx.lineTo(cx - 12, 44);
        ctx.arc(cx, 44, 12, Math.PI, 0);
        ctx.lineTo(cx + 12, h - 18);
        ctx.fill();
      }
      if (!lit) {
        ctx.fillStyle = "rgba(0,0,0,0.25)";
        ctx.fillRect(0, h - 8, w, 8);
      }
    };
    const windows = canvasTexture(1024, 128, (ctx, w, h) => paint(ctx, w, h, false));
    const lights = canvasTexture(1024, 128, (ctx, w, h) => paint(ctx, w, h, true));
    for (const t of [windows, lights]) t.repeat.set(1, 5);
    const glow = new MeshStandardMaterial({
      map: windows,
      emissiveMap: lights,
      emissive: "#ffffff",
      emissiveIntensity: 1.1,
      roughness: 0.85,
    });
    return {
      windows,
      lights,
      drum: new CylinderGeometry(RADIUS, RADIUS, DRUM_HEIGHT, 48, 1, true),
      ring: new CylinderGeometry(RADIUS + 0.5, RADIUS + 0.5, 0.8, 48),
      dome: new SphereGeometry(RADIUS + 0.3, 48, 20, 0, Math.PI * 2, 0, Math.PI / 2),
      lantern: new CylinderGeometry(0.9, 1.1, 2.4, 12),
      glow,
      stone: new MeshStandardMaterial({ color: "#cfc4b0", roughness: 0.8 }),
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
  const base = 0;
  return (
    <group position={[0, 0, z]}>
      <mesh geometry={res.drum} material={res.glow} position={[0, base + DRUM_HEIGHT / 2, 0]} />
      <mesh geometry={res.ring} material={res.stone} position={[0, base + DRUM_HEIGHT, 0]} />
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
