import { useEffect, useMemo } from "react";
import { MeshStandardMaterial } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { buildCityGeometry } from "./cityGeometry.ts";
import { arcadeBaseTextures, mansardTextures, upperFloorsTextures } from "./facadeTextures.ts";

/**
 * The residential storeys above the boutiques and the buildings closing both ends: textured
 * quads with lit windows in an emissive map, merged per material (four draw calls).
 */
export function CityShell({ layout }: { layout: AvenueLayout }) {
  const res = useMemo(() => {
    const geometry = buildCityGeometry(layout);
    const upper = upperFloorsTextures();
    const roof = mansardTextures();
    const base = arcadeBaseTextures();
    const lit = (
      t: { map: MeshStandardMaterial["map"]; emissiveMap: MeshStandardMaterial["emissiveMap"] },
      roughness: number,
    ) => new MeshStandardMaterial({ ...t, emissive: "#ffffff", emissiveIntensity: 1.15, roughness });
    return {
      geometry,
      textures: [upper.map, upper.emissiveMap, roof.map, roof.emissiveMap, base.map, base.emissiveMap],
      upperMaterial: lit(upper, 0.85),
      roofMaterial: lit(roof, 0.5),
      baseMaterial: lit(base, 0.85),
      trimMaterial: new MeshStandardMaterial({ color: "#cfc4b0", roughness: 0.8 }),
    };
  }, [layout]);
  useEffect(
    () => () => {
      for (const g of Object.values(res.geometry)) g.dispose();
      for (const t of res.textures) t?.dispose();
      for (const m of [res.upperMaterial, res.roofMaterial, res.baseMaterial, res.trimMaterial]) m.dispose();
    },
    [res],
  );
  return (
    <group>
      <mesh geometry={res.geometry.base} material={res.baseMaterial} />
      <mesh geometry={res.geometry.upper} material={res.upperMaterial} />
      <mesh geometry={res.geometry.roof} material={res.roofMaterial} />
      <mesh geometry={res.geometry.trim} material={res.trimMaterial} />
    </group>
  );
}
