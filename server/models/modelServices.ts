/**
 * Everything the brand model feature needs in one process: blob store, pipeline worker, upload
 * progress, and its routers. The app creates it once and closes it on shutdown.
 */
import type express from "express";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { LimiterStore } from "../http/limiterStore.ts";
import { createBlobRoutes, createModelRoutes } from "../http/modelRoutes.ts";
import { createProductRoutes } from "../http/productRoutes.ts";
import { createWishlistRoutes } from "../http/wishlistRoutes.ts";
import { type BlobStore, createFileBlobStore } from "./blobStore.ts";
import { modelLimitsFromConfig } from "./modelLimits.ts";
import { createPipelineRunner, type PipelineRunner } from "./pipelineRunner.ts";
import { createUploadProgressTracker } from "./uploadProgress.ts";

/** The level of detail keeps a quarter of the vertices and textures at a quarter of the edge. */
const LOD_RATIO = 0.25;

export type ModelServices = {
  blobStore: BlobStore;
  runner: PipelineRunner;
  /** Routers to mount under `/api`. */
  apiRouters(deps: {
    database: Database;
    onCatalogChanged: () => void;
    limiterStore?: LimiterStore;
  }): express.Router[];
  /** Router of `/blobs/<sha256>.glb`, to mount at the root. */
  blobRoutes(database: Database): express.Router;
  close(): Promise<void>;
};

export function createModelServices(config: Config): ModelServices {
  const limits = modelLimitsFromConfig(config);
  const blobStore = createFileBlobStore(config.DATA_DIR);
  const runner = createPipelineRunner(
    {
      limits,
      lodRatio: LOD_RATIO,
      lodTextureEdge: Math.max(64, Math.round(limits.optimizedTextureEdge / 4)),
    },
    config.MODEL_PIPELINE_TIMEOUT_SECONDS * 1000,
  );
  const progress = createUploadProgressTracker();
  return {
    blobStore,
    runner,
    apiRouters: ({ database, onCatalogChanged, limiterStore }) => [
      createModelRoutes({ database, config, blobStore, runner, progress, limiterStore }),
      createProductRoutes({ database, onCatalogChanged }),
      createWishlistRoutes({ database }),
    ],
    blobRoutes: (database) => createBlobRoutes(database, blobStore),
    close: () => runner.close(),
  };
}
