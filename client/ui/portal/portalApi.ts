import { models } from "../../../shared/api/index.ts";
import type { CreateProductBody, PlacementBody, UpdateProductBody } from "../../../shared/models.ts";
import { apiUrl, callApi } from "../../net/api.ts";

/** The portal's calls to the brand API (shared/api/models.ts), each answer checked by its schema. */
export const portalApi = {
  limits: () => callApi(models.modelLimits),
  models: (brandId: string) => callApi(models.listModels, { params: { brandId } }),
  products: (brandId: string) => callApi(models.listProducts, { params: { brandId } }),
  createProduct: (brandId: string, body: CreateProductBody) =>
    callApi(models.createProduct, { params: { brandId }, body }),
  updateProduct: (brandId: string, productId: string, body: UpdateProductBody) =>
    callApi(models.updateProduct, { params: { brandId, productId }, body }),
  savePlacement: (brandId: string, body: PlacementBody) =>
    callApi(models.setPlacement, { params: { brandId }, body }),
  publish: (brandId: string) => callApi(models.publish, { params: { brandId } }),
  uploadProgress: (brandId: string, uploadId: string) =>
    callApi(models.uploadProgress, { params: { brandId, uploadId } }),
};

/** The URL a model upload is posted to. */
export function uploadUrl(brandId: string): string {
  return apiUrl(models.uploadModel, { brandId });
}
