import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import type { Catalog } from "../../../shared/catalog.ts";
import { loadCatalogModels } from "./modelLoader.ts";

/** Renderless: starts streaming the catalog's glTF models as soon as the canvas exists. */
export function ModelLoadingDriver({ catalog }: { catalog: Catalog }) {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    const models = new Map<string, number>();
    for (const brand of catalog.brands) {
      for (const product of brand.products) {
        if (product.model.kind === "gltf") models.set(product.model.url, product.model.bytes);
      }
    }
    loadCatalogModels(models, gl);
  }, [catalog, gl]);
  return null;
}
