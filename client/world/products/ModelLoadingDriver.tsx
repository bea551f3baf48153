import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import type { Catalog } from "../../../shared/catalog.ts";
import { displayedProducts } from "./displayedProducts.ts";
import { loadCatalogModels } from "./modelLoader.ts";

/**
 * Renderless: starts streaming the glTF models of the products on display as soon as the canvas
 * exists (the KTX2 loader needs the renderer), and again whenever the catalog changes.
 */
export function ModelLoadingDriver({ layout, catalog }: { layout: AvenueLayout; catalog: Catalog }) {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const models = new Map<string, number>();
    const lods: string[] = [];
    for (const { product } of displayedProducts(layout, catalog)) {
      if (product.model.kind !== "gltf") continue;
      models.set(product.model.url, product.model.bytes);
      if (product.model.lodUrl) lods.push(product.model.lodUrl);
    }
    loadCatalogModels(models, gl, lods);
  }, [layout, catalog, gl]);
  return null;
}
