/**
 * Issue 10, item by item: unannounced drops 404 to outsiders, strict dates, the password policy,
 * webhooks to internal addresses refused, and chat tricks (zero-width, look-alikes) still filtered.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isInternalAddress, requirePublicWebhookUrl } from "../../server/drops/webhookAddress.ts";
import { maskProfanity } from "../../server/host/chatFilter.ts";
import { removeInvisible } from "../../server/host/chatNormalize.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const OWNER = { email: "owner.aubrelle@vitrine.demo", password: "vitrine-owner-1" };
const SHOPPER = { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" };
const PRODUCT = "aubrelle-solitaire-etoile";

async function signIn(server: TestServer, who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(who),
  });
  assert.equal(res.status, 200, `${who.email} signs in`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

function send(server: TestServer, method: string, path: string, body: unknown, cookie?: string) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

const DAY = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

function dropBody(announceAt: unknown) {
  return {
    productId: PRODUCT,
    title: { en: "Étoile, the secret one" },
    mode: "fcfs",
    stock: 5,
    perAccountLimit: 1,
    announceAt,
    earlyAccessStartsAt: inDays(8),
    publicStartsAt: inDays(9),
    endsAt: inDays(10),
  };
}

describe("hardening policies", () => {
  let server: TestServer;
  let owner: string;
  let shopper: string;
  before(async () => {
    server = await startTestServer();
    owner = await signIn(server, OWNER);
    shopper = await signIn(server, SHOPPER);
  });
  after(async () => {
    await server.stop();
  });

  test("a scheduled, unannounced drop is 404 to guests and shoppers, visible to its brand", async () => {
    const created = await send(server, "POST", "/api/brands/aubrelle/drops", dropBody(inDays(7)), owner);
    assert.equal(created.status, 201, JSON.stringify(await created.clone().json()));
    const drop = (await created.json()) as { id: string; phase: string };
    assert.equal(drop.phase, "scheduled");
    const asGuest = await fetch(`${server.url}/api/drops/${drop.id}`);
    assert.equal(asGuest.status, 404);
    const body = JSON.stringify(await asGuest.json());
    assert.doesNotMatch(body, /secret|Étoile/, "nothing of the drop leaks");
    assert.equal(
      (await fetch(`${server.url}/api/drops/${drop.id}`, { headers: { cookie: shopper } })).status,
      404,
    );
    const asOwner = await fetch(`${server.url}/api/drops/${drop.id}`, { headers: { cookie: owner } });
    assert.equal(asOwner.status, 200);
  });

  test("dates must be ISO instants within 2000–2099: null, true, -1, 1970 and '' are refused", async () => {
    for (const bad of [null, true, -1, 0, "", "1970-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "tomorrow"]) {
      const res = await send(server, "POST", "/api/brands/aubrelle/drops", dropBody(bad), owner);
      assert.equal(res.status, 400, `announceAt ${JSON.stringify(bad)}`);
      assert.equal((await errorOf(res)).code, "validation_failed");
    }
  });

  test("the password policy refuses blanks, the email and guessable passwords; keeps good ones", async () => {
    const signUp = (email: string, password: string) =>
      send(server, "POST", "/api/auth/signup", { email, password, displayName: "Ines" });
    for (const [password, why] of [
      ["          ", /spaces/],
      ["ines.martin@example.com", /email/],
      ["ines.martin", /email/],
      ["password1234", /guess/],
      ["qwertyuiop", /guess/],
    ] as const) {
      const res = await signUp("ines.martin@example.com", password);
      assert.equal(res.status, 400, password);
      const error = await errorOf(res);
      assert.equal(error.code, "validation_failed");
      assert.match(error.message, why);
    }
    assert.equal((await signUp("ines.martin@example.com", "velvet lantern orchard 7")).status, 201);
  });

  test("a webhook to loopback, private or link-local addresses is refused", async () => {
    for (const url of [
      "http://127.0.0.1/orders",
      "http://169.254.169.254/latest/meta-data",
      "http://10.1.2.3/x",
      "http://[::1]:8080/x",
      "http://[::ffff:127.0.0.1]/x",
      "http://localhost/x",
    ]) {
      const res = await send(
        server,
        "PUT",
        "/api/brands/aubrelle/webhook",
        { url, secret: "s".repeat(32) },
        owner,
      );
      assert.equal(res.status, 400, url);
      assert.equal((await errorOf(res)).code, "validation_failed");
    }
    assert.equal(isInternalAddress("93.184.216.34"), false);
    assert.equal(isInternalAddress("192.168.1.1"), true);
    assert.equal(isInternalAddress("fd00::1"), true);
    // A name that resolves inside is refused too (the resolver stands in for DNS here).
    await assert.rejects(
      requirePublicWebhookUrl("https://shop.example/o", async () => ["10.0.0.7"]),
      /internal/,
    );
    await requirePublicWebhookUrl("https://shop.example/o", async () => ["93.184.216.34"]);
  });

  test("chat: zero-width characters and look-alike letters do not get past the filter", () => {
    const filtered = (text: string) => maskProfanity(removeInvisible(text));
    assert.equal(filtered("what the f\u200Buck"), "what the f***");
    assert.equal(filtered("what the fu\u0441k"), "what the f***", "Cyrillic с");
    assert.equal(filtered("\uFF46\uFF55\uFF43\uFF4B you"), "\uFF46*** you", "fullwidth");
    assert.equal(filtered("Scunthorpe, 10 000 €"), "Scunthorpe, 10 000 €");
    assert.equal(filtered("👩\u200D💻 ok"), "👩\u200D💻 ok", "emoji joiners stay");
  });
});
