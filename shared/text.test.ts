import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { z } from "zod";
import { findUnsafeText, MAX_JSON_DEPTH, multiLine, singleLine } from "./text.ts";

const name = singleLine(z.string().trim().min(2, "too short").max(20));
const script = multiLine(z.string().max(200));

function refusal(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "?");
}

describe("shared text schema", () => {
  test("NFC-normalizes and trims, then applies the field's own rules", () => {
    assert.equal(name.parse("  Ame\u0301lie  "), "Amélie");
    assert.equal(name.parse("Amélie").length, 6);
    assert.equal(refusal(name, " a "), "too short");
  });

  test("refuses NUL, lone surrogates, controls and bidi overrides in a single line", () => {
    assert.match(refusal(name, "Ann\u0000e") ?? "", /NUL/);
    assert.match(refusal(name, "Ann\uD800e") ?? "", /surrogate/);
    assert.match(refusal(name, "Ann\uDC00e") ?? "", /surrogate/);
    assert.match(refusal(name, "Ann\u001Be") ?? "", /control character \(U\+001B\)/);
    assert.match(refusal(name, "Ann\u0085e") ?? "", /U\+0085/);
    assert.match(refusal(name, "abc\u202Eexe.txt") ?? "", /text-direction/);
    assert.match(refusal(name, "abc\u2066x") ?? "", /text-direction/);
    assert.match(refusal(name, "two\nlines") ?? "", /one line/);
    // Emoji (surrogate pairs) and non-Latin scripts are text like any other.
    assert.equal(name.parse("王小明 😀"), "王小明 😀");
  });

  test("multi-line text keeps tabs and line breaks and refuses the rest", () => {
    assert.equal(script.parse("one\n\ttwo\r\n"), "one\n\ttwo\r\n");
    assert.match(refusal(script, "one\u0000") ?? "", /NUL/);
    assert.match(refusal(script, "one\u0007") ?? "", /U\+0007/);
    assert.match(refusal(script, "\u202Dx") ?? "", /text-direction/);
  });

  test("a non-string is refused as before", () => {
    assert.notEqual(refusal(name, 42), null);
    assert.notEqual(refusal(name, null), null);
  });

  test("the net finds NUL and lone surrogates in any value or key, and hostile depth", () => {
    assert.equal(findUnsafeText({ a: ["ok", 1, null, { b: "fine" }] }), null);
    assert.deepEqual(findUnsafeText({ a: [{ b: "x\u0000" }] }), {
      path: "a.0.b",
      message: "Remove the NUL character (U+0000).",
    });
    assert.match(findUnsafeText({ "k\uD800": 1 })?.path ?? "", /key/);
    const deep = JSON.parse(`${"[".repeat(10_000)}${"]".repeat(10_000)}`);
    assert.match(findUnsafeText(deep)?.message ?? "", new RegExp(`${MAX_JSON_DEPTH} levels`));
  });
});
