import { useCallback, useEffect, useRef, useState } from "react";
import type { ModelLimits, ModelProblem, UploadedModel, UploadProgress } from "../../../shared/models.ts";
import { portalApi } from "./portalApi.ts";
import { newUploadId, uploadModel } from "./uploadModel.ts";
import { precheckUpload } from "./uploadPrecheck.ts";

/** How often the processing stage is asked for while the server works. */
const POLL_MS = 400;

export type UploadState =
  | { phase: "idle" }
  | {
      phase: "sending" | "processing" | "done" | "rejected";
      files: { name: string; size: number }[];
      sentBytes: number;
      totalBytes: number;
      /** The server's last reported processing stage (null before it answered). */
      processing: UploadProgress | null;
      model: UploadedModel | null;
      /** Why the upload was refused: the error code, the server's message, every problem. */
      refusal: { code: string; message: string | null; problems: ModelProblem[] } | null;
    };

/**
 * One model upload at a time: checks the files, sends them with byte progress, follows the
 * server's processing stages by polling with the upload's id, and ends with the model or the
 * reasons it was refused. `onAccepted` runs once for an accepted model.
 */
export function useModelUpload(
  brandId: string,
  limits: ModelLimits | null,
  onAccepted: (model: UploadedModel) => void,
): { state: UploadState; start: (files: File[]) => void; reset: () => void } {
  const [state, setState] = useState<UploadState>({ phase: "idle" });
  const active = useRef<{ abort: () => void; poll: ReturnType<typeof setInterval> } | null>(null);
  const accepted = useRef(onAccepted);
  accepted.current = onAccepted;

  const stop = useCallback(() => {
    if (!active.current) return;
    clearInterval(active.current.poll);
    active.current = null;
  }, []);
  useEffect(
    () => () => {
      active.current?.abort();
      stop();
    },
    [stop],
  );

  const start = useCallback(
    (files: File[]) => {
      if (active.current) return;
      const list = files.map((f) => ({ name: f.name, size: f.size }));
      const totalBytes = list.reduce((s, f) => s + f.size, 0);
      const base = { files: list, sentBytes: 0, totalBytes, processing: null, model: null, refusal: null };
      const problems = precheckUpload(list, limits);
      if (problems.length > 0) {
        setState({
          ...base,
          phase: "rejected",
          refusal: { code: "model_rejected", message: null, problems },
        });
        return;
      }
      const uploadId = newUploadId();
      setState({ ...base, phase: "sending" });
      const upload = uploadModel(brandId, files, uploadId, (sent, total) =>
        setState((s) =>
          s.phase === "sending" || s.phase === "processing"
            ? {
                ...s,
                sentBytes: sent,
                totalBytes: total || s.totalBytes,
                phase: sent >= (total || s.totalBytes) ? "processing" : "sending",
              }
            : s,
        ),
      );
      const poll = setInterval(() => {
        portalApi
          .uploadProgress(brandId, uploadId)
          .then((processing) =>
            setState((s) => (s.phase === "sending" || s.phase === "processing" ? { ...s, processing } : s)),
          )
          .catch(() => undefined); // 404 until the server has the first bytes: keep asking
      }, POLL_MS);
      active.current = { abort: upload.abort, poll };
      void upload.done.then((outcome) => {
        stop();
        if (outcome.ok) {
          setState((s) => ({
            ...base,
            phase: "done",
            // The request's total (files plus multipart framing) as XHR counted it.
            totalBytes: s.phase === "idle" ? totalBytes : s.totalBytes,
            sentBytes: s.phase === "idle" ? totalBytes : s.totalBytes,
            processing: { stage: "done", fraction: 1, message: "", modelId: outcome.model.id },
            model: outcome.model,
          }));
          accepted.current(outcome.model);
        } else {
          setState((s) => ({
            ...base,
            phase: "rejected",
            totalBytes: s.phase === "idle" ? totalBytes : s.totalBytes,
            sentBytes: s.phase === "idle" ? 0 : s.sentBytes,
            processing: s.phase === "idle" ? null : s.processing,
            refusal: { code: outcome.code, message: outcome.message, problems: outcome.problems },
          }));
        }
      });
    },
    [brandId, limits, stop],
  );

  const reset = useCallback(() => {
    active.current?.abort();
    stop();
    setState({ phase: "idle" });
  }, [stop]);

  return { state, start, reset };
}
