/**
 * Analytics facts and their rollups (server/analytics/).
 *
 * `analytics_facts` holds raw facts for ANALYTICS_RAW_DAYS, then they are pruned; the rollups per
 * hour and per UTC day stay. `visitor` is the account id only for people who consented to the brand,
 * otherwise a per-brand HMAC pseudonym (server/analytics/pseudonym.ts); it never leaves the server.
 * Rollups grow by addition (count, time) as batches land; distinct visitors stay exact through
 * `analytics_seen`, which keeps each (bucket, kind, item, visitor) once for as long as the raw facts
 * are kept: a batch adds to `visitors` only the keys its insert there actually created.
 */
import { bigint, bigserial, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { FactKind } from "../../../shared/analytics.ts";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const analyticsFacts = pgTable(
  "analytics_facts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: at("at").notNull(),
    brandId: text("brand_id").notNull(),
    kind: text("kind").$type<FactKind>().notNull(),
    /** A product, drop or event id, or '' when the fact is about the boutique or the avenue. */
    itemId: text("item_id").notNull().default(""),
    /** Pseudonym (`p_…`) or, with consent, the account id; null for an unknown guest. */
    visitor: text("visitor"),
    /** Time spent, for timed facts (dwell, viewer, watch). */
    valueMs: integer("value_ms").notNull().default(0),
  },
  (t) => [index("analytics_facts_brand_at").on(t.brandId, t.at), index("analytics_facts_at").on(t.at)],
);

const rollupColumns = {
  bucket: at("bucket").notNull(),
  brandId: text("brand_id").notNull(),
  kind: text("kind").$type<FactKind>().notNull(),
  itemId: text("item_id").notNull().default(""),
  count: integer("count").notNull(),
  visitors: integer("visitors").notNull(),
  totalMs: bigint("total_ms", { mode: "number" }).notNull(),
};

export const analyticsHourly = pgTable("analytics_hourly", rollupColumns, (t) => [
  primaryKey({ columns: [t.brandId, t.bucket, t.kind, t.itemId] }),
]);

export const analyticsDaily = pgTable("analytics_daily", rollupColumns, (t) => [
  primaryKey({ columns: [t.brandId, t.bucket, t.kind, t.itemId] }),
]);

/** Who was already counted in a bucket (`grain` h or d); pruned with the raw facts. */
export const analyticsSeen = pgTable(
  "analytics_seen",
  {
    grain: text("grain").$type<"h" | "d">().notNull(),
    bucket: at("bucket").notNull(),
    brandId: text("brand_id").notNull(),
    kind: text("kind").$type<FactKind>().notNull(),
    itemId: text("item_id").notNull(),
    visitor: text("visitor").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.brandId, t.bucket, t.kind, t.itemId, t.visitor] }),
    index("analytics_seen_bucket").on(t.bucket),
  ],
);
