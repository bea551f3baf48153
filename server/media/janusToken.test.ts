import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { test } from "node:test";
import { signJanusToken, VIDEOROOM_PLUGIN } from "./janusToken.ts";

test("a Janus signed token is <expiry>,janus,<plugins>:<base64 HMAC-SHA1 of that text>", () => {
  const token = signJanusToken("s3cret", new Date(1_700_000_000_500), [VIDEOROOM_PLUGIN]);
  const [data, signature] = token.split(":");
  assert.equal(data, "1700000000,janus,janus.plugin.videoroom");
  assert.equal(
    signature,
    createHmac("sha1", "s3cret")
      .update(data ?? "")
      .digest("base64"),
  );
  assert.throws(() => signJanusToken("s3cret", new Date(), ["a,b"]), /cannot contain commas/);
});
