/**
 * Once a drop is sold out, a claim is refused without a write and without the drop row's lock: on
 * PostgreSQL it answers while another transaction holds that lock (it would wait behind it
 * otherwise), and on both databases nothing new is stored. An answer given before the sell-out is
 * still replayed for its key, and a unit whose hold lapses can be claimed again.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { count, eq, sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../../server/db/database.ts";
import { dropAccounts, dropClaimRequests, dropClaims, drops } from "../../server/db/schema.ts";
import { claimDropUnit } from "../../server/drops/claims.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { getDropReport, scheduleDrop } from "../../server/drops/drops.ts";
import { expireHolds } from "../../server/drops/holdExpiry.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import { at, BRAND_ID, createBrand, createUsers, DROP_TIMES, minutes, PRODUCT_ID } from "./drops-fixtures.ts";

/**
 * Rows in every table a claim writes in its request, and the drop row's version (xmin changes on any
 * update). The audit table is left out: sold-out refusals reach it in a batch a second later.
 */
async function footprint(db: Db, dropId: string) {
  const rows = async (table: typeof dropClaims | typeof dropAccounts | typeof dropClaimRequests) =>
    Number((await db.select({ n: count() }).from(table))[0]?.n);
  const [version] = (
    (await db.execute(
      sql`select xmin::text as v from ${drops} where ${drops.id} = ${dropId}`,
    )) as unknown as {
      rows: { v: string }[];
    }
  ).rows;
  return {
    claims: await rows(dropClaims),
    accounts: await rows(dropAccounts),
    requests: await rows(dropClaimRequests),
    dropVersion: version?.v,
  };
}

for (const target of databaseTargets()) {
  describe(`sold-out claims on ${target.name}`, { skip: target.skip }, () => {
    test("refused without a write or the drop row's lock; earlier answers replayed; a lapsed hold comes back", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(minutes(1)));
        const { ownerId } = await createBrand(database.db);
        const [a, b, c] = (await createUsers(database.db, 3)) as [string, string, string];
        const drop = await scheduleDrop(
          database,
          BRAND_ID,
          ScheduleDropBody.parse({
            productId: PRODUCT_ID,
            title: { en: "Two rings" },
            mode: "fcfs",
            stock: 2,
            perAccountLimit: 1,
            holdSeconds: 60,
            ...DROP_TIMES,
          }),
          ownerId,
          clock,
        );
        const claim = (userId: string, idempotencyKey: string) =>
          claimDropUnit(database, { dropId: drop.id, userId, idempotencyKey }, clock);
        const first = await claim(a, "key-a-0001");
        assert.equal((await claim(b, "key-b-0001")).answer.outcome, "held");
        assert.equal(first.answer.outcome, "held");

        const before = await footprint(database.db, drop.id);
        let locker: pg.Client | null = null;
        if (database.url) {
          // Another transaction holds the drop row's lock for as long as the refusal takes.
          locker = new pg.Client({ connectionString: database.url });
          await locker.connect();
          await locker.query("begin");
          await locker.query("select id from drops where id = $1 for update", [drop.id]);
        }
        try {
          const refused = await claimUnlessItWaits(database.url, claim(c, "key-c-0001"));
          assert.equal(refused.answer.outcome === "refused" && refused.answer.reason, "sold_out");
          assert.equal(refused.replayed, false);
          const replay = await claimUnlessItWaits(database.url, claim(a, "key-a-0001"));
          assert.deepEqual(replay, { answer: first.answer, replayed: true }, "the held answer comes back");
        } finally {
          if (locker) {
            await locker.query("rollback");
            await locker.end();
          }
        }
        assert.deepEqual(await footprint(database.db, drop.id), before, "nothing was written");

        // The report still counts the refusal (its audit row was written in a batch).
        assert.equal((await getDropReport(database, drop.id)).refusals.sold_out, 1);

        // A hold lapses: the unit is back and the same key, asked again, now gets it.
        clock.advance(61_000);
        assert.equal(await expireHolds(database, clock), 2);
        assert.equal((await claim(c, "key-c-0001")).answer.outcome, "held");
        const [row] = await database.db.select().from(drops).where(eq(drops.id, drop.id));
        assert.equal(row?.remaining, 1);
      }));
  });
}

/**
 * Resolves with the claim's answer; on PostgreSQL fails as soon as any session of the test's
 * database waits for a lock (the claim would then be queued behind the locker, which never ends).
 */
async function claimUnlessItWaits<T>(url: string | undefined, claim: Promise<T>): Promise<T> {
  if (!url) return claim;
  const watcher = new pg.Client({ connectionString: url });
  await watcher.connect();
  let settled = false;
  const done = claim.finally(() => {
    settled = true;
  });
  try {
    while (!settled) {
      const { rows } = await watcher.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      if ((rows[0] as { n: number }).n > 0) throw new Error("the claim waited for the drop row's lock");
      await new Promise((resolve) => setImmediate(resolve));
    }
    return await done;
  } finally {
    await watcher.end();
  }
}
