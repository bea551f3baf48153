import type { Product } from "../../../shared/catalog.ts";
import type { BrandProduct } from "../../../shared/models.ts";

/**
 * Puts a product on a slot (or empties it with null). A product stands on one slot only: moved
 * from another slot, it swaps places with whatever stood on the target.
 */
export function assignSlot(
  slots: readonly (string | null)[],
  slot: number,
  productId: string | null,
): (string | null)[] {
  const next = [...slots];
  if (slot < 0 || slot >= next.length) return next;
  const from = productId === null ? -1 : next.indexOf(productId);
  const previous = next[slot] ?? null;
  next[slot] = productId;
  if (from >= 0 && from !== slot) next[from] = previous;
  return next;
}

/** A brand's product as the avenue's display components take it (the catalog's shape). */
export function asCatalogProduct(p: BrandProduct): Product {
  return {
    id: p.id,
    brandId: p.brandId,
    name: p.name,
    description: p.description,
    price: p.price,
    model: p.model,
  };
}
