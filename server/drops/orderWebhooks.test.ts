import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { signWebhookBody, verifyWebhookSignature } from "./orderWebhooks.ts";

const secret = "whsec_0123456789abcdef";
const body = JSON.stringify({ type: "order.created", claimId: "c1" });

test("the signature is HMAC-SHA256 over `t.body`, in the documented header format", () => {
  const header = signWebhookBody(secret, body, 1_800_000_000);
  const expected = createHmac("sha256", secret).update(`1800000000.${body}`).digest("hex");
  assert.equal(header, `t=1800000000,v1=${expected}`);
});

test("verification: accepts a fresh signature; refuses another body, secret, a stale time or garbage", () => {
  const header = signWebhookBody(secret, body, 1_800_000_000);
  assert.ok(verifyWebhookSignature(secret, body, header, 1_800_000_100));
  assert.ok(!verifyWebhookSignature(secret, `${body} `, header, 1_800_000_100));
  assert.ok(!verifyWebhookSignature("whsec_another_secret_00", body, header, 1_800_000_100));
  assert.ok(!verifyWebhookSignature(secret, body, header, 1_800_000_301), "older than 5 minutes");
  assert.ok(!verifyWebhookSignature(secret, body, "t=abc,v1=zz", 1_800_000_000));
  assert.ok(!verifyWebhookSignature(secret, body, "", 1_800_000_000));
});
