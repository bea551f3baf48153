/**
 * Issue 16 item 5: with REDIS_URL set, rate limits are shared by every process: two processes do
 * not grant twice the limit. Sign-in failures counted on one process slow the next attempt on the
 * other; sign-up attempts per address, claims per account, model uploads per account and chat lines
 * per person add up across both. Each limit is reached by alternating between the processes, so
 * that either one alone would have counted only half of it. Needs TEST_DATABASE_URL and
 * TEST_REDIS_URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import { DEFAULT_SIGN_IN_LIMITS } from "../../server/accounts/signInThrottle.ts";
import { CHAT_RATE_POINTS } from "../../server/host/chatSafety.ts";
import { DEFAULT_ATTEMPT_LIMITS, DEFAULT_CLAIM_RATE_LIMITS } from "../../server/http/rateLimit.ts";
import { AvenueState } from "../../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import type { ChatLine, ChatRefused } from "../../shared/host/chatMessages.ts";
import { type ScaledOutPair, startScaledOutPair } from "../helpers/processes.ts";
import { waitFor } from "../helpers/server.ts";

/** Uploads per account per hour on both processes (small, so the test reaches it quickly). */
const UPLOADS_PER_HOUR = 4;

const redisUrl = process.env.TEST_REDIS_URL;
const databaseUrl = process.env.TEST_DATABASE_URL;
const skip =
  !redisUrl || !databaseUrl
    ? "TEST_DATABASE_URL and TEST_REDIS_URL not both set: shared-limits test on two processes skipped"
    : false;

function post(url: string, path: string, address: string, body: unknown) {
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
}

describe("rate limits shared by two processes (Redis)", { skip }, () => {
  let pair: ScaledOutPair;
  const urls = () => pair.processes.map((p) => p.url);
  before(async () => {
    if (skip) return;
    pair = await startScaledOutPair("limits", databaseUrl as string, redisUrl as string, {
      MODEL_UPLOADS_PER_HOUR: String(UPLOADS_PER_HOUR),
      METRICS_TOKEN,
    });
  });
  after(async () => {
    await pair?.stop();
  });

  test("sign-in failures on either process add up to one delay", async () => {
    const [a, b] = urls() as [string, string];
    const wrong = { email: "shopper@vitrine.demo", password: "not the password" };
    const failures = DEFAULT_SIGN_IN_LIMITS.freeFailures + 1;
    // Alternating: counted per process, neither would reach the delay.
    for (let i = 0; i < failures; i++) {
      const res = await post(i % 2 === 0 ? a : b, "/api/auth/signin", "203.0.113.50", wrong);
      assert.equal(res.status, 401, `failure ${i + 1}`);
    }
    const onA = await post(a, "/api/auth/signin", "203.0.113.50", wrong);
    const onB = await post(b, "/api/auth/signin", "203.0.113.50", wrong);
    assert.equal(onA.status, 429, "process A knows of B's failures");
    assert.equal(onB.status, 429, "process B knows of A's failures");
  });

  test("sign-up attempts per address add up across processes", async () => {
    const [a, b] = urls() as [string, string];
    const limit = DEFAULT_ATTEMPT_LIMITS.perIpPerMinute;
    // Malformed bodies still count (the limiter runs before the body is read), and create nothing.
    for (let i = 0; i < limit; i++) {
      const res = await post(i % 2 === 0 ? a : b, "/api/auth/signup", "203.0.113.60", { nope: i });
      assert.equal(res.status, 400, `attempt ${i + 1}`);
    }
    assert.equal((await post(a, "/api/auth/signup", "203.0.113.60", { nope: 0 })).status, 429);
    assert.equal((await post(b, "/api/auth/signup", "203.0.113.60", { nope: 0 })).status, 429);
  });

  test("claims per account add up across processes", async () => {
    const [a, b] = urls() as [string, string];
    const cookie = await signIn(a, "vip@vitrine.demo", "vitrine-vip-pass-1", "203.0.113.70");
    const limit = DEFAULT_CLAIM_RATE_LIMITS.perAccountPerMinute;
    // Without an Idempotency-Key every attempt is refused (400) after the limiter counted it:
    // nothing is written, and each address stays far below the per-address limit.
    const attempt = (url: string, address: string) =>
      fetch(`${url}/api/drops/no-such-drop/claims`, {
        method: "POST",
        headers: { cookie, "x-forwarded-for": address },
      });
    for (let i = 0; i < limit; i++) {
      const res = await attempt(i % 2 === 0 ? a : b, `203.0.113.${100 + (i % 50)}`);
      assert.equal(res.status, 400, `claim attempt ${i + 1}`);
    }
    const onA = await attempt(a, "203.0.113.71");
    const onB = await attempt(b, "203.0.113.72");
    assert.equal(onA.status, 429, "process A counted B's claims");
    assert.equal(onB.status, 429, "process B counted A's claims");
    assert.equal(((await onB.json()) as { error: { code: string } }).error.code, "rate_limited");
  });

  test("model uploads per account add up across processes", async () => {
    const [a, b] = urls() as [string, string];
    const cookie = await signIn(b, "owner.aubrelle@vitrine.demo", "vitrine-owner-1", "203.0.113.80");
    // Not a multipart body: refused after the limiter counted the upload, nothing is processed.
    const upload = (url: string) =>
      fetch(`${url}/api/brands/aubrelle/models`, {
        method: "POST",
        headers: { cookie, "content-type": "text/plain", "x-forwarded-for": "203.0.113.81" },
        body: "not a model",
      });
    for (let i = 0; i < UPLOADS_PER_HOUR; i++) {
      const res = await upload(i % 2 === 0 ? a : b);
      assert.ok(
        res.status >= 400 && res.status < 500 && res.status !== 429,
        `upload ${i + 1}: ${res.status}`,
      );
    }
    assert.equal((await upload(a)).status, 429, "process A counted B's uploads");
    assert.equal((await upload(b)).status, 429, "process B counted A's uploads");
  });

  test("chat lines per person add up across the avenue shards of both processes", async () => {
    const [a, b] = urls() as [string, string];
    const cookie = await signIn(a, "admin@vitrine.demo", "vitrine-admin-1", "203.0.113.90");
    // Two shards: the first through A, the second opened beside it (the matchmaker opens a new room
    // where fewer run, so in the other process); each process's metrics say it runs one.
    const join = (url: string, how: "joinOrCreate" | "create") =>
      new Client(url, { headers: { cookie } })
        [how]("avenue", { protocol: PROTOCOL_VERSION }, AvenueState)
        .catch((error: unknown) => {
          const logs = pair.processes.map((p) => p.output().slice(-2000)).join("\n---\n");
          throw new Error(`joining the avenue through ${url} failed: ${String(error)}\n${logs}`);
        });
    const rooms = [await join(a, "joinOrCreate")];
    try {
      // The matchmaker reads each process's room count from Redis, and a process writes it there at
      // most once a second: until A's new shard is counted, B may pick A for the second one.
      await roomCountsDiffer();
      rooms.push(await join(b, "create"));
      assert.deepEqual(
        [await avenueShardsOf(a), await avenueShardsOf(b)],
        [1, 1],
        "one shard in each process",
      );
      const said: ChatLine[] = [];
      const refused: ChatRefused[] = [];
      for (const room of rooms) {
        room.onMessage("chatLine", (line: ChatLine) => {
          if (line.from.sessionId === room.sessionId) said.push(line);
        });
        room.onMessage("chatRefused", (r: ChatRefused) => refused.push(r));
      }
      // One more line than a person may say, sent alternately into the two shards at once: each
      // process alone would see about half the limit and let every line through.
      const lines = CHAT_RATE_POINTS + 1;
      for (let i = 0; i < lines; i++)
        rooms[i % 2]?.send("chat", { text: `shared ${i}`, channel: "shard", lang: "en" });
      await waitFor("every line answered", () => said.length + refused.length === lines, 20_000);
      assert.equal(said.length, CHAT_RATE_POINTS, "one count across both processes");
      assert.deepEqual(
        refused.map((r) => r.code),
        ["rate_limited"],
      );
    } finally {
      for (const room of rooms) await room.leave().catch(() => undefined);
    }
  });
});

async function signIn(url: string, email: string, password: string, address: string): Promise<string> {
  const res = await post(url, "/api/auth/signin", address, { email, password });
  assert.equal(res.status, 200, `signed in as ${email}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

const METRICS_TOKEN = "limits-test-metrics-token";

/** The avenue shards one process runs, from its own /metrics. */
/** Resolves once the two processes' room counts in Redis (Colyseus' `roomcount` hash) differ. */
async function roomCountsDiffer(): Promise<void> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(redisUrl as string);
  try {
    for (let tries = 0; ; tries++) {
      const counts = Object.values(await redis.hgetall("roomcount")).map((v) => Number(v.split(",")[0]));
      if (counts.length === 2 && counts[0] !== counts[1]) return;
      if (tries > 500) throw new Error(`room counts in Redis never differed: ${JSON.stringify(counts)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    redis.disconnect();
  }
}

async function avenueShardsOf(url: string): Promise<number> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const text = await res.text();
  const line = text.split("\n").find((l) => l.startsWith('vitrine_rooms{type="avenue"}'));
  return Number(line?.split(" ")[1] ?? 0);
}
