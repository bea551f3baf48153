/**
 * Two server processes on one PostgreSQL and one Redis: the configuration the avenue scales out
 * with. Needs TEST_DATABASE_URL and TEST_REDIS_URL (`.ci/run` sets both).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import { Redis } from "ioredis";
import pg from "pg";
import { HealthResponse } from "../../shared/auth.ts";
import { AvenueState } from "../../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { freePort, type ServerProcess, startServerProcess } from "../helpers/processes.ts";
import { waitFor } from "../helpers/server.ts";

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const skip =
  !databaseUrl || !redisUrl
    ? "TEST_DATABASE_URL and TEST_REDIS_URL not both set: scale-out test skipped"
    : false;

describe("scale-out: two processes, PostgreSQL and Redis", { skip }, () => {
  const processes: ServerProcess[] = [];
  let scratchDb = "";
  let scratchUrl = "";

  before(async () => {
    if (!databaseUrl || !redisUrl) return;
    scratchDb = `vitrine_scale_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratchDb}`);
    await admin.end();
    const u = new URL(databaseUrl);
    u.pathname = `/${scratchDb}`;
    scratchUrl = u.toString();

    const redis = new Redis(redisUrl);
    await redis.flushdb();
    redis.disconnect();

    const [p1, p2] = [await freePort(), await freePort()];
    // Both start at once: migrations and the demo seed must cope with a concurrent twin.
    processes.push(
      ...(await Promise.all(
        [p1, p2].map((port) =>
          startServerProcess(port, {
            DATABASE_URL: scratchUrl,
            REDIS_URL: redisUrl,
            PUBLIC_ADDRESS: `127.0.0.1:${port}`,
          }),
        ),
      )),
    );
  });

  after(async () => {
    for (const p of processes) await p.stop();
    if (databaseUrl && scratchDb) {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${scratchDb} WITH (FORCE)`);
      await admin.end();
    }
    if (redisUrl) {
      const redis = new Redis(redisUrl);
      await redis.flushdb();
      redis.disconnect();
    }
  });

  test("both processes report PostgreSQL and Redis in their health", async () => {
    for (const p of processes) {
      const health = HealthResponse.parse(await (await fetch(`${p.url}/api/health`)).json());
      assert.equal(health.database, "postgres");
      assert.equal(health.presence, "redis");
    }
  });

  test("the demo content was seeded exactly once", async () => {
    const [p1] = processes;
    assert.ok(p1);
    const catalog = (await (await fetch(`${p1.url}/api/catalog`)).json()) as {
      brands: Array<{ products: unknown[] }>;
    };
    assert.equal(catalog.brands.length, 6);
    const db = new pg.Client({ connectionString: scratchUrl });
    await db.connect();
    const users = await db.query("SELECT count(*)::int AS n FROM users");
    await db.end();
    assert.equal(users.rows[0].n, 6);
  });

  test("clients entering through different processes meet in the same shard and see each other move", async () => {
    const [p1, p2] = processes;
    assert.ok(p1 && p2);
    const a = await new Client(p1.url).joinOrCreate("avenue", { protocol: PROTOCOL_VERSION }, AvenueState);
    const b = await new Client(p2.url).joinOrCreate("avenue", { protocol: PROTOCOL_VERSION }, AvenueState);
    try {
      assert.equal(a.roomId, b.roomId, "matchmaking through Redis found A's shard for B");
      await waitFor("B sees A", () => b.state.avatars.has(a.sessionId));
      const x0 = b.state.avatars.get(a.sessionId)?.x ?? 0;
      a.send("move", { dirX: 1, dirZ: 0 });
      await waitFor("B sees A move", () => (b.state.avatars.get(a.sessionId)?.x ?? 0) > x0 + 1);
    } finally {
      await a.leave();
      await b.leave();
    }
  });
});
