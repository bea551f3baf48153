import { useEffect, useMemo } from "react";
import { type BufferGeometry, CylinderGeometry } from "three";
import { WINDOW_CENTRE_U } from "../boutiqueFrame.ts";
import {
  CLASSIC_CORNICE,
  cornice,
  facadeBox,
  facadeWall,
  frameAround,
  mergeParts,
} from "./facadeGeometry.ts";
import type { FacadeMaterials } from "./facadeMaterials.ts";
import { FACADE_SPECS } from "./facadeSpecs.ts";

const SPEC = FACADE_SPECS.arcade;
const ENTABLATURE = 6.25;

function column(u: number, radius: number, top: number): BufferGeometry {
  const g = new CylinderGeometry(radius * 0.92, radius, top - 0.5, 20, 1, false, -Math.PI / 2, Math.PI);
  g.translate(u, 0.5 + (top - 0.5) / 2, 0);
  return g;
}

/**
 * Rue de Rivoli arcade: three round arches (door in the middle) between engaged columns, gilded
 * keystones, an entablature and an attic storey carrying the name on black glass. Three draw calls.
 */
export function ArcadeFacade({
  width,
  height,
  materials,
}: {
  width: number;
  height: number;
  materials: FacadeMaterials;
}) {
  const geo = useMemo(() => {
    const w = width / 2;
    const stone: BufferGeometry[] = [facadeWall(width, height, SPEC)];
    const trim: BufferGeometry[] = [];
    for (const [u, r] of [
      [-w + 0.3, 0.28],
      [w - 0.3, 0.28],
      [-1.35, 0.22],
      [1.35, 0.22],
    ] as const) {
      stone.push(column(u, r, ENTABLATURE - 0.2));
      stone.push(facadeBox(u - r - 0.06, u + r + 0.06, 0, 0.5, r + 0.06));
      trim.push(facadeBox(u - r - 0.1, u + r + 0.1, ENTABLATURE - 0.2, ENTABLATURE, r + 0.1));
    }
    for (const [u, top] of [
      [-WINDOW_CENTRE_U, SPEC.windowTop],
      [WINDOW_CENTRE_U, SPEC.windowTop],
      [0, SPEC.doorTop],
    ] as const) {
      trim.push(facadeBox(u - 0.16, u + 0.16, top - 0.12, top + 0.32, 0.12));
    }
    stone.push(facadeBox(-w, w, ENTABLATURE, ENTABLATURE + 0.35, 0.3));
    trim.push(facadeBox(-w, w, ENTABLATURE + 0.35, ENTABLATURE + 0.42, 0.32));
    stone.push(facadeBox(-w, w, 8.2, 8.35, 0.12));
    stone.push(cornice(width + 0.2, height - 0.55, CLASSIC_CORNICE));
    trim.push(...frameAround(-3.9, 3.9, 6.72, 7.88, 0.05, 0.1));
    return {
      stone: mergeParts(stone),
      trim: mergeParts(trim),
      fascia: facadeBox(-3.9, 3.9, 6.72, 7.88, 0.08),
    };
  }, [width, height]);
  useEffect(
    () => () => {
      for (const g of Object.values(geo)) g.dispose();
    },
    [geo],
  );
  return (
    <group>
      <mesh geometry={geo.stone} material={materials.wall} />
      <mesh geometry={geo.trim} material={materials.trim} />
      <mesh geometry={geo.fascia} material={materials.upperGlass} />
    </group>
  );
}
