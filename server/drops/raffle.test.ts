import assert from "node:assert/strict";
import { test } from "node:test";
import { commitToSeed, newDrawSeed, recomputeDraw } from "./raffle.ts";

const entries = Array.from({ length: 200 }, (_, i) => `entry-${String(i).padStart(3, "0")}`);

test("the draw is reproducible from the seed, whatever the order entries are given in", () => {
  const seed = newDrawSeed();
  const a = recomputeDraw(seed, entries, 20);
  const b = recomputeDraw(seed, [...entries].reverse(), 20);
  assert.deepEqual(a, b);
  assert.equal(a.length, 20);
  assert.equal(new Set(a).size, 20, "no entry wins twice");
  for (const w of a) assert.ok(entries.includes(w));
});

test("another seed gives another draw", () => {
  const a = recomputeDraw("seed-one", entries, 20);
  const b = recomputeDraw("seed-two", entries, 20);
  assert.notDeepEqual(a, b);
});

test("fewer entries than stock: everyone wins; a known vector stays stable", () => {
  assert.deepEqual(recomputeDraw("s", ["b", "a"], 5).sort(), ["a", "b"]);
  assert.deepEqual(recomputeDraw("s", [], 5), []);
  const vector = recomputeDraw("vitrine", ["a", "b", "c", "d", "e"], 5);
  assert.deepEqual(recomputeDraw("vitrine", ["e", "d", "c", "b", "a"], 5), vector);
});

test("the commitment is sha256 of the seed text", () => {
  assert.equal(commitToSeed("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});
