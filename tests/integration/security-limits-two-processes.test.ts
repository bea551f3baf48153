/**
 * Issue 16 item 5: with REDIS_URL set, rate limits are shared by every process: two processes do
 * not grant twice the limit. Sign-in failures counted on one process slow the next attempt on the
 * other; sign-up attempts per address add up across both. Needs TEST_DATABASE_URL and TEST_REDIS_URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEFAULT_SIGN_IN_LIMITS } from "../../server/accounts/signInThrottle.ts";
import { DEFAULT_ATTEMPT_LIMITS } from "../../server/http/rateLimit.ts";
import { type ScaledOutPair, startScaledOutPair } from "../helpers/processes.ts";

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
    pair = await startScaledOutPair("limits", databaseUrl as string, redisUrl as string);
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
});
