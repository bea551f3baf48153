import assert from "node:assert/strict";
import { test } from "node:test";
import { assignSlot } from "./placement.ts";

test("placing a product on an empty slot", () => {
  assert.deepEqual(assignSlot([null, null, "a", null], 0, "b"), ["b", null, "a", null]);
});

test("moving a placed product swaps it with the one on the target slot", () => {
  assert.deepEqual(assignSlot(["a", "b", null, null], 1, "a"), ["b", "a", null, null]);
  assert.deepEqual(assignSlot(["a", null, null, null], 3, "a"), [null, null, null, "a"]);
});

test("emptying a slot, and slots out of range change nothing else", () => {
  assert.deepEqual(assignSlot(["a", "b", null, null], 1, null), ["a", null, null, null]);
  assert.deepEqual(assignSlot(["a", null, null, null], 7, "b"), ["a", null, null, null]);
});
