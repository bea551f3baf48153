/**
 * A live event's stage and audience shards (events-rooms-scenario.ts): on two server processes
 * over PostgreSQL and Redis (TEST_DATABASE_URL and TEST_REDIS_URL), with shards on both, and on one
 * process over PGlite.
 */
import { describe, test } from "node:test";
import { Redis } from "ioredis";
import { openDatabase } from "../../server/db/database.ts";
import { startScaledOutPair } from "../helpers/processes.ts";
import { startTestServer } from "../helpers/server.ts";
import { runEventRoomsScenario, SCENARIO_SHARD_CAPACITY } from "./events-rooms-scenario.ts";

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const env = { EVENT_SHARD_CAPACITY: String(SCENARIO_SHARD_CAPACITY), LOG_LEVEL: "warn" };

describe("event rooms on one process (PGlite)", () => {
  test("stage, shards, chat, stage channel, capacity, invite-only admission, timeline", async () => {
    const server = await startTestServer(env);
    try {
      await runEventRoomsScenario([server.url, server.url], server.database);
    } finally {
      await server.stop();
    }
  });
});

describe("event rooms on two processes (PostgreSQL + Redis)", {
  skip:
    databaseUrl && redisUrl
      ? false
      : "TEST_DATABASE_URL and TEST_REDIS_URL not both set: two-process test skipped",
}, () => {
  test("one stage reaches shards on both processes; chat stays in its shard", async () => {
    const pair = await startScaledOutPair("events", databaseUrl as string, redisUrl as string, env);
    const database = await openDatabase({ databaseUrl: pair.databaseUrl, dataDir: "/nonexistent" });
    const redis = new Redis(redisUrl as string);
    try {
      const urls = pair.processes.map((p) => p.url) as [string, string];
      await runEventRoomsScenario(urls, database, async (roomId) => {
        const cached = await redis.hget("roomcaches", roomId);
        return cached ? ((JSON.parse(cached) as { processId?: string }).processId ?? null) : null;
      });
    } finally {
      redis.disconnect();
      await database.close();
      await pair.stop();
    }
  });
});
