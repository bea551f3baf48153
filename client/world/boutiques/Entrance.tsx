import { useEffect, useMemo } from "react";
import { BackSide, Color, MeshStandardMaterial } from "three";
import { DOOR_HALF_WIDTH, WALL_DEPTH } from "./boutiqueFrame.ts";
import { doorTextures } from "./interiorTextures.ts";

const VESTIBULE_DEPTH = 1.3;

/**
 * The lit entrance: a shallow vestibule glowing with the brand's light, glazed double doors in
 * brass at its back, and a marble threshold that steps up from the pavement.
 */
export function Entrance({ top, wall, light }: { top: number; wall: string; light: string }) {
  const mats = useMemo(() => {
    const { map, glow } = doorTextures();
    return {
      vestibule: new MeshStandardMaterial({
        color: new Color(wall).lerp(new Color(light), 0.5),
        side: BackSide,
        roughness: 0.5,
        emissive: light,
        emissiveIntensity: 0.35,
      }),
      doors: new MeshStandardMaterial({
        map,
        emissiveMap: glow,
        emissive: light,
        emissiveIntensity: 1.4,
        roughness: 0.25,
        metalness: 0.5,
      }),
      threshold: new MeshStandardMaterial({ color: "#e9e4da", roughness: 0.25 }),
    };
  }, [wall, light]);
  useEffect(
    () => () => {
      for (const m of Object.values(mats)) m.dispose();
    },
    [mats],
  );
  const w = 2 * DOOR_HALF_WIDTH;
  const back = -WALL_DEPTH - VESTIBULE_DEPTH;
  return (
    <group>
      <mesh position={[0, top / 2, -WALL_DEPTH - VESTIBULE_DEPTH / 2]} material={mats.vestibule}>
        <boxGeometry args={[w + 0.02, top, VESTIBULE_DEPTH]} />
      </mesh>
      <mesh position={[0, Math.min(top, 3.2) / 2 + 0.16, back + 0.02]} material={mats.doors}>
        <planeGeometry args={[w - 0.3, Math.min(top, 3.2) - 0.1]} />
      </mesh>
      <mesh position={[0, 0.08, (back + 0.5) / 2]} material={mats.threshold}>
        <boxGeometry args={[w + 0.5, 0.16, 0.5 - back]} />
      </mesh>
    </group>
  );
}
