/**
 * Analytics facts and their rollups (server/analytics/).
 *
 * `analytics_facts` holds raw facts for ANALYTICS_RAW_DAYS, then they are pruned; the rollups per
 * hour and per UTC day stay. `visitor` is the account id only for people who consented to the brand,
 * otherwise a per-brand HMAC pseudonym (server/analytics/pseudonym.ts); it never leaves the server.
 * Rollups are recomputed from the raw facts of the buckets a flush touched, so distinct visitors
 * stay exact and a recompute is idempotent.
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
