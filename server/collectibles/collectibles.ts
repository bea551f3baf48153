/**
 * Collectibles a brand creates from one of its processed models: reading them as `CollectibleView`,
 * creating them (checking the model and what grants them), and listing a brand's.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import type { CollectibleCreate, CollectibleView } from "../../shared/collectibles.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { type AuditedBy, auditActor, auditOrigin } from "../audit.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, brandModels, brands, collectibles, drops, passTypes } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { blobUrl } from "../models/blobStore.ts";

type CollectibleRow = typeof collectibles.$inferSelect;

/** A collectible row with what its view needs from the brand and the model. */
export type CollectibleRecord = CollectibleRow & { brandName: string; displayHeight: number };

export function toCollectibleView(row: CollectibleRecord): CollectibleView {
  return {
    id: row.id,
    brandId: row.brandId,
    brandName: row.brandName,
    name: row.name,
    story: row.story,
    editionSize: row.editionSize,
    issued: row.issued,
    obtainedBy: row.obtainedBy,
    sourceId: row.sourceId,
    modelSha256: row.modelSha256,
    modelBytes: row.modelBytes,
    modelUrl: blobUrl(row.modelSha256),
    displayHeight: row.displayHeight,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Columns of a `CollectibleRecord`, for selects joining brands and brand_models. */
export const collectibleRecordColumns = {
  id: collectibles.id,
  brandId: collectibles.brandId,
  modelId: collectibles.modelId,
  modelSha256: collectibles.modelSha256,
  modelBytes: collectibles.modelBytes,
  name: collectibles.name,
  story: collectibles.story,
  editionSize: collectibles.editionSize,
  issued: collectibles.issued,
  obtainedBy: collectibles.obtainedBy,
  sourceId: collectibles.sourceId,
  createdBy: collectibles.createdBy,
  createdAt: collectibles.createdAt,
  brandName: brands.name,
  displayHeight: brandModels.suggestedDisplayHeight,
};

function selectRecords(database: DbLike) {
  return drizzleOf(database)
    .select(collectibleRecordColumns)
    .from(collectibles)
    .innerJoin(brands, eq(brands.id, collectibles.brandId))
    .innerJoin(brandModels, eq(brandModels.id, collectibles.modelId));
}

/** @throws DomainError not_found */
export async function getCollectibleRecord(database: DbLike, id: string): Promise<CollectibleRecord> {
  const [row] = await selectRecords(database).where(eq(collectibles.id, id));
  if (!row) throw DomainError.notFound("collectible", id);
  return row;
}

/** The brand's collectibles, newest first. */
export async function listBrandCollectibles(database: DbLike, brandId: string): Promise<CollectibleView[]> {
  const rows = await selectRecords(database)
    .where(eq(collectibles.brandId, brandId))
    .orderBy(desc(collectibles.createdAt), collectibles.id);
  return rows.map(toCollectibleView);
}

/** The drop's collectible (obtained by claiming in it), if any. */
export async function findDropCollectibleId(database: DbLike, dropId: string): Promise<string | null> {
  const [row] = await drizzleOf(database)
    .select({ id: collectibles.id })
    .from(collectibles)
    .where(and(eq(collectibles.obtainedBy, "drop"), eq(collectibles.sourceId, dropId)));
  return row?.id ?? null;
}

/** A slug from the English name, with a short random tail so that two keepsakes never collide. */
function slugFor(name: string): string {
  const base = name
    .normalize("NFKD")
    .replaceAll(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, "-")
    .replaceAll(/^-+|-+$/g, "")
    .slice(0, 60)
    .replaceAll(/-+$/g, "");
  return `${base || "collectible"}-${randomBytes(3).toString("hex")}`;
}

/**
 * Checks what would grant the collectible: a drop of the same brand (one collectible per drop), a
 * pass type of the brand (or a platform-wide one, for admins). Events and manual grants name
 * nothing that must exist.
 */
async function checkSource(
  database: DbLike,
  brandId: string,
  body: CollectibleCreate,
  actor: SessionUser,
): Promise<void> {
  const db = drizzleOf(database);
  if (body.obtainedBy === "drop" && body.sourceId !== undefined) {
    const [drop] = await db.select({ brandId: drops.brandId }).from(drops).where(eq(drops.id, body.sourceId));
    if (!drop || drop.brandId !== brandId) {
      throw new DomainError(ErrorCode.validation, `Brand ${brandId} has no drop ${body.sourceId}.`, {
        path: "sourceId",
        reason: "drop_not_found",
      });
    }
    const existing = await findDropCollectibleId(db, body.sourceId);
    if (existing) {
      throw new DomainError(
        ErrorCode.conflict,
        `Drop ${body.sourceId} already grants the collectible ${existing}: one collectible per drop.`,
        { path: "sourceId", reason: "drop_has_collectible", collectibleId: existing },
      );
    }
  }
  if (body.obtainedBy === "pass" && body.sourceId !== undefined) {
    const [type] = await db
      .select({ brandId: passTypes.brandId })
      .from(passTypes)
      .where(eq(passTypes.id, body.sourceId));
    const allowed = type && (type.brandId === brandId || (type.brandId === null && actor.role === "admin"));
    if (!allowed) {
      throw new DomainError(
        ErrorCode.validation,
        type
          ? `Pass type ${body.sourceId} is not run by brand ${brandId} (platform programmes: admins only).`
          : `There is no pass type ${body.sourceId}.`,
        { path: "sourceId", reason: type ? "pass_type_not_brands" : "pass_type_not_found" },
      );
    }
  }
}

/**
 * Creates a collectible from one of the brand's processed models. The certificates of its copies
 * name the model's optimized file (its sha256), fixed here.
 * @throws DomainError validation_failed (model or source), conflict (id taken, drop already has one)
 */
export async function createCollectible(
  database: DbLike,
  brandId: string,
  body: CollectibleCreate,
  actor: SessionUser,
  clock: Clock,
): Promise<CollectibleView> {
  const db = drizzleOf(database);
  const model = await processedModelOf(db, brandId, body.modelId);
  if (!model) {
    throw new DomainError(
      ErrorCode.validation,
      `Model ${body.modelId} is not one of brand ${brandId}'s processed models (see GET /api/brands/${brandId}/models).`,
      { path: "modelId", reason: "model_not_found" },
    );
  }
  await checkSource(db, brandId, body, actor);
  const id = body.id ?? slugFor(body.name.en);
  const now = clock.now();
  const created = await db.transaction((tx) =>
    insertCollectible(tx, { id, brandId, body, model }, { personId: actor.id }, now),
  );
  if (!created) {
    throw new DomainError(ErrorCode.conflict, `A collectible with the id ${id} already exists.`, {
      path: "id",
      reason: "id_taken",
    });
  }
  return toCollectibleView(await getCollectibleRecord(db, created.id));
}

/** The optimized file of one of the brand's processed models, which a collectible's certificates name. */
export async function processedModelOf(
  db: Db,
  brandId: string,
  modelId: string,
): Promise<{ sha256: string; bytes: number } | undefined> {
  const [model] = await db
    .select({ sha256: brandModels.optimizedSha256, bytes: brandModels.optimizedBytes })
    .from(brandModels)
    .where(and(eq(brandModels.id, modelId), eq(brandModels.brandId, brandId)));
  return model;
}

/**
 * Writes a collectible and its `collectible_created` audit row in the caller's transaction. Returns
 * null, writing nothing, when the id is taken. The caller has checked the model and the source.
 */
export async function insertCollectible(
  tx: Db,
  collectible: {
    id: string;
    brandId: string;
    body: CollectibleCreate;
    model: { sha256: string; bytes: number };
  },
  by: AuditedBy,
  now: Date,
): Promise<{ id: string } | null> {
  const { id, brandId, body, model } = collectible;
  const [row] = await tx
    .insert(collectibles)
    .values({
      id,
      brandId,
      modelId: body.modelId,
      modelSha256: model.sha256,
      modelBytes: model.bytes,
      name: body.name,
      story: body.story,
      editionSize: body.editionSize,
      obtainedBy: body.obtainedBy,
      sourceId: body.sourceId ?? null,
      createdBy: auditActor(by),
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: collectibles.id });
  if (!row) return null;
  await tx.insert(auditEvents).values({
    at: now,
    kind: "collectible_created",
    actorUserId: auditActor(by),
    details: {
      collectibleId: id,
      brandId,
      editionSize: body.editionSize,
      obtainedBy: body.obtainedBy,
      ...auditOrigin(by),
    },
  });
  return row;
}
