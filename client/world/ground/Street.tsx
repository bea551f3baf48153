import { useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { MeshStandardMaterial } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { BACK_WALL_X, END_SETBACK } from "../city/cityFrame.ts";
import { boxBetween, worldPlane } from "./groundGeometry.ts";
import { CARRIAGEWAY_HALF_WIDTH, KERB_HEIGHT, rowHalfLength } from "./groundHeight.ts";
import { settsTexture, slabsTexture } from "./pavingTextures.ts";

const KERB = 0.22;
const TILE = 4;

/**
 * The paving: a sunken granite carriageway between the boutique rows, raised limestone sidewalks
 * and plazas, granite kerbs. Each surface is one merged geometry with world-space UVs, so the
 * whole street costs three draw calls.
 */
export function Street({ layout }: { layout: AvenueLayout }) {
  const maxAniso = useThree((s) => s.gl.capabilities.getMaxAnisotropy());
  const parts = useMemo(() => {
    const rowHalf = rowHalfLength(layout);
    const c = CARRIAGEWAY_HALF_WIDTH;
    const far = Math.max(-layout.bounds.minZ, layout.bounds.maxZ) + END_SETBACK + 1;
    const w = BACK_WALL_X + 0.5;
    const carriageway = worldPlane(-c, c, -rowHalf, rowHalf, 0, TILE);
    const slabs = mergeGeometries([
      worldPlane(-w, -c - KERB, -rowHalf, rowHalf, KERB_HEIGHT, TILE),
      worldPlane(c + KERB, w, -rowHalf, rowHalf, KERB_HEIGHT, TILE),
      worldPlane(-w, w, rowHalf - KERB, far, KERB_HEIGHT, TILE),
      worldPlane(-w, w, -far, -rowHalf + KERB, KERB_HEIGHT, TILE),
    ]);
    const kerbs = mergeGeometries([
      boxBetween(-c - KERB, -c, -0.05, KERB_HEIGHT + 0.01, -rowHalf, rowHalf),
      boxBetween(c, c + KERB, -0.05, KERB_HEIGHT + 0.01, -rowHalf, rowHalf),
      boxBetween(-c - KERB, c + KERB, -0.05, KERB_HEIGHT + 0.01, rowHalf - KERB, rowHalf),
      boxBetween(-c - KERB, c + KERB, -0.05, KERB_HEIGHT + 0.01, -rowHalf, -rowHalf + KERB),
    ]);
    const setts = settsTexture();
    const slabTex = slabsTexture();
    for (const t of [setts, slabTex]) t.anisotropy = maxAniso;
    return {
      carriageway,
      slabs,
      kerbs,
      setts,
      slabTex,
      settsMaterial: new MeshStandardMaterial({
        map: setts,
        color: "#b8aea2",
        roughness: 0.55,
        metalness: 0.05,
      }),
      slabsMaterial: new MeshStandardMaterial({
        map: slabTex,
        color: "#c2b8aa",
        roughness: 0.5,
        metalness: 0.05,
      }),
      kerbMaterial: new MeshStandardMaterial({ color: "#6d6a66", roughness: 0.6 }),
    };
  }, [layout, maxAniso]);

  useEffect(
    () => () => {
      for (const d of [parts.carriageway, parts.slabs, parts.kerbs, parts.setts, parts.slabTex]) d.dispose();
      for (const m of [parts.settsMaterial, parts.slabsMaterial, parts.kerbMaterial]) m.dispose();
    },
    [parts],
  );

  return (
    <group>
      <mesh geometry={parts.carriageway} material={parts.settsMaterial} />
      <mesh geometry={parts.slabs} material={parts.slabsMaterial} />
      <mesh geometry={parts.kerbs} material={parts.kerbMaterial} />
    </group>
  );
}
