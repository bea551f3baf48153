import assert from "node:assert/strict";
import { test } from "node:test";
import { QUALITY_LEVELS, QualityController } from "./qualityController.ts";

const TARGET = 1000 / 60;

/** Feeds `windows` full windows of `ms` per frame; returns the levels it changed to. */
function feed(q: QualityController, ms: number, windows: number, window = 30): number[] {
  const changes: number[] = [];
  for (let i = 0; i < windows * window; i++) if (q.frame(ms)) changes.push(q.levelIndex);
  return changes;
}

test("a machine that keeps the target stays at the top level", () => {
  const q = new QualityController();
  assert.deepEqual(feed(q, 16.6, 20), []);
  assert.equal(q.level, QUALITY_LEVELS[QUALITY_LEVELS.length - 1]);
});

test("slow frames lower the quality one level per window, down to the cheapest and no further", () => {
  const q = new QualityController();
  assert.deepEqual(feed(q, 40, 6), [2, 1, 0]);
  assert.equal(q.level.dpr, 1);
  assert.ok(q.level.shadowMapSize < (QUALITY_LEVELS[3]?.shadowMapSize ?? 0));
  assert.ok(q.level.lodDistance < (QUALITY_LEVELS[3]?.lodDistance ?? 0));
});

test("a window is judged by its median: a few hitches change nothing", () => {
  const q = new QualityController();
  for (let w = 0; w < 10; w++) {
    for (let i = 0; i < 30; i++) assert.equal(q.frame(i < 5 ? 200 : 15), null);
  }
  assert.equal(q.levelIndex, 3);
});

test("frames just over the target neither lower nor raise the level", () => {
  const q = new QualityController({ start: 1 });
  assert.deepEqual(feed(q, TARGET * 1.15, 30), []);
  assert.equal(q.levelIndex, 1);
});

test("good windows raise the level again, and a level that proved slow is retried later and later", () => {
  const q = new QualityController({ start: 2, windowsToRaise: 4 });
  assert.deepEqual(feed(q, 40, 1), [1], "level 2 is too slow");
  assert.deepEqual(feed(q, 12, 3), [], "three good windows are not enough");
  assert.deepEqual(feed(q, 12, 1), [], "level 2 failed once: it waits twice as long");
  assert.deepEqual(feed(q, 12, 4), [2], "after eight good windows it tries level 2 again");
  assert.deepEqual(feed(q, 40, 1), [1], "still too slow");
  assert.deepEqual(feed(q, 12, 15), [], "two failures: sixteen windows now");
  assert.deepEqual(feed(q, 12, 1), [2]);
});

test("paused or hidden frames (zero, negative, not finite) are ignored", () => {
  const q = new QualityController({ window: 2 });
  for (const t of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(q.frame(t), null);
  assert.equal(q.frame(50), null);
  assert.notEqual(q.frame(50), null, "the two real frames make a window");
});

test("the start level is clamped to the levels given, and an empty list is refused", () => {
  assert.equal(new QualityController({ start: 99 }).levelIndex, QUALITY_LEVELS.length - 1);
  assert.equal(new QualityController({ start: -3 }).levelIndex, 0);
  assert.throws(() => new QualityController({ levels: [] }), /at least one level/);
});
