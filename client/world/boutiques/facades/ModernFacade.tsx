import { useEffect, useMemo } from "react";
import { type BufferGeometry, Color, MeshStandardMaterial } from "three";
import { DOOR_HALF_WIDTH, WINDOW_CENTRE_U, WINDOW_HALF_WIDTH, WINDOW_SILL } from "../boutiqueFrame.ts";
import { facadeBox, facadeWall, frameAround, mergeParts } from "./facadeGeometry.ts";
import type { FacadeMaterials } from "./facadeMaterials.ts";
import { FACADE_SPECS } from "./facadeSpecs.ts";

const SPEC = FACADE_SPECS.modern;

/**
 * Lacquer: clear-coated panels in the brand colour, frameless windows with hairline metal
 * reveals, a line of light under the name and a crown of metal fins. Three draw calls.
 */
export function ModernFacade({
  width,
  height,
  materials,
  light,
}: {
  width: number;
  height: number;
  materials: FacadeMaterials;
  light: string;
}) {
  const geo = useMemo(() => {
    const w = width / 2;
    const trim: BufferGeometry[] = [];
    for (const side of [-1, 1]) {
      const c = side * WINDOW_CENTRE_U;
      trim.push(
        ...frameAround(c - WINDOW_HALF_WIDTH, c + WINDOW_HALF_WIDTH, WINDOW_SILL, SPEC.windowTop, 0.04, 0.03),
      );
    }
    trim.push(...frameAround(-DOOR_HALF_WIDTH, DOOR_HALF_WIDTH, 0.05, SPEC.doorTop, 0.06, 0.05).slice(0, 3));
    const fins = 9;
    for (let i = 0; i < fins; i++) {
      const u = -w + 0.6 + (i * (width - 1.2)) / (fins - 1);
      trim.push(facadeBox(u - 0.04, u + 0.04, 6.7, height - 0.15, 0.32));
    }
    trim.push(facadeBox(-w - 0.05, w + 0.05, height - 0.15, height + 0.02, 0.4));
    trim.push(facadeBox(-w, w, 6.6, 6.7, 0.36));
    return {
      wall: facadeWall(width, height, SPEC),
      trim: mergeParts(trim),
      slot: facadeBox(-w + 0.3, w - 0.3, 4.5, 4.58, 0.015),
    };
  }, [width, height]);
  const slotMaterial = useMemo(
    () => new MeshStandardMaterial({ color: "#000", emissive: new Color(light), emissiveIntensity: 2.2 }),
    [light],
  );
  useEffect(
    () => () => {
      for (const g of Object.values(geo)) g.dispose();
      slotMaterial.dispose();
    },
    [geo, slotMaterial],
  );
  return (
    <group>
      <mesh geometry={geo.wall} material={materials.wall} />
      <mesh geometry={geo.trim} material={materials.trim} />
      <mesh geometry={geo.slot} material={slotMaterial} />
    </group>
  );
}
