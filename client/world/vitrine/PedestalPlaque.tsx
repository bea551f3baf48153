import { useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { BoxGeometry, MeshStandardMaterial, PlaneGeometry } from "three";
import { CANVAS_FONTS, fontsReadyFor } from "../fonts.ts";
import {
  createPlaqueTexture,
  PLAQUE_CANVAS,
  type PlaqueWords,
  paintPedestalPlaque,
} from "./plaqueTexture.ts";

const WIDTH = 0.56;
const HEIGHT = (WIDTH * PLAQUE_CANVAS.height) / PLAQUE_CANVAS.width;

/**
 * The brass-framed plaque on a pedestal's front: brand, name and edition, painted on a canvas and
 * lit a little from within so it reads in the dim room. Repainted only when its words change.
 */
export function PedestalPlaque({
  words,
  position,
}: {
  words: PlaqueWords;
  position: [number, number, number];
}) {
  const { name, brand, edition } = words;
  const invalidate = useThree((s) => s.invalidate);
  const res = useMemo(() => {
    const { texture, canvas } = createPlaqueTexture();
    return {
      texture,
      canvas,
      face: new PlaneGeometry(WIDTH, HEIGHT),
      frame: new BoxGeometry(WIDTH + 0.03, HEIGHT + 0.03, 0.014),
      faceMaterial: new MeshStandardMaterial({
        map: texture,
        emissiveMap: texture,
        emissive: "#ffffff",
        emissiveIntensity: 0.5,
        roughness: 0.4,
        metalness: 0.05,
      }),
      brass: new MeshStandardMaterial({ color: "#c8a361", roughness: 0.25, metalness: 0.95 }),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) if ("dispose" in d) d.dispose();
    },
    [res],
  );
  useEffect(() => {
    let cancelled = false;
    const paint = () => {
      if (cancelled) return;
      paintPedestalPlaque(res.canvas, { name, brand, edition });
      res.texture.needsUpdate = true;
      invalidate();
    };
    paint();
    void fontsReadyFor(CANVAS_FONTS, `${name}${brand}${edition}`.toLocaleUpperCase()).then(paint);
    return () => {
      cancelled = true;
    };
  }, [res, name, brand, edition, invalidate]);
  return (
    <group position={position} rotation={[-0.28, 0, 0]}>
      <mesh geometry={res.frame} material={res.brass} position={[0, 0, -0.008]} />
      <mesh geometry={res.face} material={res.faceMaterial} />
    </group>
  );
}
