import { Color, DoubleSide, MeshPhysicalMaterial, type Texture } from "three";

/**
 * Physical materials for procedural products. Each gets the studio environment as its own envMap
 * with a strong intensity: the avenue's ambient environment is dimmed for dusk, but jewellery and
 * glass need bright reflections to read as precious.
 */
export function productMaterials(env: Texture | null) {
  const base = { envMap: env, envMapIntensity: 1.6 };
  return {
    metal: (color: string, roughness = 0.16) =>
      new MeshPhysicalMaterial({ ...base, color, metalness: 1, roughness, envMapIntensity: 2 }),
    lacquer: (color: string) =>
      new MeshPhysicalMaterial({
        ...base,
        color,
        roughness: 0.3,
        metalness: 0.05,
        clearcoat: 1,
        clearcoatRoughness: 0.04,
      }),
    leather: (color: string) =>
      new MeshPhysicalMaterial({ ...base, color, roughness: 0.5, clearcoat: 0.35, clearcoatRoughness: 0.4 }),
    velvet: (color: string) =>
      new MeshPhysicalMaterial({
        ...base,
        color,
        roughness: 0.9,
        sheen: 1,
        sheenRoughness: 0.45,
        sheenColor: new Color(color).lerp(new Color("#ffffff"), 0.5),
        envMapIntensity: 0.6,
      }),
    porcelain: (color: string) =>
      new MeshPhysicalMaterial({
        ...base,
        color,
        roughness: 0.32,
        clearcoat: 1,
        clearcoatRoughness: 0.08,
        side: DoubleSide,
      }),
    glass: (tint: string) =>
      new MeshPhysicalMaterial({
        ...base,
        color: "#ffffff",
        roughness: 0.03,
        transmission: 1,
        thickness: 0.35,
        ior: 1.5,
        attenuationColor: new Color(tint),
        attenuationDistance: 0.6,
        specularIntensity: 1,
        envMapIntensity: 2.2,
      }),
    gem: (tint: string) =>
      new MeshPhysicalMaterial({
        ...base,
        color: tint,
        roughness: 0,
        transmission: 1,
        thickness: 0.4,
        ior: 2.4,
        dispersion: 3,
        flatShading: true,
        envMapIntensity: 3,
      }),
    satin: (color: string) =>
      new MeshPhysicalMaterial({ ...base, color, roughness: 0.38, clearcoat: 0.6, clearcoatRoughness: 0.2 }),
  };
}

export type ProductMaterials = ReturnType<typeof productMaterials>;
