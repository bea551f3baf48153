import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AvatarState,
  HEADING_STEPS,
  headingOf,
  POSITION_STEP,
  poseOf,
  poseTier,
  positionOf,
  publishFarPose,
  quantizeHeading,
  quantizePosition,
  writePose,
} from "./avatarState.ts";

const angleGap = (a: number, b: number) => {
  const d = Math.abs(a - b) % (Math.PI * 2);
  return Math.min(d, Math.PI * 2 - d);
};

test("a position survives the wire within half a step, across the floor's range", () => {
  for (const metres of [0, 0.004, -0.004, 1.2345, -87.6543, 300.01, -511.99]) {
    const back = positionOf(quantizePosition(metres));
    assert.ok(Math.abs(back - metres) <= POSITION_STEP / 2 + 1e-12, `${metres} → ${back}`);
  }
});

test("positions beyond ±512 m clamp to the int16 range instead of wrapping", () => {
  assert.equal(quantizePosition(10_000), 32767);
  assert.equal(quantizePosition(-10_000), -32768);
});

test("a heading in any range survives within half a step, as a byte", () => {
  const half = Math.PI / HEADING_STEPS;
  for (const h of [0, 0.01, Math.PI, -Math.PI, -0.3, 2.5, 7, -20]) {
    const q = quantizeHeading(h);
    assert.ok(Number.isInteger(q) && q >= 0 && q < HEADING_STEPS, `${h} → step ${q}`);
    assert.ok(angleGap(headingOf(q), h) <= half + 1e-12, `${h} → ${headingOf(q)}`);
  }
});

test("writePose assigns only what changed after rounding, so a standing avatar sends nothing", () => {
  const a = new AvatarState().assign({ name: "A", kind: "guest", look: 0, anim: 0, connected: true });
  // On step boundaries, so a quarter step cannot round either way.
  const heading = headingOf(40);
  writePose(a, { x: 3.25, z: -4.5, heading });
  const before = { qx: a.qx, qz: a.qz, qh: a.qh };
  // A move smaller than half a step leaves the synced fields (and their change flags) alone.
  let assigned = 0;
  const spy = new Proxy(a, {
    set(target, key, value) {
      assigned++;
      return Reflect.set(target, key, value);
    },
  });
  writePose(spy, { x: 3.25 + POSITION_STEP / 4, z: -4.5, heading: heading + 0.001 });
  assert.equal(assigned, 0, "nothing assigned");
  assert.deepEqual({ qx: a.qx, qz: a.qz, qh: a.qh }, before);
  writePose(spy, { x: 3.5, z: -4.5, heading });
  assert.equal(assigned, 1, "only x changed");
  const p = poseOf(a);
  assert.ok(Math.abs(p.x - 3.5) <= POSITION_STEP / 2 && Math.abs(p.z + 4.5) <= POSITION_STEP / 2);
});

test("the far copy follows the near one only when published", () => {
  const a = new AvatarState().assign({ name: "A", kind: "guest", look: 0, anim: 0, connected: true });
  writePose(a, { x: 1, z: 2, heading: 0.5 });
  publishFarPose(a);
  writePose(a, { x: 5, z: 2, heading: 0.5 });
  assert.equal(positionOf(a.fx), 1, "far copy still at the published place");
  publishFarPose(a);
  assert.equal(positionOf(a.fx), 5);
  assert.deepEqual([a.fz, a.fh], [a.qz, a.qh]);
});

test("a client holding only the far copy reads it; with the near copy, the near one", () => {
  const far = new AvatarState().assign({ name: "F", kind: "guest", look: 0, anim: 0, connected: true });
  far.fx = quantizePosition(30);
  far.fz = quantizePosition(-2);
  far.fh = quantizeHeading(1);
  assert.equal(poseTier(far), "far");
  assert.equal(poseOf(far).x, 30);
  writePose(far, { x: 10, z: 0, heading: 0 });
  assert.equal(poseTier(far), "near");
  assert.equal(poseOf(far).x, 10);
});
