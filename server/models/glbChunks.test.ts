import assert from "node:assert/strict";
import { test } from "node:test";
import { describeBytes, parseGlb } from "./glbChunks.ts";

/** A GLB with the given JSON text and BIN payload. */
function glb(json: string, bin?: Uint8Array): Uint8Array {
  const pad = (n: number) => (4 - (n % 4)) % 4;
  const jsonBytes = new TextEncoder().encode(json + " ".repeat(pad(json.length)));
  const binLength = bin ? bin.byteLength + pad(bin.byteLength) : 0;
  const total = 12 + 8 + jsonBytes.byteLength + (bin ? 8 + binLength : 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonBytes.byteLength, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  if (bin) {
    const at = 20 + jsonBytes.byteLength;
    view.setUint32(at, binLength, true);
    view.setUint32(at + 4, 0x004e4942, true);
    out.set(bin, at + 8);
  }
  return out;
}

test("a well-formed GLB splits into its JSON and BIN chunks", () => {
  const parsed = parseGlb(glb('{"asset":{"version":"2.0"}}', new Uint8Array([1, 2, 3, 4])));
  assert.ok(parsed.ok);
  assert.match(new TextDecoder().decode(parsed.json), /"2.0"/);
  assert.deepEqual([...(parsed.bin ?? [])], [1, 2, 3, 4]);
});

test("broken GLBs say what is wrong, with the expected and measured values", () => {
  const whole = glb('{"asset":{"version":"2.0"}}', new Uint8Array(16));
  const truncated = parseGlb(whole.subarray(0, whole.byteLength - 8));
  assert.ok(!truncated.ok);
  assert.match(truncated.reason, /truncated/);
  assert.equal(truncated.expected, whole.byteLength);
  const notGlb = parseGlb(new TextEncoder().encode("this is a text file, not a model at all"));
  assert.ok(!notGlb.ok);
  assert.match(notGlb.reason, /not a binary glTF/);
  const v1 = glb("{}");
  new DataView(v1.buffer).setUint32(4, 1, true);
  const version = parseGlb(v1);
  assert.ok(!version.ok);
  assert.equal(version.measured, 1);
  assert.equal(parseGlb(new Uint8Array(3)).ok, false);
});

test("describeBytes recognises common impostors", () => {
  assert.match(describeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])), /PNG/);
  assert.match(describeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04])), /zip/);
  assert.match(describeBytes(new TextEncoder().encode("hello")), /text/);
});
