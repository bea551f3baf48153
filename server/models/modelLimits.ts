/** The upload limits of this server, from its configuration, in the shape the portal reads. */
import type { ModelLimits } from "../../shared/models.ts";
import type { Config } from "../config.ts";
import { ACCEPTED_EXTENSIONS } from "./uploadContents.ts";

/** Most files one multipart upload may hold (a .gltf with its .bin and textures). */
export const MAX_FILES_PER_UPLOAD = 64;

type LimitConfig = Pick<
  Config,
  | "MODEL_UPLOAD_MAX_BYTES"
  | "MODEL_MAX_TRIANGLES"
  | "MODEL_MAX_TEXTURE_EDGE"
  | "MODEL_MAX_MATERIALS"
  | "MODEL_MAX_DRAW_CALLS"
  | "MODEL_MAX_TEXTURE_MEMORY_MB"
  | "MODEL_OPTIMIZED_TEXTURE_EDGE"
>;

/** The limits `GET /api/models/limits` answers and the pipeline enforces. */
export function modelLimitsFromConfig(config: LimitConfig): ModelLimits {
  return {
    maxUploadBytes: config.MODEL_UPLOAD_MAX_BYTES,
    maxTriangles: config.MODEL_MAX_TRIANGLES,
    maxTextureEdge: config.MODEL_MAX_TEXTURE_EDGE,
    maxMaterials: config.MODEL_MAX_MATERIALS,
    maxDrawCalls: config.MODEL_MAX_DRAW_CALLS,
    maxTextureMemoryBytes: config.MODEL_MAX_TEXTURE_MEMORY_MB * 1024 * 1024,
    optimizedTextureEdge: config.MODEL_OPTIMIZED_TEXTURE_EDGE,
    acceptedExtensions: [...ACCEPTED_EXTENSIONS],
  };
}
