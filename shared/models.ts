/**
 * Brand models and products (issue 3): the API contract of the brand portal, the upload pipeline and
 * the wishlist. The server parses every body with these schemas and the portal validates its forms
 * with the same ones.
 *
 * Routes (every error answer is `{ "error": { "code", "message", "details" } }`):
 *
 * - `GET /api/models/limits` → 200 `ModelLimits` (what an upload may contain; anyone may read it).
 * - `POST /api/brands/:brandId/models` (owner, merchandiser, admin) — `multipart/form-data` with the
 *   file(s) in fields named `file` (any field name is accepted): one `.glb`; or one `.gltf` with its
 *   `.bin` and images (resolved by file name, in memory); or one `.zip` of those. Optional header
 *   `Upload-Id: <uuid>` (made by the client) to follow processing (next route).
 *   → 201 `UploadedModel`
 *   → 4xx `ModelRejectedBody` (`error.code = "model_rejected"`, `details.problems`): 413 over the
 *     size limit, 415 not a model (wrong type, not glTF, broken file), 422 rule violations (limits,
 *     external or absolute URIs, path tricks, missing resources). Nothing of a rejected upload is kept.
 *   → 401 / 403 (`forbidden`, details `{ brandId }`) / 429 (`rate_limited`, `Retry-After`).
 * - `GET /api/brands/:brandId/uploads/:uploadId` (staff of the brand, admin) → 200 `UploadProgress`,
 *   404 when unknown. Held in memory by the process that receives the upload, kept 10 minutes after
 *   it ends; with several processes behind a load balancer, poll with the same sticky session.
 *   The byte progress of the transfer itself comes from XHR `upload.onprogress` on the client.
 * - `GET /api/brands/:brandId/models` (staff of the brand, admin) → 200 `ModelList` (newest first).
 * - `GET /api/brands/:brandId/models/:modelId` (staff, admin) → 200 `UploadedModel`, 404.
 * - `GET /api/brands/:brandId/products` (staff, admin) → 200 `BrandProductList`: drafts and published
 *   products (seed products included), with the placement being prepared.
 * - `POST /api/brands/:brandId/products` (owner, merchandiser, admin) body `CreateProductBody`
 *   → 201 `BrandProduct` (a draft; the id is made by the server from the English name).
 * - `PUT /api/brands/:brandId/products/:productId` (owner, merchandiser, admin) body
 *   `UpdateProductBody` → 200 `BrandProduct` (edits stay a draft until published).
 * - `PUT /api/brands/:brandId/placement` (owner, merchandiser, admin) body `PlacementBody`
 *   (`SLOTS_PER_BOUTIQUE` entries, product id or null) → 200 `Placement` (a draft too).
 * - `POST /api/brands/:brandId/publish` (owner, merchandiser, admin), no body → 200 `PublishResult`:
 *   drafts and placement go to the public catalog (`GET /api/catalog`) and every avenue room, in
 *   every process, bumps `catalogVersion` so the shoppers already there reload it.
 * - `GET /api/wishlist` (signed in) → 200 `Wishlist`.
 * - `PUT /api/wishlist/:productId` (signed in) → 200 `WishlistItem` (idempotent), 404 unknown product.
 * - `DELETE /api/wishlist/:productId` (signed in) → 204 (also when it was not there).
 * - `GET /blobs/<sha256>.glb` → the bytes, `Content-Type: model/gltf-binary`,
 *   `Cache-Control: public, max-age=31536000, immutable`, `X-Content-Type-Options: nosniff`.
 *   Only stored (accepted) blobs exist; originals are served too (a `.gltf` upload's original is
 *   stored as its `.glb` equivalent).
 */
import { z } from "zod";
import { SLOTS_PER_BOUTIQUE } from "./avenue/layout.ts";
import { LocalizedText, Money, ProductModel } from "./catalog.ts";
import { singleLine } from "./text.ts";

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, "A sha256 is 64 lowercase hex digits");
const Instant = z.iso.datetime();

/** What uploads may contain, as configured on the server. */
export const ModelLimits = z.object({
  maxUploadBytes: z.number().int().positive(),
  maxTriangles: z.number().int().positive(),
  /** Longest edge of an uploaded texture, in pixels. */
  maxTextureEdge: z.number().int().positive(),
  maxMaterials: z.number().int().positive(),
  maxDrawCalls: z.number().int().positive(),
  /** Decoded size of all textures (RGBA, with mipmaps), in bytes. */
  maxTextureMemoryBytes: z.number().int().positive(),
  /** Longest texture edge after optimization, in pixels. */
  optimizedTextureEdge: z.number().int().positive(),
  acceptedExtensions: z.array(z.string()),
});
export type ModelLimits = z.infer<typeof ModelLimits>;

/** A stored file, addressed by the sha256 of its bytes. */
export const BlobRef = z.object({
  sha256: Sha256,
  /** Same-origin URL, `/blobs/<sha256>.glb`. */
  url: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type BlobRef = z.infer<typeof BlobRef>;

export const Vec3 = z.tuple([z.number(), z.number(), z.number()]);
export type Vec3 = z.infer<typeof Vec3>;

export const BoundingBox = z.object({ min: Vec3, max: Vec3, size: Vec3 });
export type BoundingBox = z.infer<typeof BoundingBox>;

export const TextureFigure = z.object({
  name: z.string(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  mimeType: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type TextureFigure = z.infer<typeof TextureFigure>;

/** Measures of one glTF file, shown before and after optimization. */
export const ModelFigures = z.object({
  bytes: z.number().int().nonnegative(),
  triangles: z.number().int().nonnegative(),
  /** Mesh primitives drawn (one draw call each, before instancing). */
  drawCalls: z.number().int().nonnegative(),
  materials: z.number().int().nonnegative(),
  textures: z.array(TextureFigure),
  textureMemoryBytes: z.number().int().nonnegative(),
  /** In the file's own units (metres by glTF convention). */
  boundingBox: BoundingBox,
});
export type ModelFigures = z.infer<typeof ModelFigures>;

/** What the optimizer did to make the model stand on its display: applied scale and translation. */
export const Normalization = z.object({ scale: z.number().positive(), offset: Vec3 });
export type Normalization = z.infer<typeof Normalization>;

/** A validator issue the pipeline repaired, or a remark worth knowing. */
export const ModelWarning = z.object({ code: z.string(), message: z.string(), where: z.string().nullable() });
export type ModelWarning = z.infer<typeof ModelWarning>;

/** An accepted upload: the original, the optimized file and its lighter level of detail. */
export const UploadedModel = z.object({
  id: z.string(),
  brandId: z.string(),
  fileName: z.string(),
  original: BlobRef,
  optimized: BlobRef,
  lod: BlobRef,
  before: ModelFigures,
  after: ModelFigures,
  lodFigures: ModelFigures,
  /** Names from KHR_materials_variants, in the file's order. */
  variantNames: z.array(z.string()),
  normalization: Normalization,
  /** Height (metres) the product is shown at by default; the brand may change it per product. */
  suggestedDisplayHeight: z.number().positive().max(3),
  warnings: z.array(ModelWarning),
  /** Seconds the pipeline took (validation + optimization). */
  processingSeconds: z.number().nonnegative(),
  createdAt: Instant,
});
export type UploadedModel = z.infer<typeof UploadedModel>;

export const ModelList = z.object({ models: z.array(UploadedModel) });
export type ModelList = z.infer<typeof ModelList>;

/** Why an upload was refused; one code per reason. */
export const ModelProblemCode = z.enum([
  "empty_upload",
  "too_large",
  "too_many_files",
  "unsupported_file",
  "not_a_model",
  "invalid_zip",
  "invalid_gltf",
  "missing_resource",
  "external_uri",
  "unsafe_path",
  "too_many_triangles",
  "texture_too_large",
  "too_many_materials",
  "too_many_draw_calls",
  "texture_memory",
  "no_geometry",
  "processing_timeout",
]);
export type ModelProblemCode = z.infer<typeof ModelProblemCode>;

/** One reason a model was refused: what, where (file, JSON pointer, texture name…), limit, measured. */
export const ModelProblem = z.object({
  code: ModelProblemCode,
  message: z.string(),
  where: z.string().nullable(),
  limit: z.union([z.number(), z.string()]).nullable(),
  measured: z.union([z.number(), z.string()]).nullable(),
});
export type ModelProblem = z.infer<typeof ModelProblem>;

export const ModelRejectedBody = z.object({
  error: z.object({
    code: z.literal("model_rejected"),
    message: z.string(),
    details: z.object({ problems: z.array(ModelProblem).min(1) }),
  }),
});
export type ModelRejectedBody = z.infer<typeof ModelRejectedBody>;

export const UploadStage = z.enum(["receiving", "validating", "optimizing", "storing", "done", "failed"]);
export type UploadStage = z.infer<typeof UploadStage>;

export const UploadProgress = z.object({
  stage: UploadStage,
  /** Overall progress of the server's work, 0..1. */
  fraction: z.number().min(0).max(1),
  message: z.string(),
  /** Set when stage is "done". */
  modelId: z.string().nullable(),
});
export type UploadProgress = z.infer<typeof UploadProgress>;

/** The header the client sends with an upload to follow its processing. */
export const UPLOAD_ID_HEADER = "Upload-Id";
export const UploadId = z.uuid();

/** A label per KHR_materials_variants name, in several languages. */
export const VariantLabel = z.object({ name: singleLine(z.string().min(1).max(200)), label: LocalizedText });
export type VariantLabel = z.infer<typeof VariantLabel>;

/** The fields a brand edits on a product, shared by create and update. */
const ProductFields = z.object({
  name: LocalizedText,
  description: LocalizedText,
  price: Money,
  /** Units available for later drops. */
  stock: z.number().int().min(0).max(1_000_000),
  /** Height on the display, in metres (default: the model's suggested height). */
  displayHeight: z.number().min(0.05).max(3),
  variantLabels: z.array(VariantLabel).max(32),
  /** Credit line for the model (author, licence), shown in the viewer. */
  credit: singleLine(z.string().trim().max(300)).optional(),
});

export const CreateProductBody = ProductFields.extend({
  /** An accepted upload of the same brand. */
  modelId: z.string().min(1).max(100),
})
  .partial({ displayHeight: true, variantLabels: true, stock: true })
  .strict();
export type CreateProductBody = z.infer<typeof CreateProductBody>;

/** Any subset of the fields; `modelId` swaps the model for another upload of the brand. */
export const UpdateProductBody = ProductFields.extend({ modelId: z.string().min(1).max(100) })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change" });
export type UpdateProductBody = z.infer<typeof UpdateProductBody>;

/**
 * `draft`: never published; `published`: public and unchanged; `modified`: public, with unpublished
 * edits (the catalog still shows the published version).
 */
export const ProductStatus = z.enum(["draft", "published", "modified"]);
export type ProductStatus = z.infer<typeof ProductStatus>;

/** A product as its brand's staff see it (the draft version when there is one). */
export const BrandProduct = z.object({
  id: z.string(),
  brandId: z.string(),
  status: ProductStatus,
  name: LocalizedText,
  description: LocalizedText,
  price: Money,
  stock: z.number().int().nonnegative(),
  /** The upload it shows, or null for products whose model is not an upload (procedural seeds). */
  modelId: z.string().nullable(),
  /** The model as the catalog will carry it once published. */
  model: ProductModel,
  variantLabels: z.array(VariantLabel),
  publishedAt: Instant.nullable(),
  updatedAt: Instant,
});
export type BrandProduct = z.infer<typeof BrandProduct>;

/** Which product stands on each display slot of the boutique (index = slot). */
export const PlacementSlots = z
  .array(z.string().min(1).max(100).nullable())
  .length(SLOTS_PER_BOUTIQUE, `A boutique has exactly ${SLOTS_PER_BOUTIQUE} display slots`)
  .refine(
    (slots) => new Set(slots.filter((s) => s !== null)).size === slots.filter((s) => s !== null).length,
    {
      message: "A product can stand on one slot only",
    },
  );

export const PlacementBody = z.object({ slots: PlacementSlots }).strict();
export type PlacementBody = z.infer<typeof PlacementBody>;

export const Placement = z.object({
  slots: z.array(z.string().nullable()),
  /** True when this placement differs from the published one. */
  unpublished: z.boolean(),
  updatedAt: Instant.nullable(),
});
export type Placement = z.infer<typeof Placement>;

export const BrandProductList = z.object({ products: z.array(BrandProduct), placement: Placement });
export type BrandProductList = z.infer<typeof BrandProductList>;

export const PublishResult = z.object({
  /** Ids of the products that were made public or updated by this publish. */
  published: z.array(z.string()),
  placement: Placement,
  publishedAt: Instant,
});
export type PublishResult = z.infer<typeof PublishResult>;

export const WishlistItem = z.object({ productId: z.string(), addedAt: Instant });
export type WishlistItem = z.infer<typeof WishlistItem>;

export const Wishlist = z.object({ items: z.array(WishlistItem) });
export type Wishlist = z.infer<typeof Wishlist>;
