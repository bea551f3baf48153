import { MeshStandardMaterial } from "three";
import { EMISSIVE_ATTRIBUTE, SURFACE_ATTRIBUTE } from "./batchGeometry.ts";
import type { BatchableMaterial } from "./batchKey.ts";

/**
 * The material a batch draws with: the first member's material with white colour (vertex colours
 * carry each member's own) and, for lit materials, emissive, roughness and metalness read per
 * vertex (the uniforms become 1, so a texture map still scales them as in the member's material).
 */
export function batchMaterial(template: BatchableMaterial): BatchableMaterial {
  const material = template.clone();
  material.color.set(1, 1, 1);
  material.vertexColors = true;
  if (material instanceof MeshStandardMaterial) {
    material.emissive.set(1, 1, 1);
    material.emissiveIntensity = 1;
    material.roughness = 1;
    material.metalness = 1;
    material.onBeforeCompile = (shader) => {
      shader.vertexShader = shader.vertexShader
        .replace(
          "#include <common>",
          `#include <common>\nattribute vec3 ${EMISSIVE_ATTRIBUTE};\nattribute vec2 ${SURFACE_ATTRIBUTE};\nvarying vec3 vBatchEmissive;\nvarying vec2 vBatchSurface;`,
        )
        .replace(
          "#include <begin_vertex>",
          `#include <begin_vertex>\nvBatchEmissive = ${EMISSIVE_ATTRIBUTE};\nvBatchSurface = ${SURFACE_ATTRIBUTE};`,
        );
      shader.fragmentShader = shader.fragmentShader
        .replace(
          "#include <common>",
          "#include <common>\nvarying vec3 vBatchEmissive;\nvarying vec2 vBatchSurface;",
        )
        .replace(
          "vec3 totalEmissiveRadiance = emissive;",
          "vec3 totalEmissiveRadiance = emissive * vBatchEmissive;",
        )
        .replace(
          "#include <roughnessmap_fragment>",
          "#include <roughnessmap_fragment>\nroughnessFactor *= vBatchSurface.x;",
        )
        .replace(
          "#include <metalnessmap_fragment>",
          "#include <metalnessmap_fragment>\nmetalnessFactor *= vBatchSurface.y;",
        );
    };
    material.customProgramCacheKey = () => "batch-emissive";
  }
  return material;
}
