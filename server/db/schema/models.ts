/**
 * Brand models (accepted uploads and their blobs), product drafts, the placement of products on a
 * boutique's display slots, and shoppers' wishlists.
 *
 * The public catalog stays in `products`: a draft is copied there when its brand publishes, so
 * shoppers never see unpublished edits and the catalog query does not change.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
} from "drizzle-orm/pg-core";
import type { LocalizedText, ProductModel } from "../../../shared/catalog.ts";
import type { ModelFigures, ModelWarning, Normalization, VariantLabel } from "../../../shared/models.ts";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { brands, products } from "./catalog.ts";

/** An accepted upload. Blobs are content-addressed files; these columns hold their sha256 and size. */
export const brandModels = pgTable(
  "brand_models",
  {
    id: text("id").primaryKey(),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    originalSha256: char("original_sha256", { length: 64 }).notNull(),
    originalBytes: integer("original_bytes").notNull(),
    optimizedSha256: char("optimized_sha256", { length: 64 }).notNull(),
    optimizedBytes: integer("optimized_bytes").notNull(),
    lodSha256: char("lod_sha256", { length: 64 }).notNull(),
    lodBytes: integer("lod_bytes").notNull(),
    figures: jsonb("figures")
      .$type<{ before: ModelFigures; after: ModelFigures; lod: ModelFigures }>()
      .notNull(),
    variantNames: jsonb("variant_names").$type<string[]>().notNull(),
    normalization: jsonb("normalization").$type<Normalization>().notNull(),
    suggestedDisplayHeight: doublePrecision("suggested_display_height").notNull(),
    warnings: jsonb("warnings").$type<ModelWarning[]>().notNull(),
    processingSeconds: doublePrecision("processing_seconds").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("brand_models_brand_created_idx").on(t.brandId, t.createdAt)],
);

/**
 * The brand's working version of a product. `dirty` marks edits not yet published; a product that
 * exists only in `products` (the seed) has no draft until the brand edits it.
 */
export const productDrafts = pgTable(
  "product_drafts",
  {
    id: text("id").primaryKey(),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull(),
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    stock: integer("stock").notNull().default(0),
    modelId: text("model_id").references(() => brandModels.id, { onDelete: "restrict" }),
    /** The model as the catalog carries it once published (URLs, display height, variants). */
    model: jsonb("model").$type<ProductModel>().notNull(),
    variantLabels: jsonb("variant_labels").$type<VariantLabel[]>().notNull(),
    dirty: boolean("dirty").notNull().default(true),
    publishedAt: at("published_at"),
    createdAt: at("created_at").notNull().defaultNow(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("product_drafts_brand_idx").on(t.brandId),
    check("product_drafts_price_nonnegative", sql`${t.priceMinor} >= 0`),
    check("product_drafts_stock_nonnegative", sql`${t.stock} >= 0`),
  ],
);

/** Which product stands on each display slot: the draft arrangement and the published one. */
export const brandPlacements = pgTable("brand_placements", {
  brandId: text("brand_id")
    .primaryKey()
    .references(() => brands.id, { onDelete: "cascade" }),
  slots: jsonb("slots").$type<(string | null)[]>().notNull(),
  publishedSlots: jsonb("published_slots").$type<(string | null)[]>(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const wishlistItems = pgTable(
  "wishlist_items",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    addedAt: at("added_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "wishlist_items_pk", columns: [t.userId, t.productId] })],
);
