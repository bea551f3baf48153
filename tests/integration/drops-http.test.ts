import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import express from "express";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { users } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { createDropRoutes } from "../../server/http/dropRoutes.ts";
import { apiNotFound, errorMiddleware } from "../../server/http/errors.ts";
import { createPassRoutes } from "../../server/http/passRoutes.ts";
import { loadSigningKeys } from "../../server/keys/signingKeys.ts";
import { BrandDropList, ClaimAnswer, DropReport, DropView } from "../../shared/drops.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { Pass, PassTokenAnswer, PassType, VerifyPassTokenAnswer } from "../../shared/passes.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import {
  at,
  BRAND_ID,
  createBrand,
  createUsers,
  DROP_TIMES,
  minutes,
  PRODUCT_ID,
  VIP_ENTITLEMENTS,
} from "./drops-fixtures.ts";

const [target] = databaseTargets();

describe("drop and pass HTTP routes (pglite)", () => {
  test("auth, validation, refusals with reasons, idempotent claims, confirmation, report, tokens, rate limits", () =>
    withDatabase(target as NonNullable<typeof target>, async (database) => {
      const clock = manualClock(at(-minutes(90)));
      const { ownerId } = await createBrand(database.db);
      const [adminId, vipId, shopperId] = await createUsers(database.db, 3);
      await database.db
        .update(users)
        .set({ role: "admin" })
        .where(eq(users.id, adminId as string));
      const cookie = async (userId: string) =>
        `${SESSION_COOKIE_NAME}=${(await createSession(database, userId, 1)).token}`;
      const [admin, owner, vip, shopper] = await Promise.all(
        [adminId, ownerId, vipId, shopperId].map((id) => cookie(id as string)),
      );
      const keys = await loadSigningKeys("/nonexistent", {
        SIGNING_PRIVATE_KEY: (await import("node:crypto"))
          .generateKeyPairSync("ed25519")
          .privateKey.export({ type: "pkcs8", format: "pem" })
          .toString(),
      });
      const app = express();
      const api = express.Router();
      api.use(express.json());
      api.use(createPassRoutes({ database, clock, signingKeys: keys }));
      api.use(createDropRoutes({ database, clock, claimLimits: { perAccountPerMinute: 6 } }));
      api.use(apiNotFound);
      api.use(errorMiddleware);
      app.use("/api", api);
      const server = app.listen(0);
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
      const call = async (
        method: string,
        path: string,
        who?: string,
        body?: unknown,
        headers: Record<string, string> = {},
      ) => {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: {
            ...(who ? { cookie: who } : {}),
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return {
          status: res.status,
          headers: res.headers,
          json: text ? (JSON.parse(text) as unknown) : null,
        };
      };
      const errorOf = (json: unknown) => ApiErrorBody.parse(json).error;
      try {
        const passTypeBody = {
          name: { en: "Maison Circle" },
          tier: "gold",
          validFrom: at(-minutes(600)).toISOString(),
          validUntil: at(minutes(600)).toISOString(),
          entitlements: VIP_ENTITLEMENTS,
        };
        assert.equal((await call("POST", "/pass-types", undefined, passTypeBody)).status, 401);
        assert.equal((await call("POST", "/pass-types", shopper, passTypeBody)).status, 403);
        const created = await call("POST", "/pass-types", admin, passTypeBody);
        assert.equal(created.status, 201);
        const passType = PassType.parse(created.json);
        const issued = await call("POST", `/pass-types/${passType.id}/passes`, admin, { userId: vipId });
        assert.equal(issued.status, 201);
        const pass = Pass.parse(issued.json);

        const dropBody = {
          productId: PRODUCT_ID,
          title: { en: "Winter ring", fr: "Bague d'hiver" },
          description: { en: "A ring for winter.", de: "Ein Ring für den Winter." },
          mode: "fcfs",
          stock: 2,
          perAccountLimit: 1,
          earlyAccessPassTypeIds: [passType.id],
          ...Object.fromEntries(Object.entries(DROP_TIMES).map(([k, v]) => [k, v.toISOString()])),
        };
        assert.equal((await call("POST", `/brands/${BRAND_ID}/drops`, shopper, dropBody)).status, 403);
        const invalid = await call("POST", `/brands/${BRAND_ID}/drops`, owner, { ...dropBody, stock: 0 });
        assert.equal(invalid.status, 400);
        assert.equal(errorOf(invalid.json).code, "validation_failed");
        const scheduled = await call("POST", `/brands/${BRAND_ID}/drops`, owner, dropBody);
        assert.equal(scheduled.status, 201);
        const drop = DropView.parse(scheduled.json);
        // Stored per language as written; the brand's portal lists it (before its announcement too), a
        // shopper may not.
        assert.deepEqual(drop.title, { en: "Winter ring", fr: "Bague d'hiver" });
        const mine = BrandDropList.parse((await call("GET", `/brands/${BRAND_ID}/drops`, owner)).json);
        assert.deepEqual(
          mine.drops.map((d) => [d.id, d.title.fr, d.description?.de]),
          [[drop.id, "Bague d'hiver", "Ein Ring für den Winter."]],
        );
        assert.equal((await call("GET", `/brands/${BRAND_ID}/drops`, shopper)).status, 403);

        clock.set(at(-minutes(10)));
        const view = DropView.parse((await call("GET", `/drops/${drop.id}`)).json);
        assert.equal(view.phase, "early_access");
        const noKey = await call("POST", `/drops/${drop.id}/claims`, shopper);
        assert.equal(noKey.status, 400);
        assert.match(errorOf(noKey.json).message, /Idempotency-Key/);
        const early = await call("POST", `/drops/${drop.id}/claims`, shopper, undefined, {
          "Idempotency-Key": "shopper-1-key",
        });
        assert.equal(early.status, 403);
        assert.deepEqual(errorOf(early.json).details, {
          reason: "not_open_yet",
          opensAt: DROP_TIMES.publicStartsAt.toISOString(),
        });

        const claimed = await call("POST", `/drops/${drop.id}/claims`, vip, undefined, {
          "Idempotency-Key": "vip-claim-1",
        });
        assert.equal(claimed.status, 201);
        const answer = ClaimAnswer.parse(claimed.json);
        const retried = await call("POST", `/drops/${drop.id}/claims`, vip, undefined, {
          "Idempotency-Key": "vip-claim-1",
        });
        assert.equal(retried.status, 201);
        assert.equal(retried.headers.get("idempotent-replayed"), "true");
        assert.deepEqual(retried.json, claimed.json);
        const limit = await call("POST", `/drops/${drop.id}/claims`, vip, undefined, {
          "Idempotency-Key": "vip-claim-2",
        });
        assert.equal(limit.status, 409);
        assert.equal((errorOf(limit.json).details as { reason: string }).reason, "limit_reached");

        const claimId = answer.outcome === "held" ? answer.claim.id : "";
        const confirmed = await call("POST", `/drops/${drop.id}/claims/${claimId}/confirm`, vip);
        assert.equal(confirmed.status, 200);
        assert.equal(
          (await call("POST", `/drops/${drop.id}/claims/${claimId}/confirm`, shopper)).status,
          404,
        );

        assert.equal((await call("GET", `/drops/${drop.id}/report`, shopper)).status, 403);
        const report = DropReport.parse((await call("GET", `/drops/${drop.id}/report`, owner)).json);
        assert.deepEqual(report.claims, { held: 0, confirmed: 1, expired: 0 });
        assert.deepEqual(report.refusals, { not_open_yet: 1, limit_reached: 1 });

        const tokenAnswer = await call("POST", `/passes/${pass.id}/token`, vip);
        const { token } = PassTokenAnswer.parse(tokenAnswer.json);
        assert.equal((await call("POST", `/passes/${pass.id}/token`, shopper)).status, 404);
        const verified = VerifyPassTokenAnswer.parse(
          (await call("POST", "/passes/verify", undefined, { token })).json,
        );
        assert.equal(verified.valid, true);
        const broken = `${token.slice(0, -4)}AAAA`;
        const rejected = VerifyPassTokenAnswer.parse(
          (await call("POST", "/passes/verify", undefined, { token: broken })).json,
        );
        assert.equal(rejected.valid, false);
        const revoked = await call("POST", `/passes/${pass.id}/revoke`, admin, { reason: "test" });
        assert.equal(Pass.parse(revoked.json).status, "revoked");

        const missing = await call("GET", "/drops/no-such-drop");
        assert.equal(missing.status, 404);
        assert.equal(errorOf(missing.json).code, "not_found");

        // The shopper has sent 2 claim requests; the limit is 6 per minute per account.
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          statuses.push(
            (
              await call("POST", `/drops/${drop.id}/claims`, shopper, undefined, {
                "Idempotency-Key": `burst-key-${i}`,
              })
            ).status,
          );
        }
        assert.deepEqual(statuses, [403, 403, 403, 403, 429]);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }));
});
