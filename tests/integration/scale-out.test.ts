/**
 * Two server processes on one PostgreSQL and one Redis: the configuration the avenue scales out
 * with. Needs TEST_DATABASE_URL and TEST_REDIS_URL (`.ci/run` sets both).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import pg from "pg";
import { HealthResponse } from "../../shared/auth.ts";
import { AvenueState } from "../../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { poseOf } from "../../shared/walking/avatarState.ts";
import { type ScaledOutPair, type ServerProcess, startScaledOutPair } from "../helpers/processes.ts";
import { waitFor } from "../helpers/server.ts";

/** Where `room` sees session `id` stand, decoded from the quantized state (metres). */
const seenAt = (room: { state: { avatars: Map<string, Parameters<typeof poseOf>[0]> } }, id: string) => {
  const a = room.state.avatars.get(id);
  return a ? poseOf(a) : undefined;
};

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const skip =
  !databaseUrl || !redisUrl
    ? "TEST_DATABASE_URL and TEST_REDIS_URL not both set: scale-out test skipped"
    : false;

describe("scale-out: two processes, PostgreSQL and Redis", { skip }, () => {
  const processes: ServerProcess[] = [];
  let pair: ScaledOutPair | undefined;

  before(async () => {
    if (!databaseUrl || !redisUrl) return;
    pair = await startScaledOutPair("scale", databaseUrl, redisUrl);
    processes.push(...pair.processes);
  });

  after(async () => {
    await pair?.stop();
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
    const db = new pg.Client({ connectionString: pair?.databaseUrl });
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
      const x0 = seenAt(b, a.sessionId)?.x ?? 0;
      a.send("move", { dirX: 1, dirZ: 0 });
      await waitFor("B sees A move", () => (seenAt(b, a.sessionId)?.x ?? 0) > x0 + 1);
    } finally {
      await a.leave();
      await b.leave();
    }
  });
});
