/**
 * Finds the one model of an upload and everything it needs, without touching the disk or the
 * network: a GLB's chunks are checked, a .gltf's JSON parsed, and each buffer and image URI resolved
 * by name among the uploaded files (data URIs are fine; schemes, absolute paths and `..` are refused).
 */
import { GLB_BUFFER, type GLTF } from "@gltf-transform/core";
import type { ModelProblem, ModelWarning } from "../../shared/models.ts";
import { describeBytes, parseGlb } from "./glbChunks.ts";
import { ModelRejection, problem, reject } from "./modelRejection.ts";
import { extensionOf } from "./uploadContents.ts";
import { checkResourceUri, normalizeRelativePath } from "./uploadNames.ts";
import type { UploadFile } from "./uploadParser.ts";

/** A model ready for the validator (its bytes and resources) and for glTF-Transform (JSON + resources). */
export type ModelSource = {
  fileName: string;
  format: "glb" | "gltf";
  /** The bytes as uploaded: the GLB, or the .gltf JSON text. */
  bytes: Uint8Array;
  json: GLTF.IGLTF;
  /** Resolved external resources by their URI as written in the JSON, plus the GLB's BIN chunk. */
  resources: Record<string, Uint8Array>;
  warnings: ModelWarning[];
};

/** @throws ModelRejection when there is not exactly one model, it cannot be parsed, or a URI is refused. */
export function resolveModelSource(files: UploadFile[]): ModelSource {
  const models = files.filter((f) => [".glb", ".gltf"].includes(extensionOf(f.name)));
  if (models.length === 0) {
    reject(
      "not_a_model",
      "The upload holds no .glb or .gltf file.",
      null,
      ".glb or .gltf",
      files
        .map((f) => f.name)
        .join(", ")
        .slice(0, 200),
    );
  }
  if (models.length > 1) {
    reject(
      "too_many_files",
      "Upload one model at a time.",
      models
        .map((m) => m.name)
        .join(", ")
        .slice(0, 200),
      1,
      models.length,
    );
  }
  const model = models[0] as UploadFile;
  const format = extensionOf(model.name) === ".glb" ? "glb" : "gltf";
  const { json, bin } =
    format === "glb" ? parseGlbFile(model) : { json: parseJson(model.bytes, model.name), bin: undefined };
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    reject("not_a_model", "The model's JSON is not a glTF object.", model.name);
  }

  const resources: Record<string, Uint8Array> = bin ? { [GLB_BUFFER]: bin } : {};
  const problems: ModelProblem[] = [];
  const used = new Set<UploadFile>([model]);
  const folder = model.name.includes("/") ? model.name.slice(0, model.name.lastIndexOf("/") + 1) : "";
  const entries = [
    ...(json.buffers ?? []).map((b, i) => ({ uri: b.uri, where: `${model.name} /buffers/${i}` })),
    ...(json.images ?? []).map((im, i) => ({ uri: im.uri, where: `${model.name} /images/${i}` })),
  ];
  for (const { uri, where } of entries) {
    if (typeof uri !== "string") continue;
    const check = checkResourceUri(uri, where);
    if (check.kind === "refused") problems.push(check.problem);
    if (check.kind !== "relative") continue;
    const file = findFile(files, normalizeRelativePath(folder + check.path));
    if (!file) {
      problems.push(
        problem(
          "missing_resource",
          `The model needs "${check.path}", which is not in the upload.`,
          where,
          null,
          check.path,
        ),
      );
      continue;
    }
    resources[uri] = file.bytes;
    used.add(file);
  }
  if (problems.length > 0) throw new ModelRejection(problems);

  const warnings = files
    .filter((f) => !used.has(f))
    .map((f) => ({
      code: "UNUSED_FILE",
      message: `"${f.name}" is not used by the model and was ignored.`,
      where: f.name,
    }));
  return { fileName: model.name, format, bytes: model.bytes, json, resources, warnings };
}

/** By exact relative path, else by file name alone when exactly one file has it. */
function findFile(files: UploadFile[], path: string): UploadFile | undefined {
  const exact = files.find((f) => normalizeRelativePath(f.name) === path);
  if (exact) return exact;
  const base = path.slice(path.lastIndexOf("/") + 1);
  const byName = files.filter((f) => f.name.slice(f.name.lastIndexOf("/") + 1) === base);
  return byName.length === 1 ? byName[0] : undefined;
}

function parseGlbFile(file: UploadFile): { json: GLTF.IGLTF; bin: Uint8Array | undefined } {
  const parsed = parseGlb(file.bytes);
  if (!parsed.ok) {
    reject(
      "not_a_model",
      `${parsed.reason} (${describeBytes(file.bytes)}).`,
      file.name,
      parsed.expected,
      parsed.measured,
    );
  }
  return { json: parseJson(parsed.json, file.name) as GLTF.IGLTF, bin: parsed.bin };
}

function parseJson(bytes: Uint8Array, where: string): GLTF.IGLTF {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    reject("not_a_model", "The model's JSON is not valid UTF-8 text.", where);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as GLTF.IGLTF;
  } catch (error) {
    reject("not_a_model", `The model's JSON cannot be read: ${(error as Error).message}.`, where);
  }
}
