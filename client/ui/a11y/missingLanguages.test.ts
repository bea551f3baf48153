import assert from "node:assert/strict";
import { test } from "node:test";
import { missingLanguages, piecesMissing } from "./missingLanguages.ts";

test("a text's missing languages, blank counting as missing", () => {
  assert.deepEqual(missingLanguages({ en: "Rose", fr: "Rose", de: " ", "zh-CN": "玫瑰" }), ["de"]);
  assert.deepEqual(missingLanguages({ en: "Rose" }), ["fr", "de", "zh-CN"]);
  assert.deepEqual(missingLanguages({ en: "Rose", fr: "Rose", de: "Rose", "zh-CN": "玫瑰" }), []);
});

test("only pieces with a gap are listed, each gap with its field", () => {
  const full = { en: "a", fr: "a", de: "a", "zh-CN": "a" };
  const rows = piecesMissing([
    { id: "complete", name: full, description: full },
    { id: "partial", name: full, description: { en: "a", fr: "a" } },
  ]);
  assert.deepEqual(
    rows.map((r) => [r.product.id, r.gaps]),
    [["partial", [{ field: "description", missing: ["de", "zh-CN"] }]]],
  );
});
