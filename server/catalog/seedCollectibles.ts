/**
 * The collectibles part of the demo seed (`collectibles` in assets/seed/demo.json): brand models run
 * through the real model pipeline, the collectibles made from them, and the pass collectible granted
 * to the demo's current pass holders (so the demo VIP owns #1).
 *
 * Versioned on its own in `app_meta` (it needs the model pipeline, the blob store and the signing
 * keys, which the main seed does not have), with the same pattern: a cheap version check first, the
 * slow part (the pipeline, ~0.3 s for both demo models) before the transaction, then one transaction
 * under an advisory lock that re-checks the version and writes through the domains' own inserts
 * (`insertModelIfAbsent`, `insertCollectible`, `grantCopyInTransaction`), which skip what exists.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { LocalizedText } from "../../shared/catalog.ts";
import { CollectibleCreate } from "../../shared/collectibles.ts";
import { DEMO_SEED } from "../audit.ts";
import type { CertificateSigner } from "../collectibles/certificateSigner.ts";
import { insertCollectible, processedModelOf } from "../collectibles/collectibles.ts";
import { currentPassHolders, grantCopyInTransaction } from "../collectibles/grants.ts";
import { ConfigSchema } from "../config.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { appMeta, brandModels } from "../db/schema.ts";
import { type BlobStore, sha256Hex } from "../models/blobStore.ts";
import { modelLimitsFromConfig } from "../models/modelLimits.ts";
import type { PipelineOptions, PipelineResult } from "../models/modelPipeline.ts";
import { insertModelIfAbsent } from "../models/modelRepository.ts";
import { createPipelineRunner, type PipelineRunner } from "../models/pipelineRunner.ts";
import { logFor } from "../observability/log.ts";
import { buildStarGlb } from "./seedStarModel.ts";

/** `app_meta` key holding the demo collectibles' seed version. */
export const COLLECTIBLES_SEED_VERSION_KEY = "demo_collectibles_seed_version";
const COLLECTIBLES_SEED_LOCK_KEY = 0x76_63_6f_6c_6cn; // "vcoll"

const SeedId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");

/** Where a seed model's source comes from: a file of the repository, or the generated star. */
const SeedModelSource = z.union([
  z.object({ file: z.string().regex(/^assets\/models\/[A-Za-z0-9_-]+\.glb$/) }).strict(),
  z.object({ generated: z.literal("etoile-star") }).strict(),
]);

export const SeedCollectibles = z
  .object({
    version: z.number().int().positive(),
    models: z.array(
      z
        .object({
          id: SeedId,
          brandId: SeedId,
          fileName: z.string().min(1).max(100),
          source: SeedModelSource,
          /** Metres; overrides the pipeline's suggestion when the brand wants it shown smaller. */
          displayHeight: z.number().positive().max(3).optional(),
        })
        .strict(),
    ),
    items: z.array(
      z
        .object({
          brandId: SeedId,
          collectible: z.object({ id: SeedId, name: LocalizedText, story: LocalizedText }).passthrough(),
        })
        .strict(),
    ),
  })
  .strict();
export type SeedCollectibles = z.infer<typeof SeedCollectibles>;

/** The `collectibles` section of a seed file, validated (null when the file has none). */
export async function loadSeedCollectibles(seedPath: string): Promise<SeedCollectibles | null> {
  const raw = JSON.parse(await readFile(seedPath, "utf8")) as { collectibles?: unknown };
  if (raw.collectibles === undefined) return null;
  const parsed = SeedCollectibles.safeParse(raw.collectibles);
  if (!parsed.success)
    throw new Error(`The collectibles of ${seedPath} are not valid: ${parsed.error.message}`);
  for (const item of parsed.data.items) {
    // The same rules as a brand's request (no price, edition size, source).
    const body = CollectibleCreate.safeParse(item.collectible);
    if (!body.success) {
      throw new Error(`Seed collectible ${item.collectible.id} is not valid: ${body.error.message}`);
    }
  }
  return parsed.data;
}

async function readSeedVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ value: appMeta.value })
    .from(appMeta)
    .where(eq(appMeta.key, COLLECTIBLES_SEED_VERSION_KEY));
  const version = z.number().int().nonnegative().safeParse(row?.value);
  return version.success ? version.data : 0;
}

type SeedModel = SeedCollectibles["models"][number];

/** The seed's own budget per model: our content, processed at most once per start. */
const SEED_PIPELINE_TIMEOUT_MS = 300_000;

/**
 * The seed's pipeline runs in a worker thread (pipelineRunner.ts) with the default limits, not this
 * deployment's upload limits: the seed's models are our own content, and the same settings give the
 * same files (and hashes) in every process. In a worker, the validator, the optimizer and their
 * native parts never load into the server's own heap: an idle server does not carry them
 * (bench/memory.ts). The worker starts on the first model and ends with the seed.
 */
function seedPipeline(rootDir: string): {
  process(model: SeedModel): Promise<PipelineResult>;
  close(): Promise<void>;
} {
  let runner: PipelineRunner | null = null;
  return {
    async process(model) {
      const limits = modelLimitsFromConfig(ConfigSchema.parse({}));
      const options: PipelineOptions = {
        limits,
        lodRatio: 0.25,
        lodTextureEdge: Math.max(64, Math.round(limits.optimizedTextureEdge / 4)),
      };
      const bytes =
        "file" in model.source
          ? new Uint8Array(await readFile(path.join(rootDir, model.source.file)))
          : await buildStarGlb();
      runner ??= createPipelineRunner(options, SEED_PIPELINE_TIMEOUT_MS);
      return runner.run([{ name: model.fileName, bytes }]);
    },
    close: async () => {
      await runner?.close();
      runner = null;
    },
  };
}

async function hasBlob(blobStore: BlobStore, sha256: string): Promise<boolean> {
  const blob = await blobStore.open(sha256);
  // Only asking: close the stream at once (and ignore a late open error if the file goes meanwhile).
  blob?.stream.on("error", () => {}).destroy();
  return blob !== null;
}

/**
 * A process whose blob store does not hold the seeded models (another process with its own data
 * folder seeded the shared database) makes them again: the pipeline gives the same bytes, checked
 * against the hashes recorded.
 */
async function restoreMissingBlobs(
  db: Db,
  seed: SeedCollectibles,
  deps: SeedCollectiblesDeps,
): Promise<void> {
  const pipeline = seedPipeline(deps.rootDir);
  try {
    for (const model of seed.models) await restoreModelBlobs(db, model, deps, pipeline);
  } finally {
    await pipeline.close();
  }
}

async function restoreModelBlobs(
  db: Db,
  model: SeedModel,
  deps: SeedCollectiblesDeps,
  pipeline: ReturnType<typeof seedPipeline>,
): Promise<void> {
  const [row] = await db
    .select({
      original: brandModels.originalSha256,
      optimized: brandModels.optimizedSha256,
      lod: brandModels.lodSha256,
    })
    .from(brandModels)
    .where(eq(brandModels.id, model.id));
  if (!row) return;
  const wanted = [row.original, row.optimized, row.lod];
  const missing = [];
  for (const sha256 of wanted) if (!(await hasBlob(deps.blobStore, sha256))) missing.push(sha256);
  if (missing.length === 0) return;
  const result = await pipeline.process(model);
  for (const file of [result.original, result.optimized, result.lod]) {
    if (missing.includes(sha256Hex(file))) await deps.blobStore.put(file);
  }
  for (const sha256 of missing) {
    if (!(await hasBlob(deps.blobStore, sha256))) {
      logFor("seed").warn(
        `the seeded model ${model.id} no longer gives the file ${sha256}; it stays missing here`,
      );
    }
  }
}

export type SeedCollectiblesDeps = {
  blobStore: BlobStore;
  signer: CertificateSigner;
  /** The repository root, against which `source.file` paths resolve. */
  rootDir: string;
};

/**
 * Seeds the demo collectibles once per version. Returns whether it wrote them.
 * Needs the main demo seed applied first (brands, drops, the pass programme and its holders).
 */
export async function seedDemoCollectibles(
  database: DbLike,
  seed: SeedCollectibles,
  deps: SeedCollectiblesDeps,
  now: Date,
): Promise<boolean> {
  const db = drizzleOf(database);
  if ((await readSeedVersion(db)) >= seed.version) {
    await restoreMissingBlobs(db, seed, deps);
    return false;
  }

  const processed = new Map<string, { result: PipelineResult; sha256: [string, string, string] }>();
  const pipeline = seedPipeline(deps.rootDir);
  try {
    for (const model of seed.models) {
      const result = await pipeline.process(model);
      const sha256: string[] = [];
      for (const file of [result.original, result.optimized, result.lod]) {
        sha256.push((await deps.blobStore.put(file)).ref.sha256);
      }
      processed.set(model.id, { result, sha256: sha256 as [string, string, string] });
    }
  } finally {
    await pipeline.close();
  }

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${COLLECTIBLES_SEED_LOCK_KEY})`);
    if ((await readSeedVersion(tx)) >= seed.version) return false;

    for (const model of seed.models) {
      const done = processed.get(model.id);
      if (!done) continue;
      const [original, optimized, lod] = done.sha256;
      await insertModelIfAbsent(tx, {
        id: model.id,
        brandId: model.brandId,
        uploadedBy: null,
        result: done.result,
        sha256: { original, optimized, lod },
        displayHeight: model.displayHeight,
        createdAt: now,
      });
    }

    for (const item of seed.items) {
      const body = CollectibleCreate.parse(item.collectible);
      const model = await processedModelOf(tx, item.brandId, body.modelId);
      if (!model)
        throw new Error(
          `Seed collectible ${body.id} names model ${body.modelId}, not seeded for ${item.brandId}`,
        );
      const created = await insertCollectible(
        tx,
        { id: body.id ?? item.collectible.id, brandId: item.brandId, body, model },
        DEMO_SEED,
        now,
      );
      if (!created) continue;
      if (body.obtainedBy === "pass" && body.sourceId) {
        // The demo's holders get theirs in this transaction (a brand's new one: one each, later).
        for (const holder of await currentPassHolders(tx, body.sourceId, now)) {
          await grantCopyInTransaction(
            tx,
            deps.signer,
            { collectibleId: created.id, userId: holder.userId, reason: "pass_holder", ref: holder.passId },
            now,
          );
        }
      }
    }

    await tx
      .insert(appMeta)
      .values({ key: COLLECTIBLES_SEED_VERSION_KEY, value: seed.version })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: seed.version } });
    return true;
  });
}
