/**
 * The public catalog: brands (their facade on the avenue) and their products as shoppers see them.
 * Drafts and placements that brands edit before publishing are in `models.ts`.
 */
import { sql } from "drizzle-orm";
import { bigint, char, check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { Brand, LocalizedText, ProductModel } from "../../../shared/catalog.ts";
import { timestamps } from "../columns.ts";

export const brands = pgTable(
  "brands",
  {
    /** The brand's slug, as in the catalog (`maison-aurel`). */
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    tagline: jsonb("tagline").$type<LocalizedText>().notNull(),
    facade: jsonb("facade").$type<Brand["facade"]>().notNull(),
    /** Place on the avenue; the catalog is ordered by it. */
    position: integer("position").notNull(),
    ...timestamps,
  },
  (t) => [index("brands_position_idx").on(t.position)],
);

export const products = pgTable(
  "products",
  {
    id: text("id").primaryKey(),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull(),
    /** Minor units (cents); bigint in SQL, read as a JS number (Money caps it well below 2^53). */
    priceMinor: bigint("price_minor", { mode: "number" }).notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    model: jsonb("model").$type<ProductModel>().notNull(),
    /** Place inside the boutique; the catalog is ordered by it. */
    position: integer("position").notNull(),
    /** Display slot chosen by the brand when it published a placement; null for the seed's order. */
    slot: integer("slot"),
    updatedAt: timestamps.updatedAt,
  },
  (t) => [
    index("products_brand_position_idx").on(t.brandId, t.position),
    check("products_price_nonnegative", sql`${t.priceMinor} >= 0`),
  ],
);
