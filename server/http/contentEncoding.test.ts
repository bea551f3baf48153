import assert from "node:assert/strict";
import { test } from "node:test";
import { chooseContentCoding, varyOnAcceptEncoding } from "./contentEncoding.ts";

test("Accept-Encoding is weighed by q-values, brotli preferred on a tie, identity the fallback", () => {
  const cases: [string | undefined, ReturnType<typeof chooseContentCoding>][] = [
    [undefined, "identity"],
    ["", "identity"],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["GZIP", "gzip"],
    ["x-gzip", "gzip"],
    ["br;q=0.5, gzip;q=0.9", "gzip"],
    ["br;q=0, gzip;q=0.8", "gzip"],
    ["gzip;q=0.1", "gzip"],
    ["*", "br"],
    ["*;q=0.5, br;q=0", "gzip"],
    ["deflate", "identity"],
    ["br;q=0, gzip;q=0", "identity"],
    ["identity;q=0", null],
    ["*;q=0", null],
    ["*;q=0, identity", "identity"],
    ["gzip;q=nonsense", "gzip"],
    ["br ; q=1.0 , gzip", "br"],
  ];
  for (const [header, expected] of cases) assert.equal(chooseContentCoding(header), expected, String(header));
});

test("only the codings on offer are chosen", () => {
  assert.equal(chooseContentCoding("br, gzip", ["gzip"]), "gzip");
  assert.equal(chooseContentCoding("br", ["gzip"]), "identity");
  assert.equal(chooseContentCoding("br, identity;q=0", ["gzip"]), null);
});

test("Vary gains Accept-Encoding once and keeps what was there", () => {
  assert.equal(varyOnAcceptEncoding(undefined), "Accept-Encoding");
  assert.equal(varyOnAcceptEncoding("Origin"), "Origin, Accept-Encoding");
  assert.equal(varyOnAcceptEncoding("origin, accept-encoding"), "origin, accept-encoding");
  assert.equal(varyOnAcceptEncoding("*"), "*");
});
