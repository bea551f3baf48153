/**
 * Brand model routes (declared in shared/api/models.ts, contract in shared/models.ts), mounted under
 * `/api`, and `createBlobRoutes` for `/blobs/<sha256>.glb` at the root.
 */
import type express from "express";
import type { Request } from "express";
import { models } from "../../shared/api/index.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import type { BlobStore } from "../models/blobStore.ts";
import { MAX_FILES_PER_UPLOAD, modelLimitsFromConfig } from "../models/modelLimits.ts";
import { ModelRejection } from "../models/modelRejection.ts";
import { findModel, listModels } from "../models/modelRepository.ts";
import { acceptModelUpload } from "../models/modelUploads.ts";
import type { PipelineRunner } from "../models/pipelineRunner.ts";
import { readUploadFiles } from "../models/uploadParser.ts";
import type { UploadProgressTracker } from "../models/uploadProgress.ts";
import { logFor } from "../observability/log.ts";
import { requireBrand } from "./brandOf.ts";
import { endpointRouter, route } from "./endpointRouter.ts";
import type { LimiterStore } from "./limiterStore.ts";
import { createUploadLimiter } from "./rateLimit.ts";

export type ModelRoutesDeps = {
  database: Database;
  config: Config;
  blobStore: BlobStore;
  runner: PipelineRunner;
  progress: UploadProgressTracker;
  /** Where the upload limit counts (Redis when scaled out); this process's memory when absent. */
  limiterStore?: LimiterStore;
  /** Where unexpected pipeline failures are logged; the models component's logger when absent. */
  logUnexpected?: (error: unknown) => void;
};

/** Share of the server's progress bar given to receiving the bytes (the rest is processing). */
const RECEIVING_SHARE = 0.05;

type Stage = Parameters<UploadProgressTracker["set"]>[2];

/** Receives, validates, optimizes and stores one upload, reporting progress under its id. */
async function receiveUpload(
  deps: ModelRoutesDeps,
  req: Request,
  upload: { brandId: string; userId: string; uploadId: string | null },
) {
  const limits = modelLimitsFromConfig(deps.config);
  const report = (stage: Stage, fraction: number, message: string, modelId?: string) => {
    if (upload.uploadId)
      deps.progress.set(upload.brandId, upload.uploadId, stage, fraction, message, modelId);
  };
  report("receiving", 0, "Receiving the files");
  try {
    const files = await readUploadFiles(req, {
      maxBytes: limits.maxUploadBytes,
      maxFiles: MAX_FILES_PER_UPLOAD,
      onBytes: (received, expected) =>
        expected > 0 && report("receiving", (RECEIVING_SHARE * received) / expected, "Receiving the files"),
    });
    // Uploads are processed one at a time: say so while this one waits for the worker.
    if (deps.runner.pending() > 0) report("validating", RECEIVING_SHARE, "Waiting for the uploads before it");
    const model = await acceptModelUpload(deps, {
      brandId: upload.brandId,
      userId: upload.userId,
      files,
      onProgress: (stage, fraction, message) =>
        report(stage, RECEIVING_SHARE + (1 - RECEIVING_SHARE) * fraction, message),
    });
    report("done", 1, "The model is ready", model.id);
    return model;
  } catch (error) {
    if (error instanceof ModelRejection) {
      report("failed", 1, error.message);
      const { problems } = error;
      throw new DomainError(ErrorCode.modelRejected, error.message, { problems }, error.status);
    }
    report("failed", 1, "The server could not process this model; please try again.");
    (deps.logUnexpected ?? ((e: unknown) => logFor("models").error({ err: e }, "upload failed")))(error);
    throw error;
  }
}

export function createModelRoutes(deps: ModelRoutesDeps): express.Router {
  const { database, config, progress } = deps;
  const limits = modelLimitsFromConfig(config);
  const limitUploads = createUploadLimiter(config.MODEL_UPLOADS_PER_HOUR, deps.limiterStore);

  const routes = [
    route(models.modelLimits, { handle: () => limits }),
    route(models.uploadModel, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: async ({ params, headers, user, req, res }) => {
        const uploadId = headers["Upload-Id"] ?? null;
        if (uploadId && progress.isActive(params.brandId, uploadId)) {
          throw new DomainError(
            ErrorCode.conflict,
            "An upload with this Upload-Id is already being processed; make a new id per upload.",
          );
        }
        await limitUploads(user.id, res);
        try {
          const model = await receiveUpload(deps, req, {
            brandId: params.brandId,
            userId: user.id,
            uploadId,
          });
          res.location(`/api/brands/${params.brandId}/models/${model.id}`);
          return model;
        } catch (error) {
          // Node reads and drops the rest of the body after the answer, so that browsers (which
          // report a reset connection as a network error) see the 413; a huge body is cut instead.
          const declared = Number(req.headers["content-length"] ?? 0);
          if (error instanceof DomainError && error.status === 413 && declared > 4 * limits.maxUploadBytes) {
            res.setHeader("Connection", "close");
          }
          throw error;
        }
      },
    }),
    route(models.uploadProgress, {
      handle: ({ params }) => {
        const state = progress.get(params.brandId, params.uploadId);
        if (state) return state;
        throw new DomainError(
          ErrorCode.notFound,
          "No upload with this id is known to this server (ids are kept 10 minutes).",
        );
      },
    }),
    route(models.listModels, {
      handle: async ({ params }) => ({ models: await listModels(database, params.brandId) }),
    }),
    route(models.getModel, {
      handle: async ({ params }) => {
        const model = await findModel(database, params.brandId, params.modelId);
        if (!model) throw new DomainError(ErrorCode.notFound, "This brand has no model with this id.");
        return model;
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}

const BLOB_FILE = /^([0-9a-f]{64})\.glb$/;

/** `/blobs/<sha256>.glb`: stored models, cached forever (the name is the content's hash). */
export function createBlobRoutes(database: Database, blobStore: BlobStore): express.Router {
  const serveBlob = route(models.blob, {
    handle: async ({ params, req, res }) => {
      const match = BLOB_FILE.exec(params.file);
      const blob = match?.[1] ? await blobStore.open(match[1]) : null;
      if (!match?.[1] || !blob) {
        res.status(404).type("text/plain").send("No such model file.");
        return;
      }
      const etag = `"${match[1]}"`;
      res.setHeader("Cache-Control", models.blob.cache);
      res.setHeader("Content-Type", models.blob.answer.contentType);
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.setHeader("ETag", etag);
      if (req.get("If-None-Match") === etag) {
        blob.stream.destroy();
        res.status(304).end();
        return;
      }
      res.setHeader("Content-Length", String(blob.bytes));
      if (req.method === "HEAD") {
        blob.stream.destroy();
        res.end();
        return;
      }
      blob.stream.on("error", () => res.destroy());
      blob.stream.pipe(res);
    },
  });
  return endpointRouter([serveBlob], { database, mountedAt: "" });
}
