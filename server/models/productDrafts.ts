/**
 * A brand's products as its staff see them: drafts (the working version) over the published
 * catalog. Creating or editing only ever writes a draft; publishing (productPublishing.ts) copies
 * drafts to the catalog.
 */
import { and, eq } from "drizzle-orm";
import { ErrorCode } from "../../shared/errors.ts";
import type { BrandProduct, CreateProductBody, UpdateProductBody } from "../../shared/models.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { productDrafts, products } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import { findModel } from "./modelRepository.ts";
import { newProductId } from "./productIds.ts";
import { catalogModelOf, variantLabelsFor } from "./productModels.ts";

type DraftRow = typeof productDrafts.$inferSelect;
type ProductRow = typeof products.$inferSelect;

function fromDraft(row: DraftRow): BrandProduct {
  return {
    id: row.id,
    brandId: row.brandId,
    status: row.publishedAt === null ? "draft" : row.dirty ? "modified" : "published",
    name: row.name,
    description: row.description,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    stock: row.stock,
    modelId: row.modelId,
    model: row.model,
    variantLabels: row.variantLabels,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A catalog product that was never edited in the portal (the seed's). */
function fromPublished(row: ProductRow): BrandProduct {
  return {
    id: row.id,
    brandId: row.brandId,
    status: "published",
    name: row.name,
    description: row.description,
    price: { amountMinor: row.priceMinor, currency: row.currency },
    stock: 0,
    modelId: null,
    model: row.model,
    variantLabels: row.model.kind === "gltf" ? (row.model.variants ?? []) : [],
    publishedAt: row.updatedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Drafts first where they exist, then catalog products without one, in catalog order. */
export async function listBrandProducts(database: DbLike, brandId: string): Promise<BrandProduct[]> {
  const db = drizzleOf(database);
  const [drafts, published] = await Promise.all([
    db.select().from(productDrafts).where(eq(productDrafts.brandId, brandId)),
    db.select().from(products).where(eq(products.brandId, brandId)).orderBy(products.position, products.id),
  ]);
  const byId = new Map(drafts.map((d) => [d.id, d]));
  const listed = published.map((p) => {
    const draft = byId.get(p.id);
    return draft ? fromDraft(draft) : fromPublished(p);
  });
  const unpublished = drafts
    .filter((d) => d.publishedAt === null && !published.some((p) => p.id === d.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map(fromDraft);
  return [...listed, ...unpublished];
}

async function idTaken(database: DbLike, id: string): Promise<boolean> {
  const db = drizzleOf(database);
  const [inCatalog] = await db.select({ id: products.id }).from(products).where(eq(products.id, id));
  const [inDrafts] = await db
    .select({ id: productDrafts.id })
    .from(productDrafts)
    .where(eq(productDrafts.id, id));
  return inCatalog !== undefined || inDrafts !== undefined;
}

async function requireModel(database: DbLike, brandId: string, modelId: string) {
  const model = await findModel(database, brandId, modelId);
  if (!model) {
    throw new DomainError(ErrorCode.validation, `Model ${modelId} is not one of this brand's uploads.`, [
      { path: "modelId", message: "Unknown model for this brand" },
    ]);
  }
  return model;
}

/** Creates a draft product showing one of the brand's uploaded models. */
export async function createProductDraft(
  database: DbLike,
  brandId: string,
  body: CreateProductBody,
): Promise<BrandProduct> {
  const model = await requireModel(database, brandId, body.modelId);
  const variantLabels = variantLabelsFor(model, body.variantLabels);
  const id = await newProductId(brandId, body.name.en, (candidate) => idTaken(database, candidate));
  const [row] = await drizzleOf(database)
    .insert(productDrafts)
    .values({
      id,
      brandId,
      name: body.name,
      description: body.description,
      priceMinor: body.price.amountMinor,
      currency: body.price.currency,
      stock: body.stock ?? 0,
      modelId: model.id,
      model: catalogModelOf(model, {
        displayHeight: body.displayHeight ?? model.suggestedDisplayHeight,
        credit: body.credit,
        variantLabels,
      }),
      variantLabels,
      dirty: true,
    })
    .returning();
  if (!row) throw new Error("Inserting the draft returned no row");
  return fromDraft(row);
}

/**
 * Edits a product of the brand. A catalog product without a draft gets one, so that the edit stays
 * unpublished until the brand publishes.
 * @throws DomainError not_found when the brand has no such product.
 */
export async function updateProductDraft(
  database: DbLike,
  brandId: string,
  productId: string,
  body: UpdateProductBody,
): Promise<BrandProduct> {
  const db = drizzleOf(database);
  const [draft] = await db
    .select()
    .from(productDrafts)
    .where(and(eq(productDrafts.id, productId), eq(productDrafts.brandId, brandId)));
  const [published] = draft
    ? [undefined]
    : await db
        .select()
        .from(products)
        .where(and(eq(products.id, productId), eq(products.brandId, brandId)));
  const current = draft ? fromDraft(draft) : published ? fromPublished(published) : null;
  if (!current) throw DomainError.notFound("product", productId);

  const modelId = body.modelId ?? current.modelId;
  const uploaded = modelId ? await requireModel(db, brandId, modelId) : null;
  const displayHeight = body.displayHeight ?? current.model.displayHeight;
  const credit = body.credit ?? (current.model.kind === "gltf" ? current.model.credit : undefined);
  const variantLabels = uploaded
    ? variantLabelsFor(uploaded, body.variantLabels ?? current.variantLabels)
    : [];
  const model = uploaded
    ? catalogModelOf(uploaded, { displayHeight, credit, variantLabels })
    : { ...current.model, displayHeight };

  const values = {
    name: body.name ?? current.name,
    description: body.description ?? current.description,
    priceMinor: (body.price ?? current.price).amountMinor,
    currency: (body.price ?? current.price).currency,
    stock: body.stock ?? current.stock,
    modelId,
    model,
    variantLabels,
    dirty: true,
    updatedAt: new Date(),
  };
  const [row] = draft
    ? await db.update(productDrafts).set(values).where(eq(productDrafts.id, productId)).returning()
    : await db
        .insert(productDrafts)
        .values({ id: productId, brandId, ...values, publishedAt: published?.updatedAt ?? null })
        .returning();
  if (!row) throw new Error("Saving the draft returned no row");
  return fromDraft(row);
}
