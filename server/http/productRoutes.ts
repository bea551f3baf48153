/**
 * Brand product routes, mounted under `/api` (contract in shared/models.ts):
 *
 * - `GET  /brands/:brandId/products`               drafts and published products, placement (brand staff)
 * - `POST /brands/:brandId/products`               create a draft from a model (owner, merchandiser)
 * - `PUT  /brands/:brandId/products/:productId`    edit, as a draft (owner, merchandiser)
 * - `PUT  /brands/:brandId/placement`              arrange products on the display slots (same)
 * - `POST /brands/:brandId/publish`                drafts and placement to the catalog (same)
 */
import { eq } from "drizzle-orm";
import express, { type Request } from "express";
import { ErrorCode } from "../../shared/errors.ts";
import { CreateProductBody, PlacementBody, UpdateProductBody } from "../../shared/models.ts";
import type { Database, DbLike } from "../db/database.ts";
import { drizzleOf } from "../db/database.ts";
import { brands } from "../db/schema.ts";
import { requireUser } from "../drops/routeSupport.ts";
import { requireBrandEditor, requireBrandReader } from "../models/brandAccess.ts";
import { createProductDraft, listBrandProducts, updateProductDraft } from "../models/productDrafts.ts";
import { getPlacement, publishBrand, setPlacement } from "../models/productPublishing.ts";
import { AppError } from "./errors.ts";
import { parseBody } from "./parseBody.ts";

export type ProductRoutesDeps = {
  database: Database;
  /** Called after a publish changed the catalog, so every avenue room reloads it. */
  onCatalogChanged?: () => void;
};

/** A path parameter, present and of sane length. @throws AppError 400 */
export function routeParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== "string" || value.length === 0 || value.length > 100) {
    throw new AppError(400, ErrorCode.badRequest, `The address is missing a valid ${name}.`);
  }
  return value;
}

/** @throws AppError 404 when there is no such brand (checked after authorization, for admins). */
export async function requireBrand(database: DbLike, brandId: string): Promise<void> {
  const [row] = await drizzleOf(database)
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.id, brandId));
  if (!row) throw new AppError(404, ErrorCode.notFound, `There is no brand "${brandId}".`, { brandId });
}

export function createProductRoutes({
  database,
  onCatalogChanged = () => {},
}: ProductRoutesDeps): express.Router {
  const router = express.Router();

  router.use(
    ["/brands/:brandId/products", "/brands/:brandId/placement", "/brands/:brandId/publish"],
    (_req, res, next) => {
      res.setHeader("Cache-Control", "no-store");
      next();
    },
  );

  /** Signs in, authorizes (`write` for owners, merchandisers and admins) and checks the brand exists. */
  const brandOf = async (req: Request, access: "read" | "write") => {
    const user = await requireUser(database, req);
    const brandId = routeParam(req, "brandId");
    if (access === "write") requireBrandEditor(user, brandId);
    else requireBrandReader(user, brandId);
    await requireBrand(database, brandId);
    return brandId;
  };

  router.get("/brands/:brandId/products", async (req, res) => {
    const brandId = await brandOf(req, "read");
    const [products, placement] = await Promise.all([
      listBrandProducts(database, brandId),
      getPlacement(database, brandId),
    ]);
    res.json({ products, placement });
  });

  router.post("/brands/:brandId/products", async (req, res) => {
    const brandId = await brandOf(req, "write");
    const product = await createProductDraft(database, brandId, parseBody(CreateProductBody, req));
    res.status(201).location(`/api/brands/${brandId}/products/${product.id}`).json(product);
  });

  router.put("/brands/:brandId/products/:productId", async (req, res) => {
    const brandId = await brandOf(req, "write");
    const body = parseBody(UpdateProductBody, req);
    res.json(await updateProductDraft(database, brandId, routeParam(req, "productId"), body));
  });

  router.put("/brands/:brandId/placement", async (req, res) => {
    const brandId = await brandOf(req, "write");
    res.json(await setPlacement(database, brandId, parseBody(PlacementBody, req).slots));
  });

  router.post("/brands/:brandId/publish", async (req, res) => {
    const brandId = await brandOf(req, "write");
    const { changed, ...result } = await publishBrand(database, brandId);
    if (changed) onCatalogChanged();
    res.json(result);
  });

  return router;
}
