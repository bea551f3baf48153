/**
 * Drops benchmark: 10,000 claim attempts from 1,000 accounts, on PGlite and, when TEST_DATABASE_URL or
 * DATABASE_URL is set, on PostgreSQL (in a scratch database created on that server and dropped
 * afterwards), in two scenarios:
 * - `rush`: limit 2 each against a stock of 500 (most attempts are refused: limit, then sold out);
 * - `all-held`: stock 10,000 and limit 10, so every attempt holds a unit (no refusal helps).
 * Each is measured three ways, 64 in flight:
 * - `floor`: the smallest correct claim transaction in raw SQL (idempotency key, conditional
 *   per-account count, conditional stock decrement, claim insert; the count given back when the
 *   stock is gone) — what any implementation must at least do;
 * - `domain`: claimDropUnit called directly;
 * - `http`: POST /api/drops/:id/claims to a server started in this process (session lookup, rate
 *   limits, JSON), sent by a client process of its own (bench/dropsClients.ts), so the requests' own
 *   cost (undici, 64 sockets) does not share the server's thread, as a crowd's browsers would not.
 * Printed: attempts per second, p50/p99 latency, units granted beside the stock, the ratio of each
 * row to the floor of its scenario, and after each rush the latency of claims on the sold-out drop.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
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
import type { RushOrder, RushReport } from "./dropsClients.ts";
import { floorClaim } from "./floorClaim.ts";

const ATTEMPTS = 10_000;
const ACCOUNTS = 1_000;
const IN_FLIGHT = 64;
/** Claims sent to a drop once it is sold out, to time the refusal alone. */
const SOLD_OUT_PROBES = 2_000;

type Scenario = { name: "rush" | "all-held"; stock: number; limit: number };
const SCENARIOS: Scenario[] = [
  { name: "rush", stock: 500, limit: 2 },
  { name: "all-held", stock: ATTEMPTS, limit: 10 },
];

export type DropsBenchRow = {
  database: "pglite" | "postgres";
  scenario: Scenario["name"];
  via: "floor" | "domain" | "http";
  attempts: number;
  accounts: number;
  claimsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  stock: number;
  granted: number;
  /** Held units counted in the database afterwards: must equal `granted`, and never exceed the stock. */
  heldInDatabase: number;
  /** This row's attempts per second over the floor's, same database and scenario. */
  ofFloor?: number;
  /** Latency of a claim on the sold-out drop afterwards (rush only). */
  soldOutP50Ms?: number;
  soldOutP99Ms?: number;
};

/** A drop open now, 1,000 accounts; returns the drop id and the account ids. */
async function prepare(database: DbLike, scenario: Scenario): Promise<{ dropId: string; userIds: string[] }> {
  const db = drizzleOf(database);
  const { ownerId } = await createBrand(db);
  const userIds = await createUsers(db, ACCOUNTS, "bench");
  const now = Date.now();
  const body = ScheduleDropBody.parse({
    productId: PRODUCT_ID,
    title: { en: "Bench drop" },
    mode: "fcfs",
    stock: scenario.stock,
    perAccountLimit: scenario.limit,
    announceAt: new Date(now - 60_000),
    earlyAccessStartsAt: new Date(now - 60_000),
    publicStartsAt: new Date(now - 60_000),
    endsAt: new Date(now + 3_600_000),
    holdSeconds: 3_600,
  });
  const drop = await scheduleDrop(db, BRAND_ID, body, ownerId, systemClock);
  return { dropId: drop.id, userIds };
}

/** Runs `attempt(i)` for i < attempts with IN_FLIGHT at a time; times each one. */
async function rush(attempt: (i: number) => Promise<boolean>, attempts = ATTEMPTS) {
  const latencies: number[] = [];
  let granted = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < attempts) {
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
  return summary({ latencies, granted, seconds: (performance.now() - started) / 1000 });
}

type RushResult = { claimsPerSecond: number; p50Ms: number; p99Ms: number; granted: number };

function summary({ latencies, granted, seconds }: RushReport): RushResult {
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round((latencies[Math.floor(p * (latencies.length - 1))] ?? 0) * 10) / 10;
  return {
    claimsPerSecond: Math.round(latencies.length / seconds),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    granted,
  };
}

const CLIENTS = fileURLToPath(new URL("./dropsClients.ts", import.meta.url));

/** Runs a rush from a client process of its own. */
async function rushFromClients(order: RushOrder): Promise<RushResult> {
  const child = fork(CLIENTS, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const report = await new Promise<RushReport>((resolve, reject) => {
    child.once("message", (message: RushReport | { error: string }) =>
      "error" in message ? reject(new Error(`claim clients: ${message.error}`)) : resolve(message),
    );
    child.once("exit", (code) => reject(new Error(`claim clients exited (${code}) without a report`)));
    child.send(order);
  });
  return summary(report);
}

async function heldIn(database: DbLike, dropId: string, stock: number): Promise<number> {
  const db = drizzleOf(database);
  const rows = await db
    .select({ id: dropClaims.id })
    .from(dropClaims)
    .where(and(eq(dropClaims.dropId, dropId), eq(dropClaims.status, "held")));
  const [drop] = await db.select({ remaining: drops.remaining }).from(drops).where(eq(drops.id, dropId));
  if (drop && drop.remaining + rows.length !== stock) throw new Error("stock not conserved");
  return rows.length;
}

const accountOf = (i: number) => (i * 7_919) % ACCOUNTS;

type Attempt = (i: number) => Promise<boolean>;
type Prepared = { dropId: string; userIds: string[] };
/** Runs attempts [from, from + count) and times them. */
type Rush = (from: number, count: number) => Promise<RushResult>;

/**
 * Measures one way of claiming: the rush, the units held afterwards, and (when the drop is sold out)
 * the latency of further claims, which meet an empty stock.
 */
async function measure(
  database: DbLike,
  name: DropsBenchRow["database"],
  via: DropsBenchRow["via"],
  scenario: Scenario,
  rushOf: (prepared: Prepared) => Promise<Rush>,
): Promise<DropsBenchRow> {
  const prepared = await prepare(database, scenario);
  const run = await rushOf(prepared);
  const result = await run(0, ATTEMPTS);
  const heldInDatabase = await heldIn(database, prepared.dropId, scenario.stock);
  const row: DropsBenchRow = {
    database: name,
    scenario: scenario.name,
    via,
    attempts: ATTEMPTS,
    accounts: ACCOUNTS,
    ...result,
    stock: scenario.stock,
    heldInDatabase,
  };
  if (heldInDatabase === scenario.stock) {
    const probes = await run(ATTEMPTS, SOLD_OUT_PROBES);
    if (probes.granted > 0) throw new Error("a sold-out drop granted a unit");
    row.soldOutP50Ms = probes.p50Ms;
    row.soldOutP99Ms = probes.p99Ms;
  }
  return row;
}

const domainAttempt =
  (database: DbLike) =>
  ({ dropId, userIds }: Prepared): Attempt =>
  async (i) => {
    const { answer } = await claimDropUnit(
      database,
      { dropId, userId: userIds[accountOf(i)] as string, idempotencyKey: `bench-claim-${i}` },
      systemClock,
    );
    return answer.outcome === "held";
  };

async function benchDirect(
  name: DropsBenchRow["database"],
  via: "floor" | "domain",
  scenario: Scenario,
  databaseUrl?: string,
): Promise<DropsBenchRow> {
  const database = await openDatabase({ databaseUrl, dataDir: "unused", inMemory: !databaseUrl });
  try {
    const attemptOf =
      via === "floor"
        ? ({ dropId, userIds }: Prepared): Attempt =>
            (i) =>
              floorClaim(
                database,
                dropId,
                userIds[accountOf(i)] as string,
                `bench-claim-${i}`,
                scenario.limit,
              )
        : domainAttempt(database);
    return await measure(database, name, via, scenario, async (prepared) => {
      const attempt = attemptOf(prepared);
      return (from, count) => rush((i) => attempt(from + i), count);
    });
  } finally {
    await database.close();
  }
}

async function benchHttp(
  name: DropsBenchRow["database"],
  scenario: Scenario,
  databaseUrl?: string,
): Promise<DropsBenchRow> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-bench-drops-"));
  const env: Record<string, string> = { PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, SEED_DEMO: "false" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const server = await startVitrine(loadConfig({ ...env, LOG_LEVEL: "warn" }));
  try {
    return await measure(server.database, name, "http", scenario, async ({ dropId, userIds }) => {
      const cookies = await Promise.all(
        userIds.map(
          async (userId) =>
            `${SESSION_COOKIE_NAME}=${(await createSession(server.database, userId, 1)).token}`,
        ),
      );
      const url = `http://127.0.0.1:${server.port}/api/drops/${dropId}/claims`;
      return (from, count) => rushFromClients({ url, cookies, from, count, inFlight: IN_FLIGHT });
    });
  } finally {
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Creates a scratch database on the server of `adminUrl`, runs `body` on its URL, drops it. */
async function withScratchPostgres<T>(adminUrl: string, body: (url?: string) => Promise<T>): Promise<T> {
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

/** Every way of claiming in every scenario on one database, with each row's ratio to its floor. */
async function benchDatabase(
  name: DropsBenchRow["database"],
  fresh: <T>(body: (url?: string) => Promise<T>) => Promise<T>,
): Promise<DropsBenchRow[]> {
  const rows: DropsBenchRow[] = [];
  for (const scenario of SCENARIOS) {
    const floor = await fresh((url) => benchDirect(name, "floor", scenario, url));
    const domain = await fresh((url) => benchDirect(name, "domain", scenario, url));
    const http = await fresh((url) => benchHttp(name, scenario, url));
    for (const row of [floor, domain, http]) {
      row.ofFloor = Math.round((row.claimsPerSecond / floor.claimsPerSecond) * 100) / 100;
      rows.push(row);
    }
  }
  return rows;
}

export async function benchDrops(): Promise<DropsBenchRow[]> {
  const rows = await benchDatabase("pglite", (body) => body(undefined));
  const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!postgresUrl) {
    console.log("PostgreSQL skipped: set TEST_DATABASE_URL or DATABASE_URL to measure it too.");
    return rows;
  }
  rows.push(...(await benchDatabase("postgres", (body) => withScratchPostgres(postgresUrl, body))));
  return rows;
}
