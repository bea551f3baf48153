/**
 * The whole journey of an upload, in memory: unpack, resolve, validate, check our limits, repair,
 * normalize, optimize, measure, and validate what we made. Nothing is stored here: the caller stores
 * the result only when this resolves. Runs in the pipeline worker (see pipelineRunner.ts).
 */
import type { Document } from "@gltf-transform/core";
import type { ModelFigures, ModelLimits, ModelWarning, Normalization } from "../../shared/models.ts";
import { gltfIO } from "./gltfIO.ts";
import { resolveModelSource } from "./gltfSource.ts";
import { modelFigures } from "./modelFigures.ts";
import { normalizeModel } from "./modelNormalization.ts";
import { optimizeModel, repairModel, variantNames } from "./modelOptimizer.ts";
import { ModelRejection, problem } from "./modelRejection.ts";
import { limitProblems, validateOutput, validateSource } from "./modelValidation.ts";
import { unpackUpload } from "./uploadContents.ts";
import type { UploadFile } from "./uploadParser.ts";

export type PipelineOptions = { limits: ModelLimits; lodTextureEdge: number; lodRatio: number };

export type PipelineResult = {
  fileName: string;
  original: Uint8Array;
  optimized: Uint8Array;
  lod: Uint8Array;
  before: ModelFigures;
  after: ModelFigures;
  lodFigures: ModelFigures;
  variantNames: string[];
  normalization: Normalization;
  suggestedDisplayHeight: number;
  warnings: ModelWarning[];
  processingSeconds: number;
};

/** Reports the server's progress: validation is the first 30 %, optimization the rest. */
export type PipelineProgress = (
  stage: "validating" | "optimizing",
  fraction: number,
  message: string,
) => void;

/**
 * Runs the pipeline on the files of one upload.
 * @throws ModelRejection with every reason a merchandiser can act on.
 */
export async function runModelPipeline(
  files: UploadFile[],
  options: PipelineOptions,
  onProgress: PipelineProgress = () => {},
): Promise<PipelineResult> {
  const started = performance.now();
  const { limits } = options;
  onProgress("validating", 0.05, "Reading the files");
  const source = resolveModelSource(unpackUpload(files, limits.maxUploadBytes));

  onProgress("validating", 0.1, "Running the Khronos glTF-Validator");
  const validation = await validateSource(source);
  const io = await gltfIO();
  let document: Document;
  try {
    document = await io.readJSON({
      json: source.json,
      resources: { ...source.resources } as Record<string, Uint8Array<ArrayBuffer>>,
    });
  } catch (error) {
    throw new ModelRejection([
      problem("invalid_gltf", `The model cannot be read: ${(error as Error).message}.`, source.fileName),
    ]);
  }
  gatherIntoOneBuffer(document);
  const selfContainedGlb =
    source.format === "glb" && Object.keys(source.resources).every((k) => k === "@glb.bin");
  const original = selfContainedGlb ? source.bytes : await io.writeBinary(document);

  onProgress("validating", 0.25, "Checking our limits");
  const before = modelFigures(document, original.byteLength);
  const problems = limitProblems(before, limits);
  if (problems.length > 0) throw new ModelRejection(problems);

  onProgress("optimizing", 0.3, "Optimizing geometry and textures");
  repairModel(document, validation.repairs);
  const { normalization, displayHeight } = normalizeModel(document);
  const variants = variantNames(document);
  const { lod } = await optimizeModel(
    document,
    {
      textureEdge: limits.optimizedTextureEdge,
      lodTextureEdge: options.lodTextureEdge,
      lodRatio: options.lodRatio,
      repairs: validation.repairs,
    },
    (f) =>
      onProgress(
        "optimizing",
        0.3 + 0.6 * f,
        f < 0.5 ? "Optimizing geometry and textures" : "Making the distant level of detail",
      ),
  );

  onProgress("optimizing", 0.92, "Checking the optimized files");
  const optimizedBytes = await io.writeBinary(document);
  const lodBytes = await io.writeBinary(lod);
  await validateOutput(optimizedBytes, "optimized model");
  await validateOutput(lodBytes, "level of detail");
  const after = modelFigures(document, optimizedBytes.byteLength);
  const lodFigures = modelFigures(lod, lodBytes.byteLength);

  const warnings = [...source.warnings, ...validation.warnings, ...textureNotes(before)];
  return {
    fileName: source.fileName,
    original,
    optimized: optimizedBytes,
    lod: lodBytes,
    before,
    after,
    lodFigures,
    variantNames: variants,
    normalization,
    suggestedDisplayHeight: displayHeight,
    warnings,
    processingSeconds: Math.round(performance.now() - started) / 1000,
  };
}

/** A GLB holds one buffer: a .gltf with several .bin files has its data gathered in the first. */
function gatherIntoOneBuffer(document: Document): void {
  const [first, ...others] = document.getRoot().listBuffers();
  if (!first || others.length === 0) return;
  for (const accessor of document.getRoot().listAccessors()) accessor.setBuffer(first);
  for (const buffer of others) buffer.dispose();
}

/** Tells the brand when textures could not be re-encoded (KTX2 is already GPU-compressed). */
function textureNotes(before: ModelFigures): ModelWarning[] {
  const ktx2 = before.textures.filter((t) => t.mimeType === "image/ktx2").length;
  return ktx2 === 0
    ? []
    : [
        {
          code: "KTX2_TEXTURES_KEPT",
          message: `${ktx2} KTX2 texture${ktx2 > 1 ? "s were" : " was"} kept as uploaded: already compressed for the GPU.`,
          where: null,
        },
      ];
}
