import type { AvenueLayout, DisplaySlot } from "../../../shared/avenue/layout.ts";
import type { Catalog, Product } from "../../../shared/catalog.ts";

export type Display = {
  product: Product;
  slot: DisplaySlot;
  /** The boutique's brand and the slot's index in it (0–3, left to right from the street). */
  brandId: string;
  slotIndex: number;
};

/**
 * Which product stands on which slot of each boutique (slots left to right as seen from the
 * street). A brand that arranged its window gives each displayed product a `slot`: those stand
 * there and the others are not shown. A brand that never did (the seed) shows its products in
 * catalog order on the slots; products beyond the slots are not shown.
 */
export function displayedProducts(layout: AvenueLayout, catalog: Catalog): Display[] {
  const brands = new Map(catalog.brands.map((b) => [b.id, b]));
  const out: Display[] = [];
  for (const boutique of layout.boutiques) {
    const products = brands.get(boutique.brandId)?.products ?? [];
    const arranged = products.some((p) => p.slot !== undefined);
    boutique.slots.forEach((slot, i) => {
      const product = arranged ? products.find((p) => p.slot === i) : products[i];
      if (product) out.push({ product, slot, brandId: boutique.brandId, slotIndex: i });
    });
  }
  return out;
}
