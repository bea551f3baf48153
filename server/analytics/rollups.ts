/**
 * Rollups per hour and per UTC day, recomputed from the raw facts of the buckets a flush touched
 * (count, distinct visitors, summed time). One brand's recomputes are serialised by a transaction
 * advisory lock, so two processes flushing at once cannot leave a stale rollup: the second waits,
 * then reads every committed fact. Raw facts older than the retention are pruned; rollups stay.
 */
import { sql } from "drizzle-orm";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { analyticsFacts } from "../db/schema.ts";

const HOUR_MS = 3_600_000;
/** `item_id` of the rollup row over every item of a kind (distinct visitors across pieces). */
export const ALL_ITEMS = "*";
const DAY_MS = 24 * HOUR_MS;

/** A (brand, UTC day) whose rollups must be recomputed. */
export type TouchedDay = { brandId: string; dayStart: Date };

export function dayStartOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** Recomputes the hourly and daily rollups of each touched brand and day from the raw facts. */
export async function recomputeRollups(database: DbLike, touched: readonly TouchedDay[]): Promise<void> {
  const db = drizzleOf(database);
  for (const { brandId, dayStart } of touched) {
    const from = dayStart;
    const to = new Date(dayStart.getTime() + DAY_MS);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`analytics:${brandId}`}))`);
      for (const [table, unit] of [
        ["analytics_hourly", "hour"],
        ["analytics_daily", "day"],
      ] as const) {
        // UTC buckets whatever the session's time zone.
        await tx.execute(sql`
          insert into ${sql.identifier(table)} (bucket, brand_id, kind, item_id, count, visitors, total_ms)
          select date_trunc(${unit}, at at time zone 'UTC') at time zone 'UTC', brand_id, kind,
                 case when grouping(item_id) = 1 then ${ALL_ITEMS} else item_id end,
                 count(*)::int, count(distinct visitor)::int, coalesce(sum(value_ms), 0)::bigint
          from ${analyticsFacts}
          where brand_id = ${brandId} and at >= ${from.toISOString()}::timestamptz and at < ${to.toISOString()}::timestamptz
          group by grouping sets ((1, brand_id, kind, item_id), (1, brand_id, kind))
          on conflict (brand_id, bucket, kind, item_id) do update
            set count = excluded.count, visitors = excluded.visitors, total_ms = excluded.total_ms`);
      }
    });
  }
}

/** Deletes raw facts older than `rawDays` days before `now`; returns how many went. */
export async function pruneRawFacts(database: DbLike, now: Date, rawDays: number): Promise<number> {
  const cutoff = new Date(now.getTime() - rawDays * DAY_MS);
  const result = await drizzleOf(database).execute(
    sql`delete from ${analyticsFacts} where at < ${cutoff.toISOString()}::timestamptz`,
  );
  return Number(
    (result as { rowCount?: number; affectedRows?: number }).rowCount ??
      (result as { affectedRows?: number }).affectedRows ??
      0,
  );
}
