/**
 * Thousands of concurrent claims from hundreds of accounts against a small stock. On PostgreSQL the
 * claims run over a pool of many connections, so transactions really interleave.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Db } from "../../server/db/database.ts";
import * as schema from "../../server/db/schema.ts";
import { dropAccounts, dropClaims } from "../../server/db/schema.ts";
import { type ClaimResult, claimDropUnit, confirmClaim } from "../../server/drops/claims.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { getDrop, scheduleDrop } from "../../server/drops/drops.ts";
import { expireHolds } from "../../server/drops/holdExpiry.ts";
import { issuePass, revokePass } from "../../server/passes/passes.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { databaseTargets, type TestDatabase, withDatabase } from "../helpers/databases.ts";
import {
  at,
  BRAND_ID,
  createBrand,
  createUsers,
  createVipPassType,
  DROP_TIMES,
  minutes,
  PRODUCT_ID,
} from "./drops-fixtures.ts";

const ACCOUNTS = 200;
const STOCK = 40;
const LIMIT = 2;
const HOLDER_LIMIT = 3;

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Two independent pools on PostgreSQL (as two processes would have); the one PGlite handle otherwise. */
function connections(database: TestDatabase): { dbs: Db[]; close(): Promise<void> } {
  if (!database.url) return { dbs: [database.db], close: async () => {} };
  const pools = [0, 1].map(() => {
    const pool = new pg.Pool({ connectionString: database.url, max: 20 });
    // Dropping the test database ends idle connections; that is expected, not a failure.
    pool.on("error", () => {});
    return pool;
  });
  return {
    dbs: pools.map((pool) => drizzle({ client: pool, schema }) as unknown as Db),
    close: async () => {
      await Promise.all(pools.map((p) => p.end()));
    },
  };
}

for (const target of databaseTargets()) {
  describe(`drop claims under concurrency on ${target.name}`, { skip: target.skip }, () => {
    test(`2,200 claims from ${ACCOUNTS} accounts, stock ${STOCK}: never oversold, limits and windows kept`, () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(-minutes(20)));
        const { ownerId } = await createBrand(database.db);
        const accounts = await createUsers(database.db, ACCOUNTS);
        const vipType = await createVipPassType(database.db, clock, { perDropClaimLimit: HOLDER_LIMIT });
        // 12 valid pass holders, 6 revoked ones: only the 12 may be granted during early access.
        const holders = accounts.slice(0, 12);
        const revoked = accounts.slice(12, 18);
        for (const u of [...holders, ...revoked]) {
          const { pass } = await issuePass(
            database,
            vipType.id,
            u,
            { source: "manual", issuedBy: ownerId },
            clock,
          );
          if (revoked.includes(u)) await revokePass(database, pass.id, "test", ownerId, clock);
        }
        const drop = await scheduleDrop(
          database,
          BRAND_ID,
          ScheduleDropBody.parse({
            productId: PRODUCT_ID,
            title: { en: "Concurrency drop" },
            mode: "fcfs",
            stock: STOCK,
            perAccountLimit: LIMIT,
            holdSeconds: 3600,
            earlyAccessPassTypeIds: [vipType.id],
            ...DROP_TIMES,
          }),
          ownerId,
          clock,
        );

        // On PostgreSQL: two pools of 20 connections, like two server processes, so claims really
        // run side by side.
        const { dbs, close } = connections(database);
        const db = dbs[0] as Db;
        try {
          const random = prng(42);
          const pick = () => accounts[Math.floor(random() * ACCOUNTS)] as string;
          const keyed = (wave: string, n: number) =>
            Array.from({ length: n }, (_, i) => ({
              userId: pick(),
              idempotencyKey: `${wave}-${i.toString(36)}-key`,
            }));
          const fire = (requests: { userId: string; idempotencyKey: string }[]) =>
            Promise.all(
              requests.map((r, i) =>
                claimDropUnit(dbs[i % dbs.length] as Db, { dropId: drop.id, ...r }, clock).then((result) => ({
                  ...r,
                  result,
                })),
              ),
            );

          // Early access: everyone tries; holders also send some of their requests twice at once.
          const early = [
            ...keyed("early", 800),
            ...holders.flatMap((u, i) => [
              { userId: u, idempotencyKey: `holder-${i}-dup` },
              { userId: u, idempotencyKey: `holder-${i}-dup` },
            ]),
          ];
          const earlyResults = await fire(early);
          for (const r of earlyResults) {
            if (r.result.answer.outcome === "held")
              assert.ok(holders.includes(r.userId), `${r.userId} granted early`);
          }
          const earlyGranted = earlyResults.filter(
            (r) => r.result.answer.outcome === "held" && !r.result.replayed,
          );
          assert.ok(earlyGranted.length > 0 && earlyGranted.length <= holders.length * HOLDER_LIMIT);

          // Public: 1,200 new requests plus 200 retries of early requests (same account and key).
          clock.set(at(minutes(1)));
          const retries = early.slice(0, 200);
          const publicResults = await fire([...keyed("public", 1200), ...retries]);
          // Meanwhile nothing is due to expire: the sweeper running alongside changes nothing.
          assert.equal(await expireHolds(db, clock), 0);

          const all = [...earlyResults, ...publicResults];
          assert.ok(all.length >= 2000, `${all.length} attempts`);
          // Every answer for one (account, key) is the same one.
          const byKey = new Map<string, ClaimResult["answer"]>();
          for (const r of all) {
            const k = `${r.userId}/${r.idempotencyKey}`;
            const seen = byKey.get(k);
            if (seen) assert.deepEqual(r.result.answer, seen, `retry of ${k} got another answer`);
            else byKey.set(k, r.result.answer);
          }
          const grantedAnswers = [...byKey.values()].filter((a) => a.outcome === "held");
          const claims = await db.select().from(dropClaims).where(eq(dropClaims.dropId, drop.id));
          assert.equal(claims.length, STOCK, "exactly the stock is granted");
          assert.equal(grantedAnswers.length, STOCK, "one granted answer per claim");
          assert.equal((await getDrop(db, drop.id, clock)).remaining, 0);
          const perAccount = new Map<string, number>();
          for (const c of claims) perAccount.set(c.userId, (perAccount.get(c.userId) ?? 0) + 1);
          for (const [userId, n] of perAccount) {
            assert.ok(n <= (holders.includes(userId) ? HOLDER_LIMIT : LIMIT), `${userId} holds ${n}`);
          }
          for (const c of claims) {
            if (c.createdAt < DROP_TIMES.publicStartsAt) assert.ok(holders.includes(c.userId));
          }
          const reasons = new Set(
            all.flatMap((r) => (r.result.answer.outcome === "refused" ? [r.result.answer.reason] : [])),
          );
          assert.deepEqual([...reasons].sort(), ["limit_reached", "not_open_yet", "sold_out"]);
        } finally {
          await close();
        }
      }));

    test("holds expiring while hundreds of claims arrive: stock and per-account counts stay exact", () =>
      withDatabase(target, async (database) => {
        const clock = manualClock(at(minutes(1)));
        const { ownerId } = await createBrand(database.db);
        const accounts = await createUsers(database.db, ACCOUNTS);
        const stock = 30;
        const drop = await scheduleDrop(
          database,
          BRAND_ID,
          ScheduleDropBody.parse({
            productId: PRODUCT_ID,
            title: { en: "Expiry race" },
            mode: "fcfs",
            stock,
            perAccountLimit: LIMIT,
            holdSeconds: 60,
            ...DROP_TIMES,
          }),
          ownerId,
          clock,
        );
        const { dbs, close } = connections(database);
        try {
          const random = prng(7);
          const wave = (name: string, n: number) =>
            Promise.all(
              Array.from({ length: n }, (_, i) =>
                claimDropUnit(
                  dbs[i % dbs.length] as Db,
                  {
                    dropId: drop.id,
                    userId: accounts[Math.floor(random() * ACCOUNTS)] as string,
                    idempotencyKey: `${name}-${i}-key`,
                  },
                  clock,
                ),
              ),
            );
          const first = await wave("first", 600);
          const held = first.flatMap((r) => (r.answer.outcome === "held" ? [r.answer.claim] : []));
          assert.equal(held.length, stock);
          const toConfirm = held.slice(0, 10);
          for (const c of toConfirm) {
            const [row] = await database.db.select().from(dropClaims).where(eq(dropClaims.id, c.id));
            await confirmClaim(database, { claimId: c.id, userId: row?.userId ?? "" }, clock);
          }

          clock.advance(61_000);
          const [second, ...sweeps] = await Promise.all([
            wave("second", 600),
            ...dbs.flatMap((db) => [expireHolds(db, clock), expireHolds(db, clock)]),
          ]);
          const swept = (sweeps as number[]).reduce((a, b) => a + b, 0);
          assert.equal(
            swept + (await expireHolds(database, clock)),
            stock - toConfirm.length,
            "every due hold expired once",
          );
          const regranted = (second as ClaimResult[]).filter((r) => r.answer.outcome === "held").length;
          assert.ok(regranted <= stock - toConfirm.length);

          const claims = await database.db.select().from(dropClaims).where(eq(dropClaims.dropId, drop.id));
          const live = claims.filter((c) => c.status !== "expired");
          const view = await getDrop(database, drop.id, clock);
          assert.equal(view.remaining + live.length, stock, "stock = remaining + held + confirmed");
          assert.equal(live.length, toConfirm.length + regranted);
          const counted = await database.db
            .select()
            .from(dropAccounts)
            .where(eq(dropAccounts.dropId, drop.id));
          const liveByAccount = new Map<string, number>();
          for (const c of live) liveByAccount.set(c.userId, (liveByAccount.get(c.userId) ?? 0) + 1);
          for (const row of counted) {
            assert.equal(row.active, liveByAccount.get(row.userId) ?? 0, `${row.userId}'s count`);
            assert.ok(row.active <= LIMIT);
          }
        } finally {
          await close();
        }
      }));
  });
}
