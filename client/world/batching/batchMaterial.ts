import { MeshStandardMaterial } from "three";
import { EMISSIVE_ATTRIBUTE } from "./batchGeometry.ts";
import type { BatchableMaterial } from "./batchKey.ts";

/**
 * The material a batch draws with: the first member's material with white colour (vertex colours
 * carry each member's own) and, for lit materials, emissive read per vertex.
 */
export function batchMaterial(template: BatchableMaterial): BatchableMaterial {
  const material = template.clone();
  material.color.set(1, 1, 1);
  material.vertexColors = true;
  if (material instanceof MeshStandardMaterial) {
    material.emissive.set(1, 1, 1);
    material.emissiveIntensity = 1;
    material.onBeforeCompile = (shader) => {
      shader.vertexShader = shader.vertexShader
        .replace(
          "#include <common>",
          `#include <common>\nattribute vec3 ${EMISSIVE_ATTRIBUTE};\nvarying vec3 vBatchEmissive;`,
        )
        .replace("#include <begin_vertex>", "#include <begin_vertex>\nvBatchEmissive = batchEmissive;");
      shader.fragmentShader = shader.fragmentShader
        .replace("#include <common>", "#include <common>\nvarying vec3 vBatchEmissive;")
        .replace(
          "vec3 totalEmissiveRadiance = emissive;",
          "vec3 totalEmissiveRadiance = emissive * vBatchEmissive;",
        );
    };
    material.customProgramCacheKey = () => "batch-emissive";
  }
  return material;
}
