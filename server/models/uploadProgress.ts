/**
 * Where each upload stands while the server works on it, for the portal's processing bar. Held in
 * memory by the process that receives the upload (a poll must reach the same process: sticky
 * sessions when scaled out), and forgotten some minutes after the upload ends.
 */
import type { UploadProgress, UploadStage } from "../../shared/models.ts";

/** How long a finished upload's last state stays readable. */
export const PROGRESS_KEPT_MS = 10 * 60_000;
/** Bound on tracked uploads, so that made-up upload ids cannot grow the map without end. */
const MAX_TRACKED = 5_000;

type Entry = UploadProgress & { endedAt: number | null };

export type UploadProgressTracker = {
  /** Records a stage; `fraction` is the server's overall progress, 0..1. */
  set(
    brandId: string,
    uploadId: string,
    stage: UploadStage,
    fraction: number,
    message: string,
    modelId?: string,
  ): void;
  get(brandId: string, uploadId: string): UploadProgress | null;
  /** Whether an upload with this id is being processed now (ids must not be reused meanwhile). */
  isActive(brandId: string, uploadId: string): boolean;
};

export function createUploadProgressTracker(now: () => number = Date.now): UploadProgressTracker {
  const entries = new Map<string, Entry>();
  const key = (brandId: string, uploadId: string) => `${brandId}\u0000${uploadId}`;

  const sweep = () => {
    const t = now();
    for (const [k, e] of entries)
      if (e.endedAt !== null && t - e.endedAt > PROGRESS_KEPT_MS) entries.delete(k);
    // Still too many: forget the oldest (Map keeps insertion order).
    for (const k of entries.keys()) {
      if (entries.size <= MAX_TRACKED) break;
      entries.delete(k);
    }
  };

  return {
    set(brandId, uploadId, stage, fraction, message, modelId) {
      const ended = stage === "done" || stage === "failed";
      entries.set(key(brandId, uploadId), {
        stage,
        fraction: Math.min(1, Math.max(0, fraction)),
        message,
        modelId: modelId ?? null,
        endedAt: ended ? now() : null,
      });
      sweep();
    },
    get(brandId, uploadId) {
      const entry = entries.get(key(brandId, uploadId));
      if (!entry) return null;
      const { endedAt: _endedAt, ...progress } = entry;
      return progress;
    },
    isActive(brandId, uploadId) {
      const entry = entries.get(key(brandId, uploadId));
      return entry !== undefined && entry.endedAt === null;
    },
  };
}
