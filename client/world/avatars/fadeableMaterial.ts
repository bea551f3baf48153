import { MeshStandardMaterial, type MeshStandardMaterialParameters } from "three";

/** Name of the per-instance attribute (1 = solid, lower = faded) read by these materials. */
export const FADE_ATTRIBUTE = "instanceFade";

/**
 * A standard material whose alpha is multiplied by a per-instance attribute, so disconnected
 * avatars can fade inside the same instanced draw call as everyone else.
 */
export function fadeableMaterial(params: MeshStandardMaterialParameters): MeshStandardMaterial {
  const material = new MeshStandardMaterial({ ...params, transparent: true });
  material.onBeforeCompile = (shader) => {
    shader.vertexShader = shader.vertexShader
      .replace(
        "#include <common>",
        `#include <common>\nattribute float ${FADE_ATTRIBUTE};\nvarying float vFade;`,
      )
      .replace("#include <begin_vertex>", `#include <begin_vertex>\nvFade = ${FADE_ATTRIBUTE};`);
    shader.fragmentShader = shader.fragmentShader
      .replace("#include <common>", "#include <common>\nvarying float vFade;")
      .replace("#include <color_fragment>", "#include <color_fragment>\ndiffuseColor.a *= vFade;");
  };
  material.customProgramCacheKey = () => "vitrine-fadeable";
  return material;
}
