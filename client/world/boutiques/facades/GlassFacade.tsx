import { useEffect, useMemo } from "react";
import { type BufferGeometry, Color, MeshStandardMaterial } from "three";
import { DOOR_HALF_WIDTH, WINDOW_CENTRE_U, WINDOW_HALF_WIDTH } from "../boutiqueFrame.ts";
import { facadeBox, facadeWall, mergeParts } from "./facadeGeometry.ts";
import type { FacadeMaterials } from "./facadeMaterials.ts";
import { FACADE_SPECS } from "./facadeSpecs.ts";

const SPEC = FACADE_SPECS.glass;
/** Bottom of the glowing glazed storey above the sign band. */
const GLAZING_BOTTOM = 6.0;

/**
 * Ginza glass: a tinted curtain wall on a slender mullion grid, the name on a dark band, and a
 * whole upper storey of glazing lit from within. Four draw calls.
 */
export function GlassFacade({
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
    const mullions: BufferGeometry[] = [];
    const verticals = [-w + 0.04, -WINDOW_CENTRE_U - WINDOW_HALF_WIDTH, -DOOR_HALF_WIDTH, DOOR_HALF_WIDTH];
    verticals.push(WINDOW_CENTRE_U + WINDOW_HALF_WIDTH, w - 0.04);
    for (const u of verticals) mullions.push(facadeBox(u - 0.05, u + 0.05, 0, height, 0.14));
    for (let u = -w + 1.5; u < w - 0.5; u += 1.5)
      mullions.push(facadeBox(u - 0.03, u + 0.03, GLAZING_BOTTOM, height, 0.1));
    for (const y of [SPEC.windowTop + 0.05, 4.35, GLAZING_BOTTOM, 7.5, height - 0.06]) {
      mullions.push(facadeBox(-w, w, y - 0.05, y + 0.05, 0.12));
    }
    const glazing = facadeBox(-w + 0.05, w - 0.05, GLAZING_BOTTOM, height, 0.02, 0.1);
    return { wall: facadeWall(width, height, SPEC), mullions: mergeParts(mullions), glazing };
  }, [width, height]);
  const glazingMaterial = useMemo(
    () =>
      new MeshStandardMaterial({
        color: "#0d0f14",
        roughness: 0.06,
        metalness: 0.4,
        emissive: new Color(light),
        emissiveIntensity: 0.55,
      }),
    [light],
  );
  useEffect(
    () => () => {
      for (const g of Object.values(geo)) g.dispose();
      glazingMaterial.dispose();
    },
    [geo, glazingMaterial],
  );
  return (
    <group>
      <mesh geometry={geo.wall} material={materials.wall} />
      <mesh geometry={geo.mullions} material={materials.trim} />
      <mesh geometry={geo.glazing} material={glazingMaterial} />
    </group>
  );
}
