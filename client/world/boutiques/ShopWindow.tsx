import { useEffect, useMemo } from "react";
import { BackSide, Color, MeshStandardMaterial } from "three";
import { GLASS_Z, VITRINE_BACK_Z, WINDOW_HALF_WIDTH, WINDOW_SILL } from "./boutiqueFrame.ts";
import { glassSheenTexture, windowWashTexture } from "./interiorTextures.ts";

/**
 * One lit shop window: an open box behind the opening (drawn from inside, so the side facing the
 * street vanishes) washed with the brand's light, and a pane of glass with a diagonal sheen.
 */
export function ShopWindow({ u, top, wall, light }: { u: number; top: number; wall: string; light: string }) {
  const mats = useMemo(() => {
    const inside = new Color(wall).lerp(new Color(light), 0.55);
    return {
      vitrine: new MeshStandardMaterial({
        color: inside,
        side: BackSide,
        roughness: 0.6,
        emissive: light,
        emissiveMap: windowWashTexture(),
        emissiveIntensity: 1.25,
      }),
      glass: new MeshStandardMaterial({
        color: "#c8d2e6",
        metalness: 1,
        roughness: 0.04,
        transparent: true,
        opacity: 0.32,
        alphaMap: glassSheenTexture(),
        depthWrite: false,
      }),
    };
  }, [wall, light]);
  useEffect(
    () => () => {
      mats.vitrine.dispose();
      mats.glass.dispose();
    },
    [mats],
  );
  const depth = GLASS_Z - VITRINE_BACK_Z;
  const height = top - WINDOW_SILL;
  const width = 2 * WINDOW_HALF_WIDTH;
  return (
    <group position={[u, 0, 0]}>
      <mesh position={[0, WINDOW_SILL + height / 2, VITRINE_BACK_Z + depth / 2]} material={mats.vitrine}>
        <boxGeometry args={[width + 0.02, height + 0.02, depth]} />
      </mesh>
      <mesh position={[0, WINDOW_SILL + height / 2, GLASS_Z]} material={mats.glass} renderOrder={1}>
        <planeGeometry args={[width, height]} />
      </mesh>
    </group>
  );
}
