/** The brand portal's models and products (contract details in shared/models.ts) and the wishlist. */
import { RateLimitedDetails } from "../errors.ts";
import {
  BrandProduct,
  BrandProductList,
  CreateProductBody,
  ModelLimits,
  ModelList,
  ModelRejectedBody,
  Placement,
  PlacementBody,
  PublishResult,
  UPLOAD_ID_HEADER,
  UpdateProductBody,
  UploadedModel,
  UploadId,
  UploadProgress,
  Wishlist,
  WishlistItem,
} from "../models.ts";
import { anyone, BRAND_EDITORS, BRAND_STAFF, brandInPath, brandStaff, signedIn } from "./access.ts";
import { endpoint, fileAnswer, MULTIPART, NO_CONTENT } from "./endpoint.ts";

/** `details` of a refused upload (413, 415 or 422 `model_rejected`). */
export const ModelRejectedDetails = ModelRejectedBody.shape.error.shape.details;

const SEE = "see its models and unpublished products";
const CHANGE = "change its models and products";
const readers = brandStaff(BRAND_STAFF, brandInPath, SEE);
const editors = brandStaff(BRAND_EDITORS, brandInPath, CHANGE);

export const modelLimits = endpoint({
  id: "models.limits",
  method: "GET",
  path: "/api/models/limits",
  summary: "What an upload may contain, and the accepted file extensions",
  access: anyone,
  answer: ModelLimits,
});

export const uploadModel = endpoint({
  id: "models.upload",
  method: "POST",
  path: "/api/brands/:brandId/models",
  summary: "Upload a model (multipart `file` fields); validated, optimized and stored",
  access: editors,
  headers: {
    [UPLOAD_ID_HEADER]: UploadId.optional().describe(`The ${UPLOAD_ID_HEADER} header must be a UUID.`),
  },
  body: MULTIPART,
  answer: UploadedModel,
  status: 201,
  refusals: { model_rejected: ModelRejectedDetails, rate_limited: RateLimitedDetails },
});

export const uploadProgress = endpoint({
  id: "models.uploadProgress",
  method: "GET",
  path: "/api/brands/:brandId/uploads/:uploadId",
  summary: "Processing progress of an upload (kept 10 minutes by the receiving process)",
  access: readers,
  answer: UploadProgress,
});

export const listModels = endpoint({
  id: "models.list",
  method: "GET",
  path: "/api/brands/:brandId/models",
  summary: "The brand's models with before/after figures, newest first",
  access: readers,
  answer: ModelList,
});

export const getModel = endpoint({
  id: "models.get",
  method: "GET",
  path: "/api/brands/:brandId/models/:modelId",
  summary: "One of the brand's models",
  access: readers,
  answer: UploadedModel,
});

export const listProducts = endpoint({
  id: "products.list",
  method: "GET",
  path: "/api/brands/:brandId/products",
  summary: "Drafts and published products, with the placement being prepared",
  access: readers,
  answer: BrandProductList,
});

export const createProduct = endpoint({
  id: "products.create",
  method: "POST",
  path: "/api/brands/:brandId/products",
  summary: "Create a draft product from one of the brand's models",
  access: editors,
  body: CreateProductBody,
  answer: BrandProduct,
  status: 201,
});

export const updateProduct = endpoint({
  id: "products.update",
  method: "PUT",
  path: "/api/brands/:brandId/products/:productId",
  summary: "Edit a product (stays a draft until published)",
  access: editors,
  body: UpdateProductBody,
  answer: BrandProduct,
});

export const setPlacement = endpoint({
  id: "products.setPlacement",
  method: "PUT",
  path: "/api/brands/:brandId/placement",
  summary: "Which product stands on each display slot (a draft too)",
  access: editors,
  body: PlacementBody,
  answer: Placement,
});

export const publish = endpoint({
  id: "products.publish",
  method: "POST",
  path: "/api/brands/:brandId/publish",
  summary: "Drafts and placement to the public catalog and every avenue room",
  access: editors,
  answer: PublishResult,
});

export const wishlist = endpoint({
  id: "wishlist.get",
  method: "GET",
  path: "/api/wishlist",
  summary: "The caller's wishlist",
  access: signedIn,
  answer: Wishlist,
});

export const addToWishlist = endpoint({
  id: "wishlist.add",
  method: "PUT",
  path: "/api/wishlist/:productId",
  summary: "Keep a published product (idempotent)",
  access: signedIn,
  answer: WishlistItem,
});

export const removeFromWishlist = endpoint({
  id: "wishlist.remove",
  method: "DELETE",
  path: "/api/wishlist/:productId",
  summary: "Remove a product (204 also when it was not there)",
  access: signedIn,
  answer: NO_CONTENT,
});

export const blob = endpoint({
  id: "blobs.get",
  method: "GET",
  path: "/blobs/:file",
  summary: "A stored model file `<sha256>.glb`, cached forever (its name is its hash)",
  access: anyone,
  answer: fileAnswer("model/gltf-binary"),
  cache: "public, max-age=31536000, immutable",
});

export const modelEndpoints = [
  modelLimits,
  uploadModel,
  uploadProgress,
  listModels,
  getModel,
  listProducts,
  createProduct,
  updateProduct,
  setPlacement,
  publish,
  wishlist,
  addToWishlist,
  removeFromWishlist,
  blob,
] as const;
