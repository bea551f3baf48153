/**
 * The analytics report's request limit and its hostile queries, on a real server: a brand's staff
 * member gets REPORTS_PER_MINUTE reports a minute, the next is a 429 `rate_limited` with
 * Retry-After; the budget is per person (another reader is still answered) and only callers the
 * access rule let in spend it. Every hostile date range is a 400 with the error shape, never a 500.
 * The counters live in Redis when TEST_REDIS_URL is set (as in production scaled out), else memory.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import express from "express";
import { createAnalyticsRoutes, REPORTS_PER_MINUTE } from "../../server/analytics/analyticsRoutes.ts";
import { systemClock } from "../../server/drops/clock.ts";
import { errorMiddleware } from "../../server/http/errors.ts";
import { memoryLimiterStore } from "../../server/http/limiterStore.ts";
import { analytics } from "../../shared/api/index.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { cookieFor, DEMO } from "./models-fixtures.ts";

const BRAND = DEMO.owner.brandId;

describe("the analytics report: rate limit per reader, hostile ranges", () => {
  let server: TestServer;
  let owner: string;
  let admin: string;
  let shopper: string;
  before(async () => {
    server = await startTestServer(
      process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {},
    );
    // A fresh database seeds the demo accounts with new ids: an earlier run's Redis counters never apply.
    owner = await cookieFor(server.database, DEMO.owner.email);
    admin = await cookieFor(server.database, DEMO.admin.email);
    shopper = await cookieFor(server.database, DEMO.shopper.email);
  });
  after(async () => {
    await server?.stop();
  });

  const report = (cookie: string, query = "") =>
    fetch(`${server.url}/api/brands/${BRAND}/analytics${query}`, { headers: { cookie } });

  test("hostile ranges are refused with a 400 and the error shape", async () => {
    const hostile: Record<string, string> = {
      nul: "?from=2026-12-01%00",
      notACalendarDay: "?from=2026-13-45",
      feb30: "?from=2026-02-30&to=2026-03-02",
      reversed: "?from=2026-12-10&to=2026-12-01",
      overAYear: "?from=2024-01-01&to=2026-01-01",
      repeated: "?from=2026-12-01&from=2026-12-02",
      unknownKey: "?from=2026-12-01&visitor=someone",
      protoKey: "?__proto__=2026-12-01",
      bidi: "?to=%E2%80%AE2026-12-01",
      huge: `?from=${"9".repeat(4000)}`,
    };
    const failures: string[] = [];
    for (const [label, query] of Object.entries(hostile)) {
      // As the admin: the owner's budget is the next test's.
      const res = await report(admin, query);
      const text = await res.text();
      let shaped = false;
      try {
        shaped = ApiErrorBody.safeParse(JSON.parse(text)).success;
      } catch {
        shaped = false;
      }
      if (res.status < 400 || res.status >= 500 || !shaped)
        failures.push(`${label}: ${res.status} ${text.slice(0, 120)}`);
    }
    assert.deepEqual(failures, []);
  });

  test(`a reader gets ${REPORTS_PER_MINUTE} reports a minute, then a 429 with Retry-After`, async () => {
    // Outsiders are refused by the access rule before the limit: they spend nobody's budget.
    for (let i = 0; i < 5; i++) assert.equal((await report(shopper)).status, 403);
    for (let i = 0; i < REPORTS_PER_MINUTE; i++) {
      const res = await report(owner, "?from=2026-11-01&to=2026-11-30");
      assert.equal(res.status, 200, `report ${i + 1} is answered`);
      await res.arrayBuffer();
    }
    const over = await report(owner);
    assert.equal(over.status, 429);
    const body = ApiErrorBody.parse(await over.json());
    assert.equal(body.error.code, "rate_limited");
    // Read with the refusal the endpoint declares (what the client's declaredDetails reads).
    const { retryAfterSeconds } = analytics.brandAnalytics.refusals.rate_limited.parse(body.error.details);
    assert.ok(retryAfterSeconds >= 1 && retryAfterSeconds <= 60, `waits ${retryAfterSeconds} s`);
    assert.equal(over.headers.get("retry-after"), String(retryAfterSeconds));
    // The budget is the person's: another reader of the brand is still answered.
    assert.equal((await report(admin)).status, 200);
  });

  test("viewer facts: an address gets its budget a minute, then a 429 with the declared details", async () => {
    // The route alone, with a budget of 3 and this process's memory (the address is 127.0.0.1,
    // shared with every other test process on the machine's Redis).
    const app = express();
    app.use(express.json());
    app.use(
      "/api",
      createAnalyticsRoutes({
        database: server.database,
        clock: systemClock,
        limiterStore: memoryLimiterStore(),
        viewerFactsPerMinute: 3,
      }),
    );
    app.use(errorMiddleware);
    const listening = app.listen(0, "127.0.0.1");
    await new Promise((r) => listening.once("listening", r));
    try {
      const port = (listening.address() as AddressInfo).port;
      const send = () =>
        fetch(`http://127.0.0.1:${port}/api/products/aubrelle-etoile/viewer-facts`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ event: "open" }),
        });
      for (let i = 0; i < 3; i++) assert.equal((await send()).status, 204, `fact ${i + 1} is taken`);
      const over = await send();
      assert.equal(over.status, 429);
      const body = ApiErrorBody.parse(await over.json());
      assert.equal(body.error.code, "rate_limited");
      const { retryAfterSeconds } = analytics.viewerFact.refusals.rate_limited.parse(body.error.details);
      assert.equal(over.headers.get("retry-after"), String(retryAfterSeconds));
    } finally {
      listening.close();
    }
  });
});
