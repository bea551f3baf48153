import { useEffect, useMemo } from "react";
import { PlaneGeometry } from "three";
import { rowV, type SignSlot } from "./signAtlas.ts";
import { SIGN_CANVAS } from "./signTexture.ts";

/**
 * The brand's name as a halo-lit sign: one quad showing its row of the avenue's sign atlas
 * (Boutiques.tsx), so every sign shares one material and one draw.
 */
export function BrandSign({
  slot,
  width,
  position,
}: {
  slot: SignSlot;
  width: number;
  position: [number, number, number];
}) {
  const height = (width * SIGN_CANVAS.height) / SIGN_CANVAS.width;
  const geometry = useMemo(() => {
    const g = new PlaneGeometry(width, height);
    const { v0, v1 } = rowV(slot.row, slot.rows);
    const uv = g.getAttribute("uv");
    for (let i = 0; i < uv.count; i++) uv.setY(i, v0 + uv.getY(i) * (v1 - v0));
    return g;
  }, [width, height, slot.row, slot.rows]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return <mesh position={position} material={slot.material} geometry={geometry} />;
}
