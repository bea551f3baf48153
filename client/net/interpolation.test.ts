import assert from "node:assert/strict";
import { test } from "node:test";
import { lerpAngle, SnapshotBuffer } from "./interpolation.ts";

test("samples between the two snapshots that bracket a time", () => {
  const b = new SnapshotBuffer();
  b.push({ t: 0, x: 0, z: 0, heading: 0 });
  b.push({ t: 100, x: 10, z: -10, heading: 1 });
  const out = { x: 0, z: 0, heading: 0 };
  b.sample(50, out);
  assert.deepEqual(out, { x: 5, z: -5, heading: 0.5 });
  b.sample(500, out);
  assert.deepEqual(out, { x: 10, z: -10, heading: 1 });
});

test("angles interpolate the short way round", () => {
  const k = lerpAngle(Math.PI - 0.1, -Math.PI + 0.1, 0.5);
  assert.ok(Math.abs(Math.abs(k) - Math.PI) < 1e-9);
});
