/**
 * Optimizes an accepted model with glTF-Transform: a served file (meshopt geometry, WebP textures no
 * larger than a maximum edge, KHR_materials_variants kept) and a lighter level of detail for distant
 * viewing. Steps follow the glTF-Transform CLI's `optimize` order.
 */
import type { Document, Transform } from "@gltf-transform/core";
import { EXTMeshoptCompression, KHRMaterialsVariants } from "@gltf-transform/extensions";
import {
  cloneDocument,
  dedup,
  dequantize,
  meshopt,
  prune,
  reorder,
  simplify,
  sortPrimitiveWeights,
  textureCompress,
  weld,
} from "@gltf-transform/functions";
import sharp from "sharp";
import { MeshoptEncoder, MeshoptSimplifier } from "./gltfIO.ts";

export type OptimizeOptions = {
  /** Longest texture edge in the served file. */
  textureEdge: number;
  /** Longest texture edge in the level of detail. */
  lodTextureEdge: number;
  /** Share of vertices the level of detail aims to keep (0..1). */
  lodRatio: number;
  /** Validator errors to repair (REPAIRED_VALIDATOR_ERRORS codes). */
  repairs: Set<string>;
};

/** Texture formats sharp can decode; KTX2 (Basis) textures are kept as they are. */
const SHARP_FORMATS = /^image\/(png|jpeg|webp|avif)$/;
/** Extensions of the input's compression, replaced by meshopt on output. */
const INPUT_COMPRESSION = ["KHR_draco_mesh_compression", "EXT_meshopt_compression"];

/** Lets the thread breathe between steps (timers, messages to the main thread). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function run(document: Document, steps: Transform[], onStep?: () => void): Promise<void> {
  for (const step of steps) {
    await document.transform(step);
    onStep?.();
    await breathe();
  }
}

/** Repairs the validator errors that were accepted as repairable. */
export function repairModel(document: Document, repairs: Set<string>): void {
  if (!repairs.has("ACCESSOR_WEIGHTS_NON_NORMALIZED")) return;
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      if (primitive.getAttribute("WEIGHTS_0")) sortPrimitiveWeights(primitive);
    }
  }
}

/** Drops the input's Draco/meshopt compression so the output is re-encoded with meshopt only. */
function dropInputCompression(document: Document): void {
  for (const extension of document.getRoot().listExtensionsUsed()) {
    if (INPUT_COMPRESSION.includes(extension.extensionName)) extension.dispose();
  }
}

/** Names of the model's KHR_materials_variants, in order. */
export function variantNames(document: Document): string[] {
  const extension = document
    .getRoot()
    .listExtensionsUsed()
    .find((e): e is KHRMaterialsVariants => e.extensionName === KHRMaterialsVariants.EXTENSION_NAME);
  return extension ? extension.listVariants().map((v, i) => v.getName() || `Variant ${i + 1}`) : [];
}

/** True when the model's vertices are already quantized (KHR_mesh_quantization, as gltfpack makes them). */
function isQuantized(document: Document): boolean {
  return document
    .getRoot()
    .listExtensionsUsed()
    .some((e) => e.extensionName === "KHR_mesh_quantization");
}

/**
 * Meshopt compression. Geometry that is already quantized keeps its quantization: quantizing it a
 * second time collapses it (seen on VintagePocketWatch), and going back to floats first makes the
 * file larger than gltfpack's original. Other geometry is quantized by `meshopt` itself.
 */
function compressGeometry(document: Document): Transform {
  if (!isQuantized(document)) return meshopt({ encoder: MeshoptEncoder, level: "high" });
  return async (doc: Document) => {
    await doc.transform(reorder({ encoder: MeshoptEncoder, target: "size" }));
    doc
      .createExtension(EXTMeshoptCompression)
      .setRequired(true)
      .setEncoderOptions({ method: EXTMeshoptCompression.EncoderMethod.FILTER });
  };
}

/**
 * The distant view is a still life: animations are dropped (a shop window seen from afar does not
 * play them, and on animated models they weigh most of the bytes), geometry is simplified and
 * textures are smaller.
 */
function dropAnimations(document: Document): void {
  for (const animation of document.getRoot().listAnimations()) animation.dispose();
}

/**
 * Optimizes `document` in place into the served model, and returns the level of detail as a second
 * document. `onProgress` gets the share of steps done (0..1).
 */
export async function optimizeModel(
  document: Document,
  options: OptimizeOptions,
  onProgress?: (fraction: number) => void,
): Promise<{ lod: Document }> {
  const total = 10;
  let done = 0;
  const tick = () => onProgress?.(Math.min(1, ++done / total));
  dropInputCompression(document);
  await run(document, [dedup(), prune({ keepSolidTextures: true }), weld()], tick);

  const lod = cloneDocument(document);
  const textures = (edge: number) =>
    textureCompress({ encoder: sharp, targetFormat: "webp", resize: [edge, edge], formats: SHARP_FORMATS });
  await run(document, [textures(options.textureEdge), compressGeometry(document)], tick);

  dropAnimations(lod);
  await run(
    lod,
    [
      dequantize(),
      simplify({ simplifier: MeshoptSimplifier, ratio: options.lodRatio, error: 0.01 }),
      prune({ keepSolidTextures: true }),
      textures(options.lodTextureEdge),
      meshopt({ encoder: MeshoptEncoder, level: "high" }),
    ],
    tick,
  );
  onProgress?.(1);
  return { lod };
}
