/**
 * What an upload holds once unpacked: a zip is expanded in memory (with a cap on the expanded size),
 * junk that archivers add is dropped, and every file must have a type we accept.
 */
import { type UnzipFileInfo, unzipSync } from "fflate";
import type { ModelProblem } from "../../shared/models.ts";
import { ModelRejection, problem } from "./modelRejection.ts";
import { checkEntryName } from "./uploadNames.ts";
import type { UploadFile } from "./uploadParser.ts";

export const MODEL_EXTENSIONS = [".glb", ".gltf"] as const;
export const RESOURCE_EXTENSIONS = [".bin", ".png", ".jpg", ".jpeg", ".webp", ".ktx2", ".avif"] as const;
/** Everything an upload may contain, for the portal's file picker and error messages. */
export const ACCEPTED_EXTENSIONS = [...MODEL_EXTENSIONS, ...RESOURCE_EXTENSIONS, ".zip"];

/** Files archivers and desktops add, which are never part of a model. */
const IGNORED_IN_ZIP = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)|\.(txt|md)$/i;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Lower-cased extension with its dot, or "" (e.g. `Clock.GLB` → `.glb`). */
export function extensionOf(name: string): string {
  const match = /\.[A-Za-z0-9]+$/.exec(name);
  return match ? match[0].toLowerCase() : "";
}

function isZip(file: UploadFile): boolean {
  return extensionOf(file.name) === ".zip" || ZIP_MAGIC.every((b, i) => file.bytes[i] === b);
}

/**
 * Expands a zip, refusing unsafe entry names and archives that expand past `maxBytes` (zip bombs).
 * @throws ModelRejection
 */
export function expandZip(zip: UploadFile, maxBytes: number): UploadFile[] {
  const problems: ModelProblem[] = [];
  let declaredTotal = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip.bytes, {
      filter: (info: UnzipFileInfo) => {
        if (info.name.endsWith("/") || IGNORED_IN_ZIP.test(info.name)) return false;
        const nameProblem = checkEntryName(info.name);
        if (nameProblem) problems.push({ ...nameProblem, where: `${zip.name}: ${info.name}` });
        declaredTotal += info.originalSize;
        return nameProblem === null && declaredTotal <= maxBytes;
      },
    });
  } catch (error) {
    throw new ModelRejection([
      problem("invalid_zip", `The zip file could not be opened (${(error as Error).message}).`, zip.name),
    ]);
  }
  if (problems.length > 0) throw new ModelRejection(problems);
  const files = Object.entries(entries).map(([name, bytes]) => ({ name, bytes }));
  const expanded = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (declaredTotal > maxBytes || expanded > maxBytes) {
    throw new ModelRejection([
      problem(
        "too_large",
        "The zip expands to more than the upload limit.",
        zip.name,
        maxBytes,
        Math.max(declaredTotal, expanded),
      ),
    ]);
  }
  return files;
}

/**
 * The files of the model: the upload itself, or the content of its one zip.
 * @throws ModelRejection for unknown file types, several zips, or a zip mixed with other files.
 */
export function unpackUpload(files: UploadFile[], maxBytes: number): UploadFile[] {
  const zips = files.filter(isZip);
  if (zips.length > 1 || (zips.length === 1 && files.length > 1)) {
    throw new ModelRejection([
      problem(
        "too_many_files",
        "Send either one .zip, or the model's files without a zip, not both.",
        null,
        1,
        zips.length,
      ),
    ]);
  }
  const unpacked = zips[0] ? expandZip(zips[0], maxBytes) : files;
  const unknown = unpacked.filter(
    (f) => !([...MODEL_EXTENSIONS, ...RESOURCE_EXTENSIONS] as string[]).includes(extensionOf(f.name)),
  );
  if (unknown.length > 0) {
    throw new ModelRejection(
      unknown.map((f) =>
        problem(
          "unsupported_file",
          `"${f.name}" is not a file type a model uses. Accepted: ${ACCEPTED_EXTENSIONS.join(", ")}.`,
          f.name,
          ACCEPTED_EXTENSIONS.join(" "),
          extensionOf(f.name) || "no extension",
        ),
      ),
    );
  }
  return unpacked;
}
