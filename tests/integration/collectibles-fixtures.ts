/**
 * Shared set-up for the collectibles tests: a brand with a real processed model (the generated
 * Étoile star run through the model pipeline), a collectible, people, and a certificate signer.
 */
import { generateKeyPairSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { buildStarGlb } from "../../server/catalog/seedStarModel.ts";
import { registerCertificateSigner } from "../../server/collectibles/certificateSigner.ts";
import type { VerificationKey } from "../../server/collectibles/certificates.ts";
import { keyIdOf } from "../../server/collectibles/certificates.ts";
import { createCollectible } from "../../server/collectibles/collectibles.ts";
import { loadConfig } from "../../server/config.ts";
import { type DbLike, drizzleOf } from "../../server/db/database.ts";
import { brandModels, collectibleCopies, collectibles } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { sha256Hex } from "../../server/models/blobStore.ts";
import { modelLimitsFromConfig } from "../../server/models/modelLimits.ts";
import { type PipelineResult, runModelPipeline } from "../../server/models/modelPipeline.ts";
import type { SessionUser } from "../../shared/auth.ts";
import type { CollectibleCreate, CollectibleView } from "../../shared/collectibles.ts";
import { BRAND_ID, createBrand, createUsers, T0 } from "./drops-fixtures.ts";

export { BRAND_ID, createUsers, T0 };

let star: Promise<PipelineResult> | undefined;

/** The Étoile star through the real model pipeline (once per test process; ~0.1 s). */
export function processedStar(): Promise<PipelineResult> {
  star ??= (async () => {
    const limits = modelLimitsFromConfig(loadConfig({ DATA_DIR: "unused" }));
    return runModelPipeline([{ name: "Etoile.glb", bytes: await buildStarGlb() }], {
      limits,
      lodRatio: 0.25,
      lodTextureEdge: 256,
    });
  })();
  return star;
}

/** A fresh Ed25519 key pair, registered as the certificate signer of `database`. */
export function registerTestSigner(database: DbLike): { privatePem: string; keys: VerificationKey[] } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const keyId = keyIdOf(publicKey);
  registerCertificateSigner(database, { privateKey, keyId });
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    keys: [{ keyId, publicKey }],
  };
}

export const MODEL_ID = "model-etoile";

/** The brand (maison-test, owner `owner-000`) and its processed star model. */
export async function createBrandWithModel(database: DbLike): Promise<{ owner: SessionUser }> {
  const db = drizzleOf(database);
  const { ownerId } = await createBrand(db);
  const result = await processedStar();
  await db.insert(brandModels).values({
    id: MODEL_ID,
    brandId: BRAND_ID,
    fileName: result.fileName,
    originalSha256: sha256Hex(result.original),
    originalBytes: result.original.byteLength,
    optimizedSha256: sha256Hex(result.optimized),
    optimizedBytes: result.optimized.byteLength,
    lodSha256: sha256Hex(result.lod),
    lodBytes: result.lod.byteLength,
    figures: { before: result.before, after: result.after, lod: result.lodFigures },
    variantNames: result.variantNames,
    normalization: result.normalization,
    suggestedDisplayHeight: result.suggestedDisplayHeight,
    warnings: result.warnings,
    processingSeconds: result.processingSeconds,
    uploadedBy: ownerId,
  });
  const owner: SessionUser = {
    id: ownerId,
    email: `${ownerId}@example.test`,
    displayName: ownerId,
    role: "shopper",
    brandRoles: [{ brandId: BRAND_ID, role: "owner" }],
  };
  return { owner };
}

/** Creates a collectible of the test brand through the domain function. */
export function createTestCollectible(
  database: DbLike,
  owner: SessionUser,
  body: Partial<CollectibleCreate> & { editionSize: number },
): Promise<CollectibleView> {
  return createCollectible(
    database,
    BRAND_ID,
    {
      modelId: MODEL_ID,
      name: { en: "Étoile test keepsake", fr: "Souvenir Étoile" },
      story: { en: "A star for the tests." },
      obtainedBy: "manual",
      ...body,
    } as CollectibleCreate,
    owner,
    manualClock(T0),
  );
}

/** Editions and owners as stored, and the collectible's counter. */
export async function ledger(database: DbLike, collectibleId: string) {
  const db = drizzleOf(database);
  const copies = await db
    .select({
      id: collectibleCopies.id,
      edition: collectibleCopies.edition,
      ownerId: collectibleCopies.ownerId,
      certificate: collectibleCopies.certificate,
    })
    .from(collectibleCopies)
    .where(eq(collectibleCopies.collectibleId, collectibleId));
  const [row] = await db
    .select({ issued: collectibles.issued })
    .from(collectibles)
    .where(eq(collectibles.id, collectibleId));
  return { copies, issued: row?.issued ?? -1 };
}

/** 1..n */
export const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
