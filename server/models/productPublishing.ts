/**
 * The boutique's display slots and publishing: the brand arranges products on its slots (a draft
 * arrangement), then publishes drafts and arrangement together in one transaction.
 */
import { and, eq, max } from "drizzle-orm";
import { SLOTS_PER_BOUTIQUE } from "../../shared/avenue/layout.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { Placement, PublishResult } from "../../shared/models.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandPlacements, productDrafts, products } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import { listBrandProducts } from "./productDrafts.ts";

const sameSlots = (a: (string | null)[], b: (string | null)[] | null) =>
  b !== null && a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * What the catalog shows today: products on the slots the brand chose, or (seed) the first
 * products in catalog order.
 */
async function catalogSlots(database: DbLike, brandId: string): Promise<(string | null)[]> {
  const rows = await drizzleOf(database)
    .select({ id: products.id, slot: products.slot })
    .from(products)
    .where(eq(products.brandId, brandId))
    .orderBy(products.position, products.id);
  const slots: (string | null)[] = new Array(SLOTS_PER_BOUTIQUE).fill(null);
  if (rows.some((r) => r.slot !== null)) {
    for (const r of rows) if (r.slot !== null && r.slot < SLOTS_PER_BOUTIQUE) slots[r.slot] = r.id;
  } else {
    rows.slice(0, SLOTS_PER_BOUTIQUE).forEach((r, i) => {
      slots[i] = r.id;
    });
  }
  return slots;
}

/** The arrangement being prepared (or the published one when the brand has not changed it). */
export async function getPlacement(database: DbLike, brandId: string): Promise<Placement> {
  const [row] = await drizzleOf(database)
    .select()
    .from(brandPlacements)
    .where(eq(brandPlacements.brandId, brandId));
  if (!row) return { slots: await catalogSlots(database, brandId), unpublished: false, updatedAt: null };
  return {
    slots: row.slots,
    unpublished: !sameSlots(row.slots, row.publishedSlots),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Saves the arrangement as a draft. Every product must be one of the brand's (draft or published).
 * @throws DomainError validation_failed naming the unknown products.
 */
export async function setPlacement(
  database: DbLike,
  brandId: string,
  slots: (string | null)[],
): Promise<Placement> {
  const known = new Set((await listBrandProducts(database, brandId)).map((p) => p.id));
  const unknown = slots.filter((id): id is string => id !== null && !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError(
      ErrorCode.validation,
      `These products are not the brand's: ${unknown.join(", ")}.`,
      unknown.map((id) => ({ path: `slots.${slots.indexOf(id)}`, message: `Unknown product ${id}` })),
    );
  }
  const published = await catalogSlots(database, brandId);
  const now = new Date();
  await drizzleOf(database)
    .insert(brandPlacements)
    .values({ brandId, slots, publishedSlots: published, updatedAt: now })
    .onConflictDoUpdate({ target: brandPlacements.brandId, set: { slots, updatedAt: now } });
  return getPlacement(database, brandId);
}

/**
 * Publishes the brand's pending drafts to the catalog and applies its arrangement, atomically.
 * @returns the ids published (empty when there was nothing new) and the arrangement.
 */
export async function publishBrand(
  database: DbLike,
  brandId: string,
): Promise<PublishResult & { changed: boolean }> {
  const publishedAt = new Date();
  const result = await drizzleOf(database).transaction(async (tx) => {
    const drafts = await tx
      .select()
      .from(productDrafts)
      .where(and(eq(productDrafts.brandId, brandId), eq(productDrafts.dirty, true)));
    const [top] = await tx
      .select({ position: max(products.position) })
      .from(products)
      .where(eq(products.brandId, brandId));
    let position = (top?.position ?? -1) + 1;
    for (const d of drafts) {
      const fields = {
        name: d.name,
        description: d.description,
        priceMinor: d.priceMinor,
        currency: d.currency,
        model: d.model,
        updatedAt: publishedAt,
      };
      await tx
        .insert(products)
        .values({ id: d.id, brandId, ...fields, position: position++ })
        .onConflictDoUpdate({ target: products.id, set: fields });
    }
    if (drafts.length > 0) {
      await tx
        .update(productDrafts)
        .set({ dirty: false, publishedAt })
        .where(and(eq(productDrafts.brandId, brandId), eq(productDrafts.dirty, true)));
    }

    const [placement] = await tx.select().from(brandPlacements).where(eq(brandPlacements.brandId, brandId));
    const placementChanged = placement !== undefined && !sameSlots(placement.slots, placement.publishedSlots);
    if (placement) {
      await tx.update(products).set({ slot: null }).where(eq(products.brandId, brandId));
      for (const [slot, id] of placement.slots.entries()) {
        if (id !== null)
          await tx
            .update(products)
            .set({ slot })
            .where(and(eq(products.id, id), eq(products.brandId, brandId)));
      }
      await tx
        .update(brandPlacements)
        .set({ publishedSlots: placement.slots })
        .where(eq(brandPlacements.brandId, brandId));
    }
    return { published: drafts.map((d) => d.id), changed: drafts.length > 0 || placementChanged };
  });
  return {
    ...result,
    placement: await getPlacement(database, brandId),
    publishedAt: publishedAt.toISOString(),
  };
}
