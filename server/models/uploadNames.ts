/**
 * File names and URIs inside an upload are attacker-controlled: these checks refuse path tricks
 * (`..`, absolute paths, drive letters, backslashes, control characters) and URIs that leave the upload.
 */
import type { ModelProblem } from "../../shared/models.ts";
import { problem } from "./modelRejection.ts";

const MAX_NAME_LENGTH = 255;

/** Why a file name (multipart or zip entry) is unsafe, or null when it is a plain relative path. */
export function checkEntryName(name: string): ModelProblem | null {
  if (name.length === 0) return problem("unsafe_path", "A file in the upload has no name.", null);
  if (name.length > MAX_NAME_LENGTH) {
    return problem(
      "unsafe_path",
      "A file name is too long.",
      name.slice(0, 60),
      MAX_NAME_LENGTH,
      name.length,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return problem("unsafe_path", "A file name holds control characters.", JSON.stringify(name));
  }
  if (name.includes("\\")) {
    return problem("unsafe_path", "File names may not contain backslashes.", name);
  }
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) {
    return problem("unsafe_path", "File names must be relative, not absolute paths.", name);
  }
  if (name.split("/").some((segment) => segment === "..")) {
    return problem("unsafe_path", "File names may not climb out of the upload with '..'.", name);
  }
  return null;
}

/** `a/./b.png` → `a/b.png`; used to match a URI with an entry name. */
export function normalizeRelativePath(path: string): string {
  return path
    .split("/")
    .filter((segment) => segment !== "" && segment !== ".")
    .join("/");
}

export type UriCheck =
  | { kind: "data" }
  | { kind: "relative"; path: string }
  | { kind: "refused"; problem: ModelProblem };

/**
 * Classifies a URI of a .gltf's buffer or image: data URIs are fine, relative paths resolve inside
 * the upload, and anything with a scheme, absolute or climbing out (also when %-encoded) is refused.
 */
export function checkResourceUri(uri: string, where: string): UriCheck {
  if (uri.startsWith("data:")) return { kind: "data" };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) || uri.startsWith("//")) {
    return {
      kind: "refused",
      problem: problem(
        "external_uri",
        `The model points outside the upload (${uri.slice(0, 80)}); embed every resource or include it in the upload.`,
        where,
        "relative path or data URI",
        uri.slice(0, 200),
      ),
    };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(uri);
  } catch {
    return {
      kind: "refused",
      problem: problem("unsafe_path", "A resource URI is badly %-encoded.", where, null, uri.slice(0, 200)),
    };
  }
  const nameProblem = checkEntryName(decoded.split(/[?#]/)[0] ?? "");
  if (nameProblem)
    return { kind: "refused", problem: { ...nameProblem, where, measured: uri.slice(0, 200) } };
  return { kind: "relative", path: normalizeRelativePath(decoded.split(/[?#]/)[0] ?? "") };
}
