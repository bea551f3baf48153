import { useEffect } from "react";
import type { Brand, Product } from "../../../shared/catalog.ts";
import { reloadCatalog } from "../../net/catalogLoader.ts";
import { useWorldStore } from "../../stores/worldStore.ts";

/** The drop's brand and product from the catalog (loaded once per visit, shared with the avenue). */
export function useDropCatalog(
  brandId: string | undefined,
  productId: string | undefined,
): { brand: Brand | null; product: Product | null } {
  const catalog = useWorldStore((s) => s.catalog);
  useEffect(() => {
    if (!useWorldStore.getState().catalog) reloadCatalog().catch(() => undefined);
  }, []);
  const brand = catalog?.brands.find((b) => b.id === brandId) ?? null;
  const product = brand?.products.find((p) => p.id === productId) ?? null;
  return { brand, product };
}
