import { useThree } from "@react-three/fiber";
import { useEffect, useMemo, useState } from "react";
import { MeshBasicMaterial, PlaneGeometry } from "three";
import { CANVAS_FONTS, fontsReadyFor, SANS, SERIF } from "../fonts.ts";
import { createWallTitleTexture } from "./galleryTextures.ts";

const WIDTH = 4.4;

/** The owner's name in gold lettering on the back wall, like a maison's name over its salon. */
export function WallTitle({ title, eyebrow, z }: { title: string; eyebrow: string; z: number }) {
  const invalidate = useThree((s) => s.invalidate);
  const [fontsLoaded, setFontsLoaded] = useState(false);
  useEffect(() => {
    void fontsReadyFor(CANVAS_FONTS, `${title}${eyebrow}`.toLocaleUpperCase()).then(() =>
      setFontsLoaded(true),
    );
  }, [title, eyebrow]);
  const res = useMemo(() => {
    const map = createWallTitleTexture(title, eyebrow, SERIF, SANS);
    return {
      map,
      geometry: new PlaneGeometry(WIDTH, (WIDTH * 320) / 2048),
      material: new MeshBasicMaterial({ map, transparent: true, depthWrite: false, toneMapped: false }),
      fontsLoaded,
    };
  }, [title, eyebrow, fontsLoaded]);
  useEffect(() => {
    invalidate();
    return () => {
      res.map.dispose();
      res.geometry.dispose();
      res.material.dispose();
    };
  }, [res, invalidate]);
  if (!title) return null;
  return <mesh geometry={res.geometry} material={res.material} position={[0, 3.05, z + 0.02]} />;
}
