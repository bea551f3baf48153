/**
 * Reads a multipart upload into memory, file by file, refusing it as soon as it breaks the size or
 * count limits. Nothing touches the disk: files are only stored once the whole model is accepted.
 */
import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import type { ModelProblem } from "../../shared/models.ts";
import { ModelRejection, problem, reject } from "./modelRejection.ts";
import { checkEntryName } from "./uploadNames.ts";

/** One file of an upload, named as the sender named it (checked for path tricks). */
export type UploadFile = { name: string; bytes: Uint8Array };

export type UploadReadOptions = {
  /** Total bytes of all files together. */
  maxBytes: number;
  maxFiles: number;
  /** Called as bytes arrive, with the count so far and the announced total (0 if unknown). */
  onBytes?: (received: number, expected: number) => void;
};

/** Multipart framing on top of the files' bytes: boundaries and part headers. */
const MULTIPART_SLACK_BYTES = 256 * 1024;

/**
 * The files of a `multipart/form-data` request (any field name).
 * @throws ModelRejection: 413 over `maxBytes`, 415 not multipart, 422 empty or too many files, unsafe names.
 */
export function readUploadFiles(req: IncomingMessage, options: UploadReadOptions): Promise<UploadFile[]> {
  const declared = checkDeclaredSize(req, options);
  const parser = openParser(req, options);
  return collectFiles(req, parser, declared, options);
}

/**
 * The announced length, refused at once when it is over the limit (before reading a byte).
 * @throws ModelRejection: 413.
 */
function checkDeclaredSize(req: IncomingMessage, options: UploadReadOptions): number {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > options.maxBytes + MULTIPART_SLACK_BYTES) {
    reject(
      "too_large",
      `The upload is ${formatMb(declared)}; the limit is ${formatMb(options.maxBytes)}.`,
      null,
      options.maxBytes,
      declared,
    );
  }
  return declared;
}

/**
 * A multipart parser with the upload's limits.
 * @throws ModelRejection: 415 when the request is not multipart.
 */
function openParser(req: IncomingMessage, options: UploadReadOptions): busboy.Busboy {
  try {
    return busboy({
      headers: req.headers,
      limits: {
        files: options.maxFiles,
        // Past the slack, busboy stops counting: the measured size then reads "at least".
        fileSize: options.maxBytes + MULTIPART_SLACK_BYTES,
        fields: 20,
        fieldSize: 1024,
        parts: options.maxFiles + 20,
      },
    });
  } catch {
    reject(
      "unsupported_file",
      "Send the model as multipart/form-data, with the file(s) as form fields.",
      "Content-Type",
      "multipart/form-data",
      String(req.headers["content-type"] ?? "none"),
    );
  }
}

/**
 * Pipes the request through the parser and gathers its files, every problem found on the way
 * (names, size, count), and settles once the parser and every file stream have closed.
 */
function collectFiles(
  req: IncomingMessage,
  parser: busboy.Busboy,
  declared: number,
  options: UploadReadOptions,
): Promise<UploadFile[]> {
  return new Promise((resolvePromise, rejectPromise) => {
    const files: UploadFile[] = [];
    const problems: ModelProblem[] = [];
    let total = 0;
    let received = 0;
    let pending = 0;
    let finished = false;

    const settle = () => {
      if (!finished || pending > 0) return;
      if (problems.length > 0) rejectPromise(new ModelRejection(problems));
      else if (files.length === 0 || total === 0) rejectPromise(new ModelRejection([emptyUploadProblem()]));
      else resolvePromise(files);
    };

    req.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      options.onBytes?.(received, declared);
    });

    parser.on("file", (_field, stream, info) => {
      pending += 1;
      const nameProblem = checkEntryName(info.filename ?? "");
      if (nameProblem) problems.push(nameProblem);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.byteLength;
        total += chunk.byteLength;
        // Keep reading (the client is still sending) but stop holding bytes once refused.
        if (problems.length === 0 && total <= options.maxBytes) chunks.push(chunk);
      });
      stream.on("close", () => {
        pending -= 1;
        if (total > options.maxBytes && !problems.some((p) => p.code === "too_large")) {
          problems.push(overLimitProblem(options.maxBytes, info.filename ?? null, total));
        }
        if (size > 0 && problems.length === 0)
          files.push({ name: info.filename ?? "", bytes: new Uint8Array(Buffer.concat(chunks)) });
        settle();
      });
    });
    parser.on("filesLimit", () => {
      problems.push(
        problem(
          "too_many_files",
          `An upload may hold at most ${options.maxFiles} files; send a .zip instead.`,
          null,
          options.maxFiles,
          null,
        ),
      );
    });
    parser.on("error", (error: Error) => {
      finished = true;
      pending = 0;
      rejectPromise(
        new ModelRejection([
          problem("not_a_model", `The upload could not be read as multipart/form-data: ${error.message}.`),
        ]),
      );
    });
    parser.on("close", () => {
      finished = true;
      settle();
    });
    req.pipe(parser);
  });
}

function emptyUploadProblem(): ModelProblem {
  return problem(
    "empty_upload",
    "The upload holds no file, or only empty files: pick a .glb, a .gltf with its files, or a .zip.",
  );
}

/** The files together went over the limit (`total` counted so far: busboy may stop before the end). */
function overLimitProblem(maxBytes: number, filename: string | null, total: number): ModelProblem {
  return problem(
    "too_large",
    `The upload is over ${formatMb(maxBytes)}, our limit for one model.`,
    filename,
    maxBytes,
    total,
  );
}

/** "12.3 MB" for people (decimal megabytes, as file managers show them). */
export function formatMb(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}
