/**
 * Brand product routes (declared in shared/api/models.ts), mounted under `/api`: drafts, placement
 * and publishing. Every route checks that the brand exists once the caller is let in.
 */
import type express from "express";
import { models } from "../../shared/api/index.ts";
import type { Database } from "../db/database.ts";
import { createProductDraft, listBrandProducts, updateProductDraft } from "../models/productDrafts.ts";
import { getPlacement, publishBrand, setPlacement } from "../models/productPublishing.ts";
import { requireBrand } from "./brandOf.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export type ProductRoutesDeps = {
  database: Database;
  /** Called after a publish changed the catalog, so every avenue room reloads it. */
  onCatalogChanged?: () => void;
};

export function createProductRoutes({
  database,
  onCatalogChanged = () => {},
}: ProductRoutesDeps): express.Router {
  const routes = [
    route(models.listProducts, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: async ({ params }) => {
        const [products, placement] = await Promise.all([
          listBrandProducts(database, params.brandId),
          getPlacement(database, params.brandId),
        ]);
        return { products, placement };
      },
    }),
    route(models.createProduct, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: async ({ params, body, res }) => {
        const product = await createProductDraft(database, params.brandId, body);
        res.location(`/api/brands/${params.brandId}/products/${product.id}`);
        return product;
      },
    }),
    route(models.updateProduct, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: ({ params, body }) => updateProductDraft(database, params.brandId, params.productId, body),
    }),
    route(models.setPlacement, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: ({ params, body }) => setPlacement(database, params.brandId, body.slots),
    }),
    route(models.publish, {
      before: ({ params }) => requireBrand(database, params.brandId),
      handle: async ({ params }) => {
        const { changed, ...result } = await publishBrand(database, params.brandId);
        if (changed) onCatalogChanged();
        return result;
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
