/** Accepted uploads in the database, read back as the portal's `UploadedModel`. */
import { and, desc, eq, or } from "drizzle-orm";
import type { UploadedModel } from "../../shared/models.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandModels } from "../db/schema.ts";
import { blobUrl } from "./blobStore.ts";
import type { PipelineResult } from "./modelPipeline.ts";

type ModelRow = typeof brandModels.$inferSelect;

const ref = (sha256: string, bytes: number) => ({ sha256, url: blobUrl(sha256), bytes });

function toUploadedModel(row: ModelRow): UploadedModel {
  return {
    id: row.id,
    brandId: row.brandId,
    fileName: row.fileName,
    original: ref(row.originalSha256, row.originalBytes),
    optimized: ref(row.optimizedSha256, row.optimizedBytes),
    lod: ref(row.lodSha256, row.lodBytes),
    before: row.figures.before,
    after: row.figures.after,
    lodFigures: row.figures.lod,
    variantNames: row.variantNames,
    normalization: row.normalization,
    suggestedDisplayHeight: row.suggestedDisplayHeight,
    warnings: row.warnings,
    processingSeconds: row.processingSeconds,
    createdAt: row.createdAt.toISOString(),
  };
}

export type NewModel = {
  id: string;
  brandId: string;
  /** Who uploaded it; null for the demo seed's own models. */
  uploadedBy: string | null;
  result: PipelineResult;
  /** sha256 of the stored original, optimized and LOD files. */
  sha256: { original: string; optimized: string; lod: string };
  /** Metres; the pipeline's suggestion unless the brand wants it shown otherwise. */
  displayHeight?: number;
  /** When it was accepted; the database's clock unless given. */
  createdAt?: Date;
};

/** Records an accepted upload whose blobs are stored. */
export async function insertModel(database: DbLike, model: NewModel): Promise<UploadedModel> {
  const inserted = await insertModelIfAbsent(database, model);
  if (!inserted) throw new Error("Inserting the model returned no row");
  return inserted;
}

/** Records an accepted model whose blobs are stored; null, writing nothing, when its id exists. */
export async function insertModelIfAbsent(database: DbLike, model: NewModel): Promise<UploadedModel | null> {
  const { result } = model;
  const [row] = await drizzleOf(database)
    .insert(brandModels)
    .values({
      id: model.id,
      brandId: model.brandId,
      fileName: result.fileName.slice(0, 255),
      originalSha256: model.sha256.original,
      originalBytes: result.original.byteLength,
      optimizedSha256: model.sha256.optimized,
      optimizedBytes: result.optimized.byteLength,
      lodSha256: model.sha256.lod,
      lodBytes: result.lod.byteLength,
      figures: { before: result.before, after: result.after, lod: result.lodFigures },
      variantNames: result.variantNames,
      normalization: result.normalization,
      suggestedDisplayHeight: model.displayHeight ?? result.suggestedDisplayHeight,
      warnings: result.warnings,
      processingSeconds: result.processingSeconds,
      uploadedBy: model.uploadedBy,
      createdAt: model.createdAt,
    })
    .onConflictDoNothing()
    .returning();
  return row ? toUploadedModel(row) : null;
}

/** The brand's models, newest first. */
export async function listModels(database: DbLike, brandId: string): Promise<UploadedModel[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(brandModels)
    .where(eq(brandModels.brandId, brandId))
    .orderBy(desc(brandModels.createdAt), desc(brandModels.id));
  return rows.map(toUploadedModel);
}

/** One model of the brand, or null (also when it belongs to another brand). */
export async function findModel(
  database: DbLike,
  brandId: string,
  modelId: string,
): Promise<UploadedModel | null> {
  const [row] = await drizzleOf(database)
    .select()
    .from(brandModels)
    .where(and(eq(brandModels.brandId, brandId), eq(brandModels.id, modelId)));
  return row ? toUploadedModel(row) : null;
}

/** Whether any model references a blob (so that undoing a failed upload never removes a shared one). */
export async function isBlobReferenced(database: DbLike, sha256: string): Promise<boolean> {
  const rows = await drizzleOf(database)
    .select({ id: brandModels.id })
    .from(brandModels)
    .where(
      or(
        eq(brandModels.originalSha256, sha256),
        eq(brandModels.optimizedSha256, sha256),
        eq(brandModels.lodSha256, sha256),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
