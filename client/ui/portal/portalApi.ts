import {
  BrandProduct,
  BrandProductList,
  type CreateProductBody,
  ModelLimits,
  ModelList,
  Placement,
  type PlacementBody,
  PublishResult,
  type UpdateProductBody,
  UploadProgress,
} from "../../../shared/models.ts";
import { apiRequest } from "../../net/api.ts";

const brandPath = (brandId: string) => `/api/brands/${encodeURIComponent(brandId)}`;

/** The portal's calls to the brand API (shared/models.ts), each answer checked by its schema. */
export const portalApi = {
  limits: () => apiRequest("/api/models/limits", ModelLimits),
  models: (brandId: string) => apiRequest(`${brandPath(brandId)}/models`, ModelList),
  products: (brandId: string) => apiRequest(`${brandPath(brandId)}/products`, BrandProductList),
  createProduct: (brandId: string, body: CreateProductBody) =>
    apiRequest(`${brandPath(brandId)}/products`, BrandProduct, { method: "POST", body }),
  updateProduct: (brandId: string, productId: string, body: UpdateProductBody) =>
    apiRequest(`${brandPath(brandId)}/products/${encodeURIComponent(productId)}`, BrandProduct, {
      method: "PUT",
      body,
    }),
  savePlacement: (brandId: string, body: PlacementBody) =>
    apiRequest(`${brandPath(brandId)}/placement`, Placement, { method: "PUT", body }),
  publish: (brandId: string) =>
    apiRequest(`${brandPath(brandId)}/publish`, PublishResult, { method: "POST" }),
  uploadProgress: (brandId: string, uploadId: string) =>
    apiRequest(`${brandPath(brandId)}/uploads/${encodeURIComponent(uploadId)}`, UploadProgress),
};

/** The URL a model upload is posted to. */
export function uploadUrl(brandId: string): string {
  return `${brandPath(brandId)}/models`;
}
