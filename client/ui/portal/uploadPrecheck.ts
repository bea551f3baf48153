import type { ModelLimits, ModelProblem } from "../../../shared/models.ts";

/** File endings the portal offers in its picker; the server decides for good. */
export const UPLOAD_ACCEPT = [".glb", ".gltf", ".bin", ".png", ".jpg", ".jpeg", ".webp", ".ktx2", ".zip"];

type FileLike = { name: string; size: number };

function ending(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot).toLowerCase();
}

/**
 * Problems the browser can see before sending a byte: nothing picked, a file type that cannot be
 * a model, a set of files without a .glb, .gltf or .zip, or more bytes than the server takes.
 * Worded by the same codes as the server's refusals so the portal shows both the same way.
 */
export function precheckUpload(files: readonly FileLike[], limits: ModelLimits | null): ModelProblem[] {
  if (files.length === 0 || files.every((f) => f.size === 0)) {
    return [{ code: "empty_upload", message: "", where: null, limit: null, measured: null }];
  }
  const accepted = limits?.acceptedExtensions.map((e) => e.toLowerCase()) ?? UPLOAD_ACCEPT;
  const problems: ModelProblem[] = [];
  for (const f of files) {
    if (!accepted.includes(ending(f.name))) {
      problems.push({
        code: "unsupported_file",
        message: "",
        where: f.name,
        limit: accepted.join(" "),
        measured: ending(f.name) || f.name,
      });
    }
  }
  const main = files.filter((f) => [".glb", ".gltf", ".zip"].includes(ending(f.name)));
  if (problems.length === 0 && main.length !== 1) {
    problems.push({
      code: main.length === 0 ? "not_a_model" : "too_many_files",
      message: "",
      where: null,
      limit: 1,
      measured: main.length,
    });
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (limits && total > limits.maxUploadBytes) {
    problems.push({
      code: "too_large",
      message: "",
      where: null,
      limit: limits.maxUploadBytes,
      measured: total,
    });
  }
  return problems;
}
