/**
 * Brands run pass programmes of their own: their owners and merchandisers create pass types, issue
 * passes to their clients by email, and revoke them; nobody else may, except platform admins.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { MyPassesAnswer, Pass, PassType } from "../../shared/passes.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const PASSWORDS: Record<string, string> = {
  "owner.aubrelle@vitrine.demo": "vitrine-owner-1",
  "merch.brevanne@vitrine.demo": "vitrine-merch-1",
  "advisor.nerolie@vitrine.demo": "vitrine-advisor-1",
  "admin@vitrine.demo": "vitrine-admin-1",
  "shopper@vitrine.demo": "vitrine-shopper-1",
  "vip@vitrine.demo": "vitrine-vip-pass-1",
};

const PROGRAMME = {
  name: { en: "Aubrelle Salon" },
  tier: "gold",
  validFrom: new Date(Date.now() - 60_000).toISOString(),
  validUntil: new Date(Date.now() + 86_400_000 * 365).toISOString(),
  entitlements: {
    earlyAccessLeadMinutes: 30,
    inviteOnlyEvents: true,
    perDropClaimLimit: null,
    passOnlyCollectibleIds: [],
  },
};

describe("brand-run pass programmes over HTTP", () => {
  let server: TestServer;
  const cookies = new Map<string, string>();

  before(async () => {
    server = await startTestServer();
    for (const [email, password] of Object.entries(PASSWORDS)) {
      const res = await fetch(`${server.url}/api/auth/signin`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      assert.equal(res.status, 200, `${email} signs in`);
      cookies.set(email, (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "");
    }
  });
  after(() => server?.stop());

  async function call(who: string | null, method: string, path: string, body?: unknown) {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: {
        ...(who ? { cookie: cookies.get(who) ?? "" } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  test("a brand owner creates a programme, issues by email, lists and revokes; others are refused", async () => {
    const owner = "owner.aubrelle@vitrine.demo";
    const created = await call(owner, "POST", "/pass-types", { ...PROGRAMME, brandId: "aubrelle" });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const type = PassType.parse(created.json);
    assert.equal(type.brandId, "aubrelle");

    // Not for another brand, nor a platform-wide programme, nor by the wrong roles.
    assert.equal(
      (await call(owner, "POST", "/pass-types", { ...PROGRAMME, brandId: "brevanne" })).status,
      403,
    );
    assert.equal((await call(owner, "POST", "/pass-types", PROGRAMME)).status, 403);
    assert.equal(
      (
        await call("advisor.nerolie@vitrine.demo", "POST", "/pass-types", {
          ...PROGRAMME,
          brandId: "nerolie",
        })
      ).status,
      403,
    );
    assert.equal((await call("shopper@vitrine.demo", "POST", "/pass-types", PROGRAMME)).status, 403);
    assert.equal((await call(null, "POST", "/pass-types", PROGRAMME)).status, 401);
    const unknownBrand = await call("admin@vitrine.demo", "POST", "/pass-types", {
      ...PROGRAMME,
      brandId: "no-such-brand",
    });
    assert.equal(unknownBrand.status, 404);

    // Issued by email; issuing again is a no-op; an unknown email is a clear 404.
    const issued = await call(owner, "POST", `/pass-types/${type.id}/passes`, {
      email: "Shopper@Vitrine.demo",
    });
    assert.equal(issued.status, 201, JSON.stringify(issued.json));
    const pass = Pass.parse(issued.json);
    assert.equal(pass.status, "active");
    const again = await call(owner, "POST", `/pass-types/${type.id}/passes`, {
      email: "shopper@vitrine.demo",
    });
    assert.equal(again.status, 200);
    assert.equal(Pass.parse(again.json).id, pass.id);
    const nobody = await call(owner, "POST", `/pass-types/${type.id}/passes`, {
      email: "nobody@vitrine.demo",
    });
    assert.equal(nobody.status, 404);
    assert.match(String((nobody.json.error as { message: string }).message), /No Vitrine account/);
    const both = await call(owner, "POST", `/pass-types/${type.id}/passes`, {
      email: "shopper@vitrine.demo",
      userId: pass.userId,
    });
    assert.equal(both.status, 400);

    // Another brand's merchandiser may not issue or revoke Aubrelle's passes.
    const merch = "merch.brevanne@vitrine.demo";
    assert.equal(
      (await call(merch, "POST", `/pass-types/${type.id}/passes`, { email: "vip@vitrine.demo" })).status,
      403,
    );
    assert.equal((await call(merch, "POST", `/passes/${pass.id}/revoke`, { reason: "no" })).status, 403);
    assert.equal((await call(merch, "GET", "/pass-types?brandId=aubrelle")).status, 403);

    // The brand lists its own programmes only; the admin sees every programme.
    const listed = await call(owner, "GET", "/pass-types?brandId=aubrelle");
    assert.equal(listed.status, 200);
    const brandTypes = (listed.json.passTypes as unknown[]).map((t) => PassType.parse(t));
    assert.deepEqual(
      brandTypes.map((t) => t.id),
      [type.id],
    );
    assert.equal((await call(owner, "GET", "/pass-types")).status, 403);
    const all = await call("admin@vitrine.demo", "GET", "/pass-types");
    assert.ok((all.json.passTypes as unknown[]).length >= 2, "the admin also sees the platform's programme");

    // The holder sees it in their wallet; the owner revokes it.
    const mine = MyPassesAnswer.parse((await call("shopper@vitrine.demo", "GET", "/passes/mine")).json);
    const inWallet = mine.passes.find((p) => p.id === pass.id);
    assert.equal(inWallet?.passType.name.en, "Aubrelle Salon", "the wallet names the programme");
    assert.equal(inWallet?.passType.entitlements.earlyAccessLeadMinutes, 30);
    const revoked = await call(owner, "POST", `/passes/${pass.id}/revoke`, { reason: "Client asked" });
    assert.equal(revoked.status, 200);
    assert.equal(Pass.parse(revoked.json).status, "revoked");
  });
});
