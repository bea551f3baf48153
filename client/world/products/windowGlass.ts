import { Color, type Material, MeshPhysicalMaterial } from "three";

/**
 * Glass behind a shop window, without the transmission pass. One transmissive material anywhere on
 * screen makes three.js draw every opaque object a second time (into the texture transmission
 * samples): on the avenue that doubled the draw calls for bottles a few centimetres tall seen
 * through a pane. There, glass is a tinted, reflective, transparent surface instead; the viewer's
 * close-up keeps real transmission.
 */
const cache = new WeakMap<Material, Material>();
const white = new Color("#ffffff");

export function windowGlass(material: Material): Material {
  if (!(material instanceof MeshPhysicalMaterial) || material.transmission === 0) return material;
  const known = cache.get(material);
  if (known) return known;
  const glass = material.clone();
  glass.transmission = 0;
  glass.transparent = true;
  glass.depthWrite = false;
  // Dense gems read as coloured crystal; thin glass as a clear sheen tinted by its attenuation.
  const gem = material.ior > 2;
  glass.opacity = gem ? 0.82 : 0.4;
  if (!gem) glass.color.copy(white).lerp(material.attenuationColor, 0.45);
  glass.attenuationColor.copy(white);
  glass.specularIntensity = 1;
  glass.clearcoat = 1;
  glass.clearcoatRoughness = 0.02;
  cache.set(material, glass);
  return glass;
}
