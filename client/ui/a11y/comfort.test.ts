import assert from "node:assert/strict";
import { test } from "node:test";
import { comfortKey, DEFAULT_COMFORT, motionReduced, readComfort, showsList } from "./comfort.ts";

test("saved settings are read back; missing fields take their defaults", () => {
  const s = readComfort(JSON.stringify({ motion: "reduce", largeText: true }));
  assert.equal(s.motion, "reduce");
  assert.equal(s.largeText, true);
  assert.equal(s.view, "auto");
  assert.equal(s.highContrast, false);
});

test("nothing saved, broken JSON or a wrong value gives the defaults, never a throw", () => {
  assert.deepEqual(readComfort(null), DEFAULT_COMFORT);
  assert.deepEqual(readComfort("{not json"), DEFAULT_COMFORT);
  assert.deepEqual(readComfort(JSON.stringify({ motion: "wobbly" })), DEFAULT_COMFORT);
});

test("motion follows the system unless the reader chose", () => {
  assert.equal(motionReduced({ ...DEFAULT_COMFORT, motion: "system" }, true), true);
  assert.equal(motionReduced({ ...DEFAULT_COMFORT, motion: "system" }, false), false);
  assert.equal(motionReduced({ ...DEFAULT_COMFORT, motion: "full" }, true), false);
  assert.equal(motionReduced({ ...DEFAULT_COMFORT, motion: "reduce" }, false), true);
});

test("the list shows when chosen, and always without WebGL", () => {
  assert.equal(showsList(DEFAULT_COMFORT, true), false);
  assert.equal(showsList({ ...DEFAULT_COMFORT, view: "list" }, true), true);
  assert.equal(showsList(DEFAULT_COMFORT, false), true);
});

test("each person has their own settings key", () => {
  assert.notEqual(comfortKey("u1"), comfortKey("u2"));
  assert.equal(comfortKey(null), "vitrine.comfort.guest");
});
