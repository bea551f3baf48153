import { useEffect, useMemo } from "react";
import { MeshStandardMaterial } from "three";
import { fontsReady } from "../fonts.ts";
import { createSignTexture, paintSign, SIGN_CANVAS, type SignContent } from "./signTexture.ts";

/**
 * The brand's name as a halo-lit sign: a canvas texture used as colour and emissive map on one
 * quad. Repainted once the bundled fonts have loaded.
 */
export function BrandSign({
  sign,
  width,
  position,
}: {
  sign: SignContent;
  width: number;
  position: [number, number, number];
}) {
  const { name, tagline, color, glow } = sign;
  const res = useMemo(() => {
    const map = createSignTexture({ name, tagline, color, glow });
    const material = new MeshStandardMaterial({
      map,
      emissiveMap: map,
      emissive: "#ffffff",
      emissiveIntensity: 0.9,
      transparent: true,
      alphaTest: 0.02,
      roughness: 0.35,
      metalness: 0.4,
    });
    return { map, material };
  }, [name, tagline, color, glow]);

  useEffect(() => {
    let live = true;
    void fontsReady().then(() => {
      if (!live || !(res.map.image instanceof HTMLCanvasElement)) return;
      paintSign(res.map.image, { name, tagline, color, glow });
      res.map.needsUpdate = true;
    });
    return () => {
      live = false;
      res.map.dispose();
      res.material.dispose();
    };
  }, [res, name, tagline, color, glow]);

  const height = (width * SIGN_CANVAS.height) / SIGN_CANVAS.width;
  return (
    <mesh position={position} material={res.material}>
      <planeGeometry args={[width, height]} />
    </mesh>
  );
}
