/**
 * Issue 10: someone flooding an account's email with wrong passwords is slowed (a delay that
 * doubles, per email and address), and the owner, from their own address, still signs in.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEFAULT_SIGN_IN_LIMITS, delayAfter } from "../../server/accounts/signInThrottle.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const OWNER = { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" };
const ATTACKER_ADDRESS = "203.0.113.9";
const OWNER_ADDRESS = "198.51.100.7";

/** A sign-in as seen from `address` (the server trusts X-Forwarded-For from loopback, as behind a proxy). */
function signInFrom(url: string, address: string, body: { email: string; password: string }) {
  return fetch(`${url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
}

describe("sign-in throttle", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
  });

  test("the delay doubles after the free failures and is capped", () => {
    const limits = DEFAULT_SIGN_IN_LIMITS;
    assert.equal(delayAfter(limits.freeFailures, limits), 0);
    assert.equal(delayAfter(limits.freeFailures + 1, limits), 1);
    assert.equal(delayAfter(limits.freeFailures + 2, limits), 2);
    assert.equal(delayAfter(limits.freeFailures + 4, limits), 8);
    assert.equal(delayAfter(limits.freeFailures + 40, limits), limits.maxDelaySeconds);
  });

  test("a flood of wrong passwords for the owner's email slows the flooder, never the owner", async () => {
    const wrong = { email: OWNER.email, password: "guess guess guess" };
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.freeFailures + 1; i++) {
      assert.equal((await signInFrom(server.url, ATTACKER_ADDRESS, wrong)).status, 401, `guess ${i + 1}`);
    }
    // The next guess from that address must wait, even with the right password.
    const slowed = await signInFrom(server.url, ATTACKER_ADDRESS, OWNER);
    assert.equal(slowed.status, 429);
    const body = (await slowed.json()) as { error: { code: string; details: { retryAfterSeconds: number } } };
    assert.equal(body.error.code, "rate_limited");
    assert.equal(Number(slowed.headers.get("retry-after")), body.error.details.retryAfterSeconds);

    // Many more attempts from the flooder (all refused) change nothing for the owner.
    for (let i = 0; i < 20; i++) await signInFrom(server.url, ATTACKER_ADDRESS, wrong);
    const owner = await signInFrom(server.url, OWNER_ADDRESS, OWNER);
    assert.equal(owner.status, 200, "the owner signs in from their own address");
  });

  test("a success clears the owner's own failures", async () => {
    const wrong = { email: OWNER.email, password: "typo typo typo" };
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.freeFailures; i++) {
      assert.equal((await signInFrom(server.url, OWNER_ADDRESS, wrong)).status, 401);
    }
    assert.equal((await signInFrom(server.url, OWNER_ADDRESS, OWNER)).status, 200);
    // Counted from zero again: the free failures are free again.
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.freeFailures; i++) {
      assert.equal((await signInFrom(server.url, OWNER_ADDRESS, wrong)).status, 401);
    }
    assert.equal((await signInFrom(server.url, OWNER_ADDRESS, OWNER)).status, 200);
  });
});
