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
 * Which product stands on which slot: each brand's products in catalog order on its boutique's
 * slots (left to right as seen from the street); products beyond the slots are not shown.
 */
export function displayedProducts(layout: AvenueLayout, catalog: Catalog): Display[] {
  const brands = new Map(catalog.brands.map((b) => [b.id, b]));
  const out: Display[] = [];
  for (const boutique of layout.boutiques) {
    const products = brands.get(boutique.brandId)?.products ?? [];
    boutique.slots.forEach((slot, i) => {
      const product = products[i];
      if (product) out.push({ product, slot, brandId: boutique.brandId, slotIndex: i });
    });
  }
  return out;
}
