import assert from "node:assert/strict";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import express from "express";
import { DEFAULT_SIGN_IN_LIMITS } from "../../server/accounts/signInThrottle.ts";
import { loadSeedFile, seedDemoContent } from "../../server/catalog/seed.ts";
import { type Config, ConfigSchema } from "../../server/config.ts";
import { createApiRouter } from "../../server/http/apiRouter.ts";
import { HealthResponse, MeResponse, SessionUser } from "../../shared/auth.ts";
import { Catalog } from "../../shared/catalog.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";

const SMALL_SEED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/seed-small.json");
const CONFIG: Config = ConfigSchema.parse({ SESSION_TTL_HOURS: "2" });

type Api = { base: string; close(): Promise<void> };

/** A real express app with the API router mounted at /api, listening on a free port. */
async function startApi(
  database: TestDatabase,
  overrides: Partial<Parameters<typeof createApiRouter>[0]> = {},
): Promise<Api> {
  const app = express();
  app.use(
    "/api",
    createApiRouter({
      database,
      config: CONFIG,
      version: "9.9.9-test",
      presence: "local",
      startedAt: Date.now() - 5000,
      logUnexpected: () => {},
      ...overrides,
    }),
  );
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function postJson(api: Api, route: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${api.base}${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** The `name=value` part of the session Set-Cookie, to send back as a Cookie header. */
function sessionCookieOf(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith("vitrine_session="));
  assert.ok(setCookie, "a session cookie is set");
  return setCookie.split(";")[0] ?? "";
}

/** Asserts the `{ error: { code, message, details } }` shape and returns the error. */
async function expectError(response: Response, status: number, code: string): Promise<ApiErrorBody["error"]> {
  assert.equal(response.status, status);
  assert.match(response.headers.get("content-type") ?? "", /^application\/json/);
  const body = ApiErrorBody.parse(await response.json());
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 10, "the message is a sentence for a person");
  return body.error;
}

const NEW_USER = {
  email: "new.person@example.test",
  password: "a fine passphrase",
  displayName: "New Person",
};

for (const target of databaseTargets()) {
  describe(`HTTP API on ${target.name}`, () => {
    const skip = target.skip;
    let database: TestDatabase | undefined;
    let api: Api;

    before(async () => {
      if (skip) return;
      database = await target.open();
      await seedDemoContent(database, await loadSeedFile(SMALL_SEED));
      api = await startApi(database);
    });
    after(async () => {
      await api?.close();
      await database?.close();
    });

    test("GET /api/health answers HealthResponse", { skip }, async () => {
      const response = await fetch(`${api.base}/api/health`);
      assert.equal(response.status, 200);
      const health = HealthResponse.parse(await response.json());
      assert.equal(health.database, target.name);
      assert.equal(health.version, "9.9.9-test");
      assert.equal(health.presence, "local");
      assert.ok(health.uptimeSeconds >= 4 && health.uptimeSeconds < 60);
    });

    test("GET /api/catalog answers the seeded catalog, not to be used unrevalidated", { skip }, async () => {
      const response = await fetch(`${api.base}/api/catalog`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("cache-control"), "no-cache");
      const catalog = Catalog.parse(await response.json());
      assert.deepEqual(
        catalog.brands.map((b) => b.id),
        ["maison-test", "atelier-two"],
      );
    });

    test("sign up, me, sign out: cookie flags and the session's life", { skip }, async () => {
      const signedUp = await postJson(api, "/api/auth/signup", NEW_USER);
      assert.equal(signedUp.status, 201);
      assert.equal(signedUp.headers.get("cache-control"), "no-store");
      const { user } = MeResponse.extend({ user: SessionUser }).parse(await signedUp.json());
      assert.equal(user.email, NEW_USER.email);

      const setCookie = signedUp.headers.getSetCookie()[0] ?? "";
      const attributes = setCookie.split("; ").slice(1);
      assert.ok(attributes.includes("HttpOnly"), setCookie);
      assert.ok(attributes.includes("SameSite=Lax"), setCookie);
      assert.ok(attributes.includes("Path=/"), setCookie);
      assert.ok(!attributes.includes("Secure"), "not Secure unless COOKIE_SECURE");
      const maxAge = Number(attributes.find((a) => a.startsWith("Max-Age="))?.slice("Max-Age=".length));
      assert.ok(maxAge > 2 * 3600 - 5 && maxAge <= 2 * 3600, `Max-Age ${maxAge} is SESSION_TTL_HOURS`);

      const cookie = sessionCookieOf(signedUp);
      const me = MeResponse.parse(
        await (await fetch(`${api.base}/api/auth/me`, { headers: { Cookie: cookie } })).json(),
      );
      assert.deepEqual(me.user, user);

      const signedOut = await fetch(`${api.base}/api/auth/signout`, {
        method: "POST",
        headers: { Cookie: cookie },
      });
      assert.equal(signedOut.status, 204);
      assert.match(signedOut.headers.getSetCookie()[0] ?? "", /^vitrine_session=; .*Max-Age=0/);
      const after = MeResponse.parse(
        await (await fetch(`${api.base}/api/auth/me`, { headers: { Cookie: cookie } })).json(),
      );
      assert.equal(after.user, null);
    });

    test("GET /api/auth/me without a session answers null; a stale cookie is cleared", { skip }, async () => {
      const none = await fetch(`${api.base}/api/auth/me`);
      assert.deepEqual(await none.json(), { user: null });
      assert.deepEqual(none.headers.getSetCookie(), []);
      const stale = await fetch(`${api.base}/api/auth/me`, {
        headers: { Cookie: "vitrine_session=garbage" },
      });
      assert.deepEqual(await stale.json(), { user: null });
      assert.match(stale.headers.getSetCookie()[0] ?? "", /^vitrine_session=;/);
    });

    test("sign in replaces the browser's previous session", { skip }, async () => {
      const credentials = { email: "owner@example.test", password: "owner-password-1" };
      const first = await postJson(api, "/api/auth/signin", credentials);
      assert.equal(first.status, 200);
      const firstCookie = sessionCookieOf(first);
      const second = await postJson(api, "/api/auth/signin", credentials, firstCookie);
      assert.equal(second.status, 200);
      const { user } = (await second.json()) as { user: SessionUser };
      assert.equal(user.brandRoles.length, 2);
      const old = await fetch(`${api.base}/api/auth/me`, { headers: { Cookie: firstCookie } });
      assert.deepEqual(await old.json(), { user: null });
    });

    test("a duplicate sign-up answers 409 email_taken", { skip }, async () => {
      const error = await expectError(
        await postJson(api, "/api/auth/signup", { ...NEW_USER, email: "SHOPPER@example.test" }),
        409,
        "email_taken",
      );
      assert.match(error.message, /already/);
    });

    test("wrong password and unknown email answer the same 401", { skip }, async () => {
      const wrong = await expectError(
        await postJson(api, "/api/auth/signin", {
          email: "shopper@example.test",
          password: "not the password",
        }),
        401,
        "invalid_credentials",
      );
      const unknown = await expectError(
        await postJson(api, "/api/auth/signin", {
          email: "ghost@example.test",
          password: "not the password",
        }),
        401,
        "invalid_credentials",
      );
      assert.deepEqual(unknown, wrong);
    });

    test("an invalid body answers 400 validation_failed with every field", { skip }, async () => {
      const error = await expectError(
        await postJson(api, "/api/auth/signup", {
          email: "nope",
          password: "short",
          displayName: "X",
          extra: 1,
        }),
        400,
        "validation_failed",
      );
      assert.ok(Array.isArray(error.details));
      const paths = (error.details as { path: string; message: string }[]).map((d) => d.path);
      for (const field of ["email", "password", "displayName"])
        assert.ok(paths.includes(field), paths.join(", "));
      assert.ok(
        (error.details as { message: string }[]).some(
          (d) => d.message === "Use at least 10 characters for your password",
        ),
      );
    });

    test("malformed JSON answers 400 with a clear message", { skip }, async () => {
      const response = await fetch(`${api.base}/api/auth/signin`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"email": "a@b.test", "password": ',
      });
      const error = await expectError(response, 400, "bad_request");
      assert.match(error.message, /not valid JSON/);
    });

    test("a body that is not JSON answers 415", { skip }, async () => {
      const response = await fetch(`${api.base}/api/auth/signin`, { method: "POST", body: "email=a@b.test" });
      const error = await expectError(response, 415, "bad_request");
      assert.match(error.message, /Content-Type: application\/json/);
    });

    test("a body over 64 KB answers 413", { skip }, async () => {
      const response = await postJson(api, "/api/auth/signup", {
        ...NEW_USER,
        displayName: "x".repeat(70_000),
      });
      const error = await expectError(response, 413, "payload_too_large");
      assert.match(error.message, /64 KB/);
    });

    test("an unknown /api route answers 404 JSON", { skip }, async () => {
      const error = await expectError(await fetch(`${api.base}/api/no/such/thing?x=1`), 404, "not_found");
      assert.match(error.message, /GET \/api\/no\/such\/thing\./);
      await expectError(await fetch(`${api.base}/api/auth/signup`), 404, "not_found");
    });

    test("too many wrong passwords for one email from one address answer 429 with Retry-After", {
      skip,
    }, async () => {
      assert.ok(database);
      const limited = await startApi(database);
      try {
        const attempt = () =>
          postJson(limited, "/api/auth/signin", { email: "shopper@example.test", password: "nope nope" });
        // The free failures, then the one that starts the delay (server/accounts/signInThrottle.ts).
        for (let i = 0; i <= DEFAULT_SIGN_IN_LIMITS.freeFailures; i++)
          assert.equal((await attempt()).status, 401);
        const refused = await attempt();
        const error = await expectError(refused, 429, "rate_limited");
        const retryAfter = Number(refused.headers.get("retry-after"));
        assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
        assert.match(error.message, new RegExp(`wait ${retryAfter} seconds?`));
        assert.deepEqual(error.details, { retryAfterSeconds: retryAfter });
        // Another email from the same address is still allowed (its IP budget is 30).
        assert.equal(
          (await postJson(limited, "/api/auth/signin", { email: "x@example.test", password: "nope" })).status,
          401,
        );
      } finally {
        await limited.close();
      }
    });

    test("too many sign-ups from one address answer 429", { skip }, async () => {
      assert.ok(database);
      const limited = await startApi(database, { attemptLimits: { perIpPerMinute: 3 } });
      try {
        const attempt = (i: number) =>
          postJson(limited, "/api/auth/signup", { ...NEW_USER, email: `ip${i}@example.test` });
        for (let i = 0; i < 3; i++) assert.equal((await attempt(i)).status, 201);
        await expectError(await attempt(3), 429, "rate_limited");
      } finally {
        await limited.close();
      }
    });

    test("with COOKIE_SECURE the session cookie is Secure", { skip }, async () => {
      assert.ok(database);
      const secure = await startApi(database, { config: { ...CONFIG, COOKIE_SECURE: true } });
      try {
        const response = await postJson(secure, "/api/auth/signin", {
          email: "admin@example.test",
          password: "admin-password-1",
        });
        assert.equal(response.status, 200);
        assert.ok((response.headers.getSetCookie()[0] ?? "").split("; ").includes("Secure"));
      } finally {
        await secure.close();
      }
    });
  });
}
