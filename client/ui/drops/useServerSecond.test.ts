import assert from "node:assert/strict";
import { test } from "node:test";
import { nextWakeMs } from "./useServerSecond.ts";

test("wakes 5 ms past the next whole server second", () => {
  assert.equal(nextWakeMs(10_000, []), 1_005);
  assert.equal(nextWakeMs(10_998, []), 7);
});

test("a phase instant before the next second wakes it earlier; past ones are ignored", () => {
  assert.equal(nextWakeMs(10_200, [10_500]), 305);
  assert.equal(nextWakeMs(10_200, [9_000, 12_000]), 805);
});
