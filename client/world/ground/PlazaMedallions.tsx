import { useEffect, useMemo } from "react";
import { CircleGeometry, MeshStandardMaterial } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import { type AvenueLayout, PLAZA_LENGTH } from "../../../shared/avenue/layout.ts";
import { KERB_HEIGHT, rowHalfLength } from "./groundHeight.ts";
import { medallionTexture } from "./pavingTextures.ts";

/** A brass compass rose inlaid at the centre of each plaza: one merged mesh, one draw call. */
export function PlazaMedallions({ layout }: { layout: AvenueLayout }) {
  const parts = useMemo(() => {
    const z = rowHalfLength(layout) + PLAZA_LENGTH / 2;
    const discs = [z, -z].map((cz) => {
      const g = new CircleGeometry(2.4, 64);
      g.rotateX(-Math.PI / 2);
      g.translate(0, KERB_HEIGHT + 0.004, cz);
      return g;
    });
    const map = medallionTexture();
    const material = new MeshStandardMaterial({
      map,
      transparent: true,
      roughness: 0.35,
      metalness: 0.55,
      polygonOffset: true,
      polygonOffsetFactor: -2,
    });
    return { geometry: mergeGeometries(discs), map, material };
  }, [layout]);
  useEffect(
    () => () => {
      parts.geometry.dispose();
      parts.map.dispose();
      parts.material.dispose();
    },
    [parts],
  );
  return <mesh geometry={parts.geometry} material={parts.material} />;
}
