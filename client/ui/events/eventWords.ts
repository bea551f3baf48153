/** Small helpers the event page's components share: product names and countdown text. */
import type { Catalog, Product } from "../../../shared/catalog.ts";
import { localizedName } from "../vitrine/localizedName.ts";

export type ProductIndex = ReadonlyMap<string, Product>;

export function indexProducts(catalog: Catalog | null): ProductIndex {
  return new Map((catalog?.brands ?? []).flatMap((b) => b.products.map((p) => [p.id, p] as const)));
}

/** A product's name in the reader's language, or its id when the catalog does not have it. */
export function productName(products: ProductIndex, productId: string, language: string): string {
  const product = products.get(productId);
  return product ? localizedName(product.name, language) : productId;
}

/** A span of time as h:mm:ss (or m:ss), never negative. */
export function formatSpan(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
