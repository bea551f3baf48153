/**
 * Brand model routes, mounted under `/api` (see the contract in shared/models.ts):
 *
 * - `GET  /models/limits`                          what an upload may contain (anyone)
 * - `POST /brands/:brandId/models`                 upload (multipart), 201 UploadedModel or 4xx model_rejected
 * - `GET  /brands/:brandId/uploads/:uploadId`      processing progress of an upload (brand staff)
 * - `GET  /brands/:brandId/models`                 the brand's models (brand staff)
 * - `GET  /brands/:brandId/models/:modelId`        one model (brand staff)
 *
 * and `createBlobRoutes` for `/blobs/<sha256>.glb` outside `/api`.
 */
import express, { type Request, type Response } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode } from "../../shared/errors.ts";
import { UPLOAD_ID_HEADER, UploadId } from "../../shared/models.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { requireUser } from "../drops/routeSupport.ts";
import type { BlobStore } from "../models/blobStore.ts";
import { requireBrandEditor, requireBrandReader } from "../models/brandAccess.ts";
import { MAX_FILES_PER_UPLOAD, modelLimitsFromConfig } from "../models/modelLimits.ts";
import { ModelRejection } from "../models/modelRejection.ts";
import { findModel, listModels } from "../models/modelRepository.ts";
import { acceptModelUpload } from "../models/modelUploads.ts";
import type { PipelineRunner } from "../models/pipelineRunner.ts";
import { readUploadFiles } from "../models/uploadParser.ts";
import type { UploadProgressTracker } from "../models/uploadProgress.ts";
import { AppError } from "./errors.ts";
import { requireBrand, routeParam } from "./productRoutes.ts";

export type ModelRoutesDeps = {
  database: Database;
  config: Config;
  blobStore: BlobStore;
  runner: PipelineRunner;
  progress: UploadProgressTracker;
  /** Where unexpected pipeline failures are logged; console.error when absent. */
  logUnexpected?: (error: unknown) => void;
};

/** Share of the server's progress bar given to receiving the bytes (the rest is processing). */
const RECEIVING_SHARE = 0.05;

/** Per-account upload limit, in memory like the other limiters (per process). */
function createUploadLimiter(perHour: number) {
  const limiter = new RateLimiterMemory({ keyPrefix: "model-upload", points: perHour, duration: 3600 });
  return async (userId: string, res: Response) => {
    try {
      await limiter.consume(userId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      res.setHeader("Retry-After", String(retryAfterSeconds));
      throw new AppError(
        429,
        ErrorCode.rateLimited,
        `Upload limit reached (${perHour} per hour). Please wait ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
        { retryAfterSeconds },
      );
    }
  };
}

/** The optional client-made upload id, validated. */
function uploadIdOf(req: Request): string | null {
  const header = req.get(UPLOAD_ID_HEADER);
  if (header === undefined) return null;
  const parsed = UploadId.safeParse(header);
  if (!parsed.success)
    throw new AppError(400, ErrorCode.badRequest, `The ${UPLOAD_ID_HEADER} header must be a UUID.`, {
      header: UPLOAD_ID_HEADER,
    });
  return parsed.data;
}

export function createModelRoutes(deps: ModelRoutesDeps): express.Router {
  const { database, config, progress } = deps;
  const router = express.Router();
  const limits = modelLimitsFromConfig(config);
  const limitUploads = createUploadLimiter(config.MODEL_UPLOADS_PER_HOUR);
  const logUnexpected =
    deps.logUnexpected ?? ((error: unknown) => console.error("[models] upload failed:", error));

  router.use(["/models", "/brands/:brandId/models", "/brands/:brandId/uploads"], (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  router.get("/models/limits", (_req, res) => {
    res.json(limits);
  });

  router.post("/brands/:brandId/models", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = routeParam(req, "brandId");
    requireBrandEditor(user, brandId);
    await requireBrand(database, brandId);
    const uploadId = uploadIdOf(req);
    if (uploadId && progress.isActive(brandId, uploadId)) {
      throw new AppError(
        409,
        ErrorCode.conflict,
        "An upload with this Upload-Id is already being processed; make a new id per upload.",
      );
    }
    await limitUploads(user.id, res);

    const report = (
      stage: Parameters<UploadProgressTracker["set"]>[2],
      fraction: number,
      message: string,
      modelId?: string,
    ) => {
      if (uploadId) progress.set(brandId, uploadId, stage, fraction, message, modelId);
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
      if (deps.runner.pending() > 0)
        report("validating", RECEIVING_SHARE, "Waiting for the uploads before it");
      const model = await acceptModelUpload(deps, {
        brandId,
        userId: user.id,
        files,
        onProgress: (stage, fraction, message) =>
          report(stage, RECEIVING_SHARE + (1 - RECEIVING_SHARE) * fraction, message),
      });
      report("done", 1, "The model is ready", model.id);
      res.status(201).location(`/api/brands/${brandId}/models/${model.id}`).json(model);
    } catch (error) {
      if (error instanceof ModelRejection) {
        report("failed", 1, error.message);
        // Node reads and drops the rest of the body after the answer, so that browsers (which
        // report a reset connection as a network error) see the 413; a huge body is cut instead.
        if (error.status === 413 && Number(req.headers["content-length"] ?? 0) > 4 * limits.maxUploadBytes) {
          res.setHeader("Connection", "close");
        }
        throw new AppError(error.status, ErrorCode.modelRejected, error.message, {
          problems: error.problems,
        });
      }
      report("failed", 1, "The server could not process this model; please try again.");
      logUnexpected(error);
      throw error;
    }
  });

  router.get("/brands/:brandId/uploads/:uploadId", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = routeParam(req, "brandId");
    requireBrandReader(user, brandId);
    const state = progress.get(brandId, routeParam(req, "uploadId"));
    if (!state)
      throw new AppError(
        404,
        ErrorCode.notFound,
        "No upload with this id is known to this server (ids are kept 10 minutes).",
      );
    res.json(state);
  });

  router.get("/brands/:brandId/models", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = routeParam(req, "brandId");
    requireBrandReader(user, brandId);
    res.json({ models: await listModels(database, brandId) });
  });

  router.get("/brands/:brandId/models/:modelId", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = routeParam(req, "brandId");
    requireBrandReader(user, brandId);
    const model = await findModel(database, brandId, routeParam(req, "modelId"));
    if (!model) throw new AppError(404, ErrorCode.notFound, "This brand has no model with this id.");
    res.json(model);
  });

  return router;
}

const BLOB_FILE = /^([0-9a-f]{64})\.glb$/;

/** `/blobs/<sha256>.glb`: stored models, cached forever (the name is the content's hash). */
export function createBlobRoutes(blobStore: BlobStore): express.Router {
  const router = express.Router();
  router.get("/:file", async (req, res) => {
    const match = BLOB_FILE.exec(String(req.params.file));
    const blob = match?.[1] ? await blobStore.open(match[1]) : null;
    if (!match?.[1] || !blob) {
      res.status(404).type("text/plain").send("No such model file.");
      return;
    }
    const etag = `"${match[1]}"`;
    res.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    res.setHeader("Content-Type", "model/gltf-binary");
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
  });
  return router;
}
