import { models } from "../../../shared/api/index.ts";
import { type ModelProblem, UPLOAD_ID_HEADER, type UploadedModel } from "../../../shared/models.ts";
import { declaredDetails, errorOf, readJson } from "../../net/api.ts";
import { uploadUrl } from "./portalApi.ts";

/** How an upload ended: the accepted model, or every reason it was refused. */
export type UploadOutcome =
  | { ok: true; model: UploadedModel }
  | {
      ok: false;
      status: number;
      /** The server's error code, or ours: network_error, aborted, bad_answer, http_error. */
      code: string;
      /** The server's message (null for our own codes: the portal words those itself). */
      message: string | null;
      problems: ModelProblem[];
    };

/**
 * Posts the files of one model as multipart/form-data with XMLHttpRequest, because only XHR
 * reports the bytes sent (`upload.onprogress`); fetch cannot. Never rejects: network failures and
 * refusals come back as an outcome with a code.
 */
export function uploadModel(
  brandId: string,
  files: readonly File[],
  uploadId: string,
  onBytes: (sent: number, total: number) => void,
): { done: Promise<UploadOutcome>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const form = new FormData();
  for (const file of files) form.append("file", file, file.name);
  const done = new Promise<UploadOutcome>((resolve) => {
    const failed = (code: string) =>
      resolve({ ok: false, status: xhr.status, code, message: null, problems: [] });
    xhr.upload.onprogress = (e) => onBytes(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => failed("network_error");
    xhr.onabort = () => failed("aborted");
    xhr.onload = () => resolve(readAnswer(xhr.status, xhr.responseText));
    xhr.open("POST", uploadUrl(brandId));
    xhr.withCredentials = true;
    xhr.setRequestHeader(UPLOAD_ID_HEADER, uploadId);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** Reads the answer with the upload's declaration: the model, or the refusal and its problems. */
function readAnswer(status: number, text: string): UploadOutcome {
  // A proxy's HTML error page reads as no JSON: reported as an unexpected answer.
  const json = readJson(text);
  if (status === models.uploadModel.status) {
    const model = models.uploadModel.answer.safeParse(json);
    if (model.success) return { ok: true, model: model.data };
    return { ok: false, status, code: "bad_answer", message: null, problems: [] };
  }
  const error = errorOf(status, json);
  if (error.code === "http_error")
    return { ok: false, status, code: "http_error", message: null, problems: [] };
  const problems = declaredDetails(models.uploadModel, "model_rejected", error)?.problems ?? [];
  return { ok: false, status, code: error.code, message: error.message, problems };
}

/** A random UUID v4; `crypto.randomUUID` exists only in secure contexts, getRandomValues everywhere. */
export function newUploadId(): string {
  if (typeof crypto.randomUUID === "function" && globalThis.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
