import { useEffect, useMemo } from "react";
import type { BufferGeometry } from "three";
import { ExtrudeGeometry, Shape } from "three";
import { DOOR_HALF_WIDTH, WINDOW_CENTRE_U, WINDOW_HALF_WIDTH, WINDOW_SILL } from "../boutiqueFrame.ts";
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

const SPEC = FACADE_SPECS.classic;

function pediment(width: number, y: number, rise: number): BufferGeometry {
  const s = new Shape();
  s.moveTo(-width / 2, y);
  s.lineTo(width / 2, y);
  s.lineTo(0, y + rise);
  s.closePath();
  const g = new ExtrudeGeometry(s, { depth: 0.25, bevelEnabled: false });
  return g;
}

/**
 * Place Vendôme stone: dressed courses, pilasters with gilded capitals, framed windows under
 * cornice hoods, a pedimented door, a frieze for the name and a moulded cornice. Three draw calls.
 */
export function ClassicFacade({
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
    const glass: BufferGeometry[] = [];
    for (const [u, half] of [
      [-w + 0.3, 0.3],
      [w - 0.3, 0.3],
      [-1.35, 0.2],
      [1.35, 0.2],
    ] as const) {
      stone.push(facadeBox(u - half, u + half, 0, 7.95, 0.14));
      stone.push(facadeBox(u - half - 0.06, u + half + 0.06, 0, 0.45, 0.2));
      trim.push(facadeBox(u - half - 0.08, u + half + 0.08, 7.95, 8.2, 0.22));
    }
    for (const side of [-1, 1]) {
      const c = side * WINDOW_CENTRE_U;
      const x0 = c - WINDOW_HALF_WIDTH;
      const x1 = c + WINDOW_HALF_WIDTH;
      trim.push(...frameAround(x0, x1, WINDOW_SILL, SPEC.windowTop, 0.1, 0.06));
      stone.push(facadeBox(x0 - 0.25, x1 + 0.25, SPEC.windowTop + 0.12, SPEC.windowTop + 0.3, 0.26));
      stone.push(facadeBox(x0 - 0.15, x1 + 0.15, WINDOW_SILL - 0.16, WINDOW_SILL - 0.02, 0.2));
    }
    for (const u of [-3.6, 0, 3.6]) {
      glass.push(facadeBox(u - 0.75, u + 0.75, 6.45, 7.75, 0.01, 0.2));
      trim.push(...frameAround(u - 0.75, u + 0.75, 6.45, 7.75, 0.07, 0.05));
      stone.push(facadeBox(u - 0.95, u + 0.95, 6.3, 6.45, 0.18));
    }
    trim.push(...frameAround(-DOOR_HALF_WIDTH, DOOR_HALF_WIDTH, 0.1, SPEC.doorTop, 0.1, 0.08).slice(0, 3));
    stone.push(pediment(2 * DOOR_HALF_WIDTH + 0.8, SPEC.doorTop + 0.2, 0.55));
    stone.push(
      facadeBox(
        -DOOR_HALF_WIDTH - 0.45,
        DOOR_HALF_WIDTH + 0.45,
        SPEC.doorTop + 0.08,
        SPEC.doorTop + 0.2,
        0.28,
      ),
    );
    stone.push(facadeBox(-w, w, 4.35, 4.5, 0.16), facadeBox(-w, w, 5.85, 6.0, 0.16));
    trim.push(facadeBox(-w, w, 4.5, 4.56, 0.12), facadeBox(-w, w, 5.79, 5.85, 0.12));
    // A black-glass fascia behind the gilded name, framed in the trim metal.
    glass.push(facadeBox(-3.95, 3.95, 4.62, 5.73, 0.13));
    trim.push(...frameAround(-3.95, 3.95, 4.62, 5.73, 0.05, 0.15));
    stone.push(cornice(width + 0.2, height - 0.55, CLASSIC_CORNICE));
    return { stone: mergeParts(stone), trim: mergeParts(trim), glass: mergeParts(glass) };
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
      <mesh geometry={geo.glass} material={materials.upperGlass} />
    </group>
  );
}
