/**
 * Accepting an upload, from files in memory to a recorded model: the pipeline runs in its worker,
 * then the three files are stored under their sha256 and the row written. If anything fails after
 * the pipeline, the blobs this upload created are removed again, so a refused or failed upload
 * leaves nothing behind.
 */
import { randomUUID } from "node:crypto";
import type { UploadedModel } from "../../shared/models.ts";
import type { Database } from "../db/database.ts";
import type { BlobStore } from "./blobStore.ts";
import type { PipelineProgress } from "./modelPipeline.ts";
import { insertModel, isBlobReferenced } from "./modelRepository.ts";
import type { PipelineRunner } from "./pipelineRunner.ts";
import type { UploadFile } from "./uploadParser.ts";

export type ModelUploadDeps = { database: Database; blobStore: BlobStore; runner: PipelineRunner };

export type UploadRequest = {
  brandId: string;
  userId: string;
  files: UploadFile[];
  onProgress: (stage: "validating" | "optimizing" | "storing", fraction: number, message: string) => void;
};

/**
 * Validates, optimizes and stores one upload.
 * @throws ModelRejection when the model is refused (nothing is stored), or Error on a server fault.
 */
export async function acceptModelUpload(
  deps: ModelUploadDeps,
  request: UploadRequest,
): Promise<UploadedModel> {
  const progress: PipelineProgress = (stage, fraction, message) =>
    request.onProgress(stage, fraction, message);
  const result = await deps.runner.run(request.files, progress);

  request.onProgress("storing", 0.95, "Storing the files");
  const created: string[] = [];
  try {
    const stored = [];
    for (const bytes of [result.original, result.optimized, result.lod]) {
      const blob = await deps.blobStore.put(bytes);
      if (blob.created) created.push(blob.ref.sha256);
      stored.push(blob.ref.sha256);
    }
    const [original, optimized, lod] = stored as [string, string, string];
    return await insertModel(deps.database, {
      id: randomUUID(),
      brandId: request.brandId,
      uploadedBy: request.userId,
      result,
      sha256: { original, optimized, lod },
    });
  } catch (error) {
    for (const sha256 of created) {
      // Another upload may have recorded the same bytes meanwhile: only unreferenced blobs go.
      if (!(await isBlobReferenced(deps.database, sha256).catch(() => true)))
        await deps.blobStore.remove(sha256);
    }
    throw error;
  }
}
