/**
 * The gate every upload passes before anything is kept: Khronos' glTF-Validator on the bytes as
 * uploaded, then our own limits on what the avenue can afford to show.
 */
import { type ValidatorMessage, validateBytes } from "gltf-validator";
import type { ModelFigures, ModelLimits, ModelProblem, ModelWarning } from "../../shared/models.ts";
import type { ModelSource } from "./gltfSource.ts";
import { ModelRejection, problem } from "./modelRejection.ts";

/**
 * Validator errors the pipeline repairs instead of refusing the file, each with the reason. Skin
 * weights that do not sum to 1 (RobotExpressive has 178 of them) render fine in every viewer, and the
 * optimizer re-normalizes them; any other error refuses the upload.
 */
export const REPAIRED_VALIDATOR_ERRORS: Record<string, string> = {
  ACCESSOR_WEIGHTS_NON_NORMALIZED: "Skin weights that did not add up to 1 were normalized.",
};

/** Beyond this many issues the validator stops listing them; a model with more is refused. */
const MAX_ISSUES = 2000;
/** Errors listed in a refusal; the rest are counted in one line. */
const MAX_LISTED_ERRORS = 12;

export type ValidationOutcome = {
  /** Repairs the optimizer must make (codes of REPAIRED_VALIDATOR_ERRORS that were reported). */
  repairs: Set<string>;
  warnings: ModelWarning[];
};

/** Runs glTF-Validator on the uploaded bytes. @throws ModelRejection listing the errors it cannot repair. */
export async function validateSource(source: ModelSource): Promise<ValidationOutcome> {
  const report = await validateBytes(source.bytes, {
    uri: source.fileName,
    format: source.format,
    maxIssues: MAX_ISSUES,
    writeTimestamp: false,
    // URIs were resolved and checked before: the validator only ever sees files of the upload.
    externalResourceFunction: (uri) => {
      const bytes = source.resources[uri] ?? source.resources[decodeURIComponent(uri)];
      return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`${uri} is not in the upload`));
    },
  });
  const errors = report.issues.messages.filter((m) => m.severity === 0);
  const fatal = errors.filter((m) => !(m.code in REPAIRED_VALIDATOR_ERRORS));
  if (fatal.length > 0 || (report.issues.truncated && report.issues.numErrors > 0)) {
    throw new ModelRejection(
      describeErrors(fatal.length > 0 ? fatal : errors, report.issues.numErrors, source.fileName),
    );
  }
  const repairs = new Set(errors.map((m) => m.code));
  const warnings = [...repairs].map((code) => ({
    code,
    message: `${REPAIRED_VALIDATOR_ERRORS[code]} (${errors.filter((m) => m.code === code).length} reported by glTF-Validator)`,
    where: errors.find((m) => m.code === code)?.pointer ?? null,
  }));
  return { repairs, warnings };
}

function describeErrors(errors: ValidatorMessage[], total: number, fileName: string): ModelProblem[] {
  const listed = errors
    .slice(0, MAX_LISTED_ERRORS)
    .map((m) =>
      problem(
        "invalid_gltf",
        `glTF-Validator: ${m.message} (${m.code})`,
        m.pointer ? `${fileName} ${m.pointer}` : fileName,
      ),
    );
  if (total > listed.length) {
    listed.push(
      problem(
        "invalid_gltf",
        `…and ${total - listed.length} more glTF-Validator errors.`,
        fileName,
        0,
        total,
      ),
    );
  }
  return listed;
}

/** Checks an output of the pipeline; a file we made must validate with 0 errors before it is served. */
export async function validateOutput(bytes: Uint8Array, what: string): Promise<void> {
  const report = await validateBytes(bytes, { format: "glb", maxIssues: 50, writeTimestamp: false });
  const errors = report.issues.messages.filter((m) => m.severity === 0);
  if (errors.length > 0) {
    throw new ModelRejection([
      problem(
        "invalid_gltf",
        `The model could not be repaired: the ${what} still has ${report.issues.numErrors} glTF-Validator errors, first: ${errors[0]?.message} (${errors[0]?.code}).`,
        errors[0]?.pointer ?? null,
      ),
    ]);
  }
}

/** Our limits on the model as uploaded. @returns every limit it breaks (empty when it fits). */
export function limitProblems(figures: ModelFigures, limits: ModelLimits): ModelProblem[] {
  const problems: ModelProblem[] = [];
  if (figures.triangles === 0) {
    problems.push(
      problem(
        "no_geometry",
        "The model has no triangles to show (empty scene, or only points and lines).",
        null,
        ">= 1",
        0,
      ),
    );
  }
  if (figures.triangles > limits.maxTriangles) {
    problems.push(
      problem(
        "too_many_triangles",
        `The model has ${figures.triangles.toLocaleString("en")} triangles; simplify it to at most ${limits.maxTriangles.toLocaleString("en")}.`,
        "whole scene",
        limits.maxTriangles,
        figures.triangles,
      ),
    );
  }
  for (const texture of figures.textures) {
    const edge = Math.max(texture.width, texture.height);
    if (edge > limits.maxTextureEdge) {
      problems.push(
        problem(
          "texture_too_large",
          `Texture "${texture.name}" is ${texture.width}×${texture.height} px; resize it so no side exceeds ${limits.maxTextureEdge} px.`,
          texture.name,
          limits.maxTextureEdge,
          edge,
        ),
      );
    }
  }
  if (figures.materials > limits.maxMaterials) {
    problems.push(
      problem(
        "too_many_materials",
        `The model uses ${figures.materials} materials; merge them to at most ${limits.maxMaterials}.`,
        "materials",
        limits.maxMaterials,
        figures.materials,
      ),
    );
  }
  if (figures.drawCalls > limits.maxDrawCalls) {
    problems.push(
      problem(
        "too_many_draw_calls",
        `The model needs ${figures.drawCalls} draw calls (mesh parts); join meshes to at most ${limits.maxDrawCalls}.`,
        "meshes",
        limits.maxDrawCalls,
        figures.drawCalls,
      ),
    );
  }
  if (figures.textureMemoryBytes > limits.maxTextureMemoryBytes) {
    const mb = (b: number) => `${Math.round(b / 1_048_576)} MiB`;
    problems.push(
      problem(
        "texture_memory",
        `The textures need ${mb(figures.textureMemoryBytes)} of GPU memory once decoded; reduce their size or number to stay under ${mb(limits.maxTextureMemoryBytes)}.`,
        "textures",
        limits.maxTextureMemoryBytes,
        figures.textureMemoryBytes,
      ),
    );
  }
  return problems;
}
