import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  readSessionToken,
  SESSION_COOKIE_NAME,
  serializeClearedSessionCookie,
  serializeSessionCookie,
} from "./sessionCookie.ts";
import { createSessionToken, hashSessionToken, isWellFormedSessionToken } from "./sessionToken.ts";

describe("session tokens", () => {
  test("are 32 random bytes in base64url, distinct each time", () => {
    const a = createSessionToken();
    const b = createSessionToken();
    assert.notEqual(a, b);
    assert.ok(isWellFormedSessionToken(a));
    assert.equal(Buffer.from(a, "base64url").length, 32);
  });

  test("hash to 64 hex characters", () => {
    assert.match(hashSessionToken(createSessionToken()), /^[0-9a-f]{64}$/);
  });
});

describe("readSessionToken", () => {
  const token = createSessionToken();

  test("finds the token among other cookies, quoted or not", () => {
    assert.equal(readSessionToken(`a=1; ${SESSION_COOKIE_NAME}=${token}; b=2`), token);
    assert.equal(readSessionToken(`${SESSION_COOKIE_NAME}="${token}"`), token);
    assert.equal(readSessionToken(`${SESSION_COOKIE_NAME}=bad; ${SESSION_COOKIE_NAME}=${token}`), token);
  });

  test("returns null for anything else, without throwing", () => {
    for (const header of [
      undefined,
      null,
      7,
      {},
      "",
      "garbage",
      `${SESSION_COOKIE_NAME}`,
      `x${SESSION_COOKIE_NAME}=${token}`,
    ]) {
      assert.equal(readSessionToken(header), null);
    }
    assert.equal(readSessionToken(`${SESSION_COOKIE_NAME}=${token}; ${"x".repeat(20_000)}`), null);
  });
});

describe("Set-Cookie values", () => {
  test("carry HttpOnly, SameSite=Lax, Path=/ and Max-Age; Secure only when asked", () => {
    const plain = serializeSessionCookie("tok", 3600.7, { secure: false });
    assert.equal(plain, `${SESSION_COOKIE_NAME}=tok; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax`);
    assert.match(serializeSessionCookie("tok", 60, { secure: true }), /; Secure$/);
  });

  test("clearing expires the cookie at once", () => {
    const cleared = serializeClearedSessionCookie({ secure: false });
    assert.match(cleared, new RegExp(`^${SESSION_COOKIE_NAME}=; `));
    assert.match(cleared, /Max-Age=0/);
    assert.match(cleared, /HttpOnly/);
  });
});
