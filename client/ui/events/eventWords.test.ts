import assert from "node:assert/strict";
import { test } from "node:test";
import { formatSpan } from "./eventWords.ts";

test("a countdown span reads m:ss under an hour, h:mm:ss above, never negative", () => {
  assert.equal(formatSpan(0), "0:00");
  assert.equal(formatSpan(59_001), "1:00", "a started second counts whole");
  assert.equal(formatSpan(61_000), "1:01");
  assert.equal(formatSpan(3_600_000), "1:00:00");
  assert.equal(formatSpan(3_725_000), "1:02:05");
  assert.equal(formatSpan(-5_000), "0:00");
});
