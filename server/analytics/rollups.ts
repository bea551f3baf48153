/**
 * Rollups per hour and per UTC day, grown by each batch: the batch is folded in memory into one
 * row per (grain, bucket, brand, kind, item), also one per kind over every item (ALL_ITEMS), then
 * added to the rollups with one upsert per grain. Distinct visitors stay exact: the batch's
 * (bucket, kind, item, visitor) keys are inserted into `analytics_seen` with ON CONFLICT DO NOTHING,
 * and only the keys that insert created add to `visitors`. Every statement is atomic on its own, so
 * processes flushing at once add up correctly without a lock. The cost is the batch's, not the day's.
 */
import { sql } from "drizzle-orm";
import type { FactKind } from "../../shared/analytics.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { analyticsDaily, analyticsFacts, analyticsHourly, analyticsSeen } from "../db/schema.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** `item_id` of the rollup row over every item of a kind (distinct visitors across pieces). */
export const ALL_ITEMS = "*";
/** Rows per statement (PostgreSQL allows 65,535 parameters). */
const CHUNK = 1000;

export type StoredFact = {
  at: Date;
  brandId: string;
  kind: FactKind;
  itemId: string;
  visitor: string | null;
  valueMs: number;
};

type Grain = "h" | "d";
type Group = {
  grain: Grain;
  bucket: Date;
  brandId: string;
  kind: FactKind;
  itemId: string;
  count: number;
  totalMs: number;
  visitors: Set<string>;
  newVisitors: number;
};

const startOf = (at: Date, grain: Grain) => {
  const size = grain === "h" ? HOUR_MS : DAY_MS;
  return new Date(Math.floor(at.getTime() / size) * size);
};
const keyOf = (grain: string, bucket: Date, brandId: string, kind: string, itemId: string) =>
  `${grain}\u0000${bucket.getTime()}\u0000${brandId}\u0000${kind}\u0000${itemId}`;

/** Adds a batch of stored facts to the hourly and daily rollups. */
export async function addToRollups(database: DbLike, facts: readonly StoredFact[]): Promise<void> {
  const groups = new Map<string, Group>();
  for (const f of facts) {
    for (const grain of ["h", "d"] as const) {
      const bucket = startOf(f.at, grain);
      // Facts about the boutique itself (no item) only need the row over every item.
      for (const itemId of f.itemId === "" || f.itemId === ALL_ITEMS ? [ALL_ITEMS] : [f.itemId, ALL_ITEMS]) {
        const key = keyOf(grain, bucket, f.brandId, f.kind, itemId);
        let group = groups.get(key);
        if (!group) {
          group = {
            grain,
            bucket,
            brandId: f.brandId,
            kind: f.kind,
            itemId,
            count: 0,
            totalMs: 0,
            visitors: new Set(),
            newVisitors: 0,
          };
          groups.set(key, group);
        }
        group.count += 1;
        group.totalMs += f.valueMs;
        if (f.visitor) group.visitors.add(f.visitor);
      }
    }
  }
  const db = drizzleOf(database);
  const seen = [...groups.values()].flatMap((g) =>
    [...g.visitors].map((visitor) => ({
      grain: g.grain,
      bucket: g.bucket,
      brandId: g.brandId,
      kind: g.kind,
      itemId: g.itemId,
      visitor,
    })),
  );
  for (let i = 0; i < seen.length; i += CHUNK) {
    const created = await db
      .insert(analyticsSeen)
      .values(seen.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .returning({
        grain: analyticsSeen.grain,
        bucket: analyticsSeen.bucket,
        brandId: analyticsSeen.brandId,
        kind: analyticsSeen.kind,
        itemId: analyticsSeen.itemId,
      });
    for (const c of created) {
      const group = groups.get(keyOf(c.grain, c.bucket, c.brandId, c.kind, c.itemId));
      if (group) group.newVisitors += 1;
    }
  }
  for (const [grain, table] of [
    ["h", analyticsHourly],
    ["d", analyticsDaily],
  ] as const) {
    const rows = [...groups.values()]
      .filter((g) => g.grain === grain)
      .map((g) => ({
        bucket: g.bucket,
        brandId: g.brandId,
        kind: g.kind,
        itemId: g.itemId,
        count: g.count,
        visitors: g.newVisitors,
        totalMs: g.totalMs,
      }));
    for (let i = 0; i < rows.length; i += CHUNK) {
      await db
        .insert(table)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [table.brandId, table.bucket, table.kind, table.itemId],
          set: {
            count: sql`${table.count} + excluded.count`,
            visitors: sql`${table.visitors} + excluded.visitors`,
            totalMs: sql`${table.totalMs} + excluded.total_ms`,
          },
        });
    }
  }
}

/** Deletes raw facts (and the visitor keys of their buckets) older than `rawDays` before `now`. */
export async function pruneRawFacts(database: DbLike, now: Date, rawDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - rawDays * DAY_MS).toISOString();
  const db = drizzleOf(database);
  await db.execute(
    sql`delete from ${analyticsSeen} where bucket < (${cutoff}::timestamptz - interval '1 day')`,
  );
  const gone = await db
    .delete(analyticsFacts)
    .where(sql`${analyticsFacts.at} < ${cutoff}::timestamptz`)
    .returning({ id: analyticsFacts.id });
  return gone.length;
}
