/** Shoppers' wishlists: products of the public catalog a signed-in shopper keeps. */
import { and, asc, eq } from "drizzle-orm";
import type { Wishlist, WishlistItem } from "../../shared/models.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { products, wishlistItems } from "../db/schema.ts";
import { DomainError } from "../errors.ts";

/** Most products one wishlist holds; beyond, the shopper is asked to remove some. */
export const WISHLIST_MAX_ITEMS = 200;

export async function getWishlist(database: DbLike, userId: string): Promise<Wishlist> {
  const rows = await drizzleOf(database)
    .select()
    .from(wishlistItems)
    .where(eq(wishlistItems.userId, userId))
    .orderBy(asc(wishlistItems.addedAt), asc(wishlistItems.productId));
  return { items: rows.map((r) => ({ productId: r.productId, addedAt: r.addedAt.toISOString() })) };
}

/**
 * Adds a published product (adding it twice changes nothing).
 * @throws DomainError not_found for a product that is not in the catalog, conflict when full.
 */
export async function addToWishlist(
  database: DbLike,
  userId: string,
  productId: string,
): Promise<WishlistItem> {
  const db = drizzleOf(database);
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!product) throw DomainError.notFound("product", productId);
  const existing = await getWishlist(db, userId);
  const kept = existing.items.find((i) => i.productId === productId);
  if (kept) return kept;
  if (existing.items.length >= WISHLIST_MAX_ITEMS) {
    throw new DomainError(
      "conflict",
      `A wishlist holds at most ${WISHLIST_MAX_ITEMS} products; remove some first.`,
      { limit: WISHLIST_MAX_ITEMS },
    );
  }
  const [row] = await db
    .insert(wishlistItems)
    .values({ userId, productId })
    .onConflictDoNothing()
    .returning();
  if (row) return { productId: row.productId, addedAt: row.addedAt.toISOString() };
  const [again] = await db
    .select()
    .from(wishlistItems)
    .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)));
  if (!again) throw new Error("Wishlist item vanished while being added");
  return { productId: again.productId, addedAt: again.addedAt.toISOString() };
}

/** Removes a product from the wishlist; removing one that is not there is fine. */
export async function removeFromWishlist(database: DbLike, userId: string, productId: string): Promise<void> {
  await drizzleOf(database)
    .delete(wishlistItems)
    .where(and(eq(wishlistItems.userId, userId), eq(wishlistItems.productId, productId)));
}
