/**
 * The database schema: one Postgres dialect for PGlite and PostgreSQL alike.
 *
 * Change a table here, then run `npm run db:generate` and commit the new SQL file under
 * `server/db/migrations`: stored records are versioned through migrations, never edited in place.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { BrandRole, GlobalRole } from "../../shared/auth.ts";
import type { Brand, LocalizedText, ProductModel } from "../../shared/catalog.ts";

/** Timestamps are always stored with their time zone, and read as `Date`. */
const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Always lowercased, so that uniqueness does not depend on how a person typed it. */
    email: text("email").notNull().unique("users_email_unique"),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role").$type<GlobalRole>().notNull().default("shopper"),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_role_known", sql`${t.role} in ('shopper', 'admin')`),
  ],
);

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

export const brandStaff = pgTable(
  "brand_staff",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    role: text("role").$type<BrandRole>().notNull(),
  },
  (t) => [
    primaryKey({ name: "brand_staff_pk", columns: [t.userId, t.brandId] }),
    index("brand_staff_brand_idx").on(t.brandId),
    check("brand_staff_role_known", sql`${t.role} in ('owner', 'merchandiser', 'advisor')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 (hex) of the cookie token: a leaked table does not let anyone sign in. */
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Small facts about the database itself, such as the demo seed version already applied. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
});

export * from "./schema/analytics.ts";
export * from "./schema/clienteling.ts";
export * from "./schema/collectibles.ts";
export * from "./schema/drops.ts";
export * from "./schema/events.ts";
export * from "./schema/host.ts";
export * from "./schema/models.ts";
export * from "./schema/passes.ts";
