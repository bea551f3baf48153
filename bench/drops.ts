/**
 * Drops benchmark: a rush of 10,000 claim attempts from 1,000 accounts (limit 2 each) against a stock
 * of 500, on PGlite and, when TEST_DATABASE_URL or DATABASE_URL is set, on PostgreSQL (in a scratch
 * database created on that server and dropped afterwards). Each database is measured twice:
 * - `domain`: claimDropUnit called directly, 64 calls in flight (the transaction alone);
 * - `http`: POST /api/drops/:id/claims to an in-process server, 64 requests in flight (session
 *   lookup, rate limits, JSON, the transaction).
 * Printed: claims per second, p50/p99 latency, and units granted beside the stock.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import pg from "pg";
import { SESSION_COOKIE_NAME } from "../server/accounts/sessionCookie.ts";
import { createSession } from "../server/accounts/sessions.ts";
import { startVitrine } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { type DbLike, drizzleOf, openDatabase } from "../server/db/database.ts";
import { dropClaims, drops } from "../server/db/schema.ts";
import { claimDropUnit } from "../server/drops/claims.ts";
import { systemClock } from "../server/drops/clock.ts";
import { scheduleDrop } from "../server/drops/drops.ts";
import { ScheduleDropBody } from "../shared/drops.ts";
import { BRAND_ID, createBrand, createUsers, PRODUCT_ID } from "../tests/integration/drops-fixtures.ts";

const ATTEMPTS = 10_000;
const ACCOUNTS = 1_000;
const STOCK = 500;
const LIMIT = 2;
const IN_FLIGHT = 64;

export type DropsBenchRow = {
  database: "pglite" | "postgres";
  via: "domain" | "http";
  attempts: number;
  accounts: number;
  claimsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  stock: number;
  granted: number;
  /** Held units counted in the database afterwards: must equal `granted`, and never exceed the stock. */
  heldInDatabase: number;
};

/** A drop open now, 1,000 accounts; returns the drop id and the account ids. */
async function prepare(database: DbLike): Promise<{ dropId: string; userIds: string[] }> {
  const db = drizzleOf(database);
  const { ownerId } = await createBrand(db);
  const userIds = await createUsers(db, ACCOUNTS, "bench");
  const now = Date.now();
  const body = ScheduleDropBody.parse({
    productId: PRODUCT_ID,
    title: "Bench drop",
    mode: "fcfs",
    stock: STOCK,
    perAccountLimit: LIMIT,
    announceAt: new Date(now - 60_000),
    earlyAccessStartsAt: new Date(now - 60_000),
    publicStartsAt: new Date(now - 60_000),
    endsAt: new Date(now + 3_600_000),
    holdSeconds: 3_600,
  });
  const drop = await scheduleDrop(db, BRAND_ID, body, ownerId, systemClock);
  return { dropId: drop.id, userIds };
}

/** Runs `attempt(i)` for every i with IN_FLIGHT at a time; times each one. */
async function rush(attempt: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let granted = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < ATTEMPTS) {
      const i = next++;
      const t0 = performance.now();
      if (await attempt(i)) granted += 1;
      latencies.push(performance.now() - t0);
    }
  };
  // Every worker finishes before a failure is reported, so nothing runs on after the server closes.
  const failed = (await Promise.allSettled(Array.from({ length: IN_FLIGHT }, worker))).find(
    (r) => r.status === "rejected",
  );
  if (failed) throw failed.reason;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.floor(p * (latencies.length - 1))] ?? 0) * 10) / 10;
  return { claimsPerSecond: Math.round(ATTEMPTS / seconds), p50Ms: pct(0.5), p99Ms: pct(0.99), granted };
}

async function heldIn(database: DbLike, dropId: string): Promise<number> {
  const db = drizzleOf(database);
  const rows = await db
    .select({ id: dropClaims.id })
    .from(dropClaims)
    .where(and(eq(dropClaims.dropId, dropId), eq(dropClaims.status, "held")));
  const [drop] = await db.select({ remaining: drops.remaining }).from(drops).where(eq(drops.id, dropId));
  if (drop && drop.remaining + rows.length !== STOCK) throw new Error("stock not conserved");
  return rows.length;
}

const accountOf = (i: number) => (i * 7_919) % ACCOUNTS;

async function benchDomain(name: DropsBenchRow["database"], databaseUrl?: string): Promise<DropsBenchRow> {
  const database = await openDatabase({ databaseUrl, dataDir: "unused", inMemory: !databaseUrl });
  try {
    const { dropId, userIds } = await prepare(database);
    const result = await rush(async (i) => {
      const { answer } = await claimDropUnit(
        database,
        { dropId, userId: userIds[accountOf(i)] as string, idempotencyKey: `bench-claim-${i}` },
        systemClock,
      );
      return answer.outcome === "held";
    });
    const heldInDatabase = await heldIn(database, dropId);
    return {
      database: name,
      via: "domain",
      attempts: ATTEMPTS,
      accounts: ACCOUNTS,
      ...result,
      stock: STOCK,
      heldInDatabase,
    };
  } finally {
    await database.close();
  }
}

async function benchHttp(name: DropsBenchRow["database"], databaseUrl?: string): Promise<DropsBenchRow> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-bench-drops-"));
  const env: Record<string, string> = { PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, SEED_DEMO: "false" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const server = await startVitrine(loadConfig({ ...env, LOG_LEVEL: "warn" }));
  try {
    const { dropId, userIds } = await prepare(server.database);
    const cookies: string[] = [];
    for (const userId of userIds) {
      cookies.push(`${SESSION_COOKIE_NAME}=${(await createSession(server.database, userId, 1)).token}`);
    }
    const url = `http://127.0.0.1:${server.port}/api/drops/${dropId}/claims`;
    const result = await rush(async (i) => {
      const account = accountOf(i);
      const res = await fetch(url, {
        method: "POST",
        headers: {
          cookie: cookies[account] as string,
          "Idempotency-Key": `bench-claim-${i}`,
          // One address per account, as a crowd has: the per-address limit is not what is measured.
          "X-Forwarded-For": `10.${account >> 8}.${account & 255}.9`,
        },
      });
      await res.arrayBuffer();
      if (res.status !== 201 && res.status !== 409 && res.status !== 403) {
        throw new Error(`unexpected answer ${res.status}`);
      }
      return res.status === 201;
    });
    const heldInDatabase = await heldIn(server.database, dropId);
    return {
      database: name,
      via: "http",
      attempts: ATTEMPTS,
      accounts: ACCOUNTS,
      ...result,
      stock: STOCK,
      heldInDatabase,
    };
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Creates a scratch database on the server of `adminUrl`, runs `body` on its URL, drops it. */
async function withScratchPostgres<T>(adminUrl: string, body: (url: string) => Promise<T>): Promise<T> {
  const name = `vitrine_bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = async (sqlText: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sqlText);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await body(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function benchDrops(): Promise<DropsBenchRow[]> {
  const rows: DropsBenchRow[] = [await benchDomain("pglite"), await benchHttp("pglite")];
  const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!postgresUrl) {
    console.log("PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL to measure it too.");
    return rows;
  }
  rows.push(await withScratchPostgres(postgresUrl, (url) => benchDomain("postgres", url)));
  rows.push(await withScratchPostgres(postgresUrl, (url) => benchHttp("postgres", url)));
  return rows;
}
