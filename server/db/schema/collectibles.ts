/**
 * Non-commercial collectibles: what a brand created (edition size, how it is obtained), each copy
 * with its edition number and signed certificate, and the owners' vitrine share links.
 *
 * There is deliberately no price column anywhere here, and no column that could name a buyer or a
 * transfer: a copy belongs to the person it was granted to, for good.
 */
import { sql } from "drizzle-orm";
import { boolean, char, check, index, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../../shared/catalog.ts";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { brands } from "./catalog.ts";
import { brandModels } from "./models.ts";

export type CollectibleObtainedBy = "drop" | "event" | "pass" | "manual";
export type CollectibleGrantReason = "drop_claim" | "event_attendance" | "pass_holder" | "manual";

export const collectibles = pgTable(
  "collectibles",
  {
    id: text("id").primaryKey(),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "restrict" }),
    modelId: text("model_id")
      .notNull()
      .references(() => brandModels.id, { onDelete: "restrict" }),
    /** The optimized blob the certificates name, fixed when the collectible is created. */
    modelSha256: char("model_sha256", { length: 64 }).notNull(),
    modelBytes: integer("model_bytes").notNull(),
    name: jsonb("name").$type<LocalizedText>().notNull(),
    story: jsonb("story").$type<LocalizedText>().notNull(),
    editionSize: integer("edition_size").notNull(),
    /** Copies granted so far: the next edition number is `issued + 1` (the counter is the lock). */
    issued: integer("issued").notNull().default(0),
    obtainedBy: text("obtained_by").$type<CollectibleObtainedBy>().notNull(),
    /** The drop, event or pass type that grants it; null when granted by hand only. */
    sourceId: text("source_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("collectibles_brand_idx").on(t.brandId),
    index("collectibles_source_idx").on(t.obtainedBy, t.sourceId),
    check("collectibles_edition_size_positive", sql`${t.editionSize} > 0`),
    check("collectibles_issued_within_edition", sql`${t.issued} >= 0 and ${t.issued} <= ${t.editionSize}`),
    check("collectibles_obtained_by_known", sql`${t.obtainedBy} in ('drop', 'event', 'pass', 'manual')`),
  ],
);

export const collectibleCopies = pgTable(
  "collectible_copies",
  {
    /** Also the certificate's id. */
    id: text("id").primaryKey(),
    collectibleId: text("collectible_id")
      .notNull()
      .references(() => collectibles.id, { onDelete: "restrict" }),
    edition: integer("edition").notNull(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    grantReason: text("grant_reason").$type<CollectibleGrantReason>().notNull(),
    /** What granted it: the claim, event, pass or staff member; for audit and idempotency. */
    grantRef: text("grant_ref"),
    /** Hidden by its owner from their vitrine (still theirs, still certified). */
    hidden: boolean("hidden").notNull().default(false),
    /** The signed certificate exactly as issued (statement and signature). */
    certificate: jsonb("certificate").$type<unknown>().notNull(),
    grantedAt: at("granted_at").notNull().defaultNow(),
  },
  (t) => [
    unique("collectible_copies_edition_unique").on(t.collectibleId, t.edition),
    unique("collectible_copies_owner_unique").on(t.collectibleId, t.ownerId),
    index("collectible_copies_owner_idx").on(t.ownerId),
    check("collectible_copies_edition_positive", sql`${t.edition} >= 1`),
    check(
      "collectible_copies_reason_known",
      sql`${t.grantReason} in ('drop_claim', 'event_attendance', 'pass_holder', 'manual')`,
    ),
  ],
);

/** The link an owner hands out to let visitors into their vitrine; rotating it shuts the old one. */
export const vitrineShares = pgTable("vitrine_shares", {
  ownerId: text("owner_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Random, URL-safe; only its holder can enter. */
  token: text("token").notNull().unique("vitrine_shares_token_unique"),
  createdAt: at("created_at").notNull().defaultNow(),
});
