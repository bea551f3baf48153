import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { layoutAvenue, STREET_HALF_WIDTH } from "../avenue/layout.ts";
import { AVATAR_RADIUS, WALK_SPEED } from "../constants.ts";
import { WalkIntents } from "./intents.ts";
import { clampDirection, directionTowards, isWalkable, stepPose } from "./movement.ts";

const layout = layoutAvenue(["a1", "b2", "c3", "d4", "e5", "f6"]);
const start = { x: 0, z: layout.spawn.z - 3, heading: 0 };

describe("movement rules", () => {
  test("speed is clamped whatever the client asks for", () => {
    const next = stepPose(start, 50, 0, 0.1, layout);
    assert.ok(Math.abs(next.x - start.x - WALK_SPEED * 0.1) < 1e-9);
    const diagonal = stepPose(start, 1, 1, 0.1, layout);
    assert.ok(Math.hypot(diagonal.x - start.x, diagonal.z - start.z) <= WALK_SPEED * 0.1 + 1e-9);
  });

  test("a long frame cannot be used to teleport", () => {
    const next = stepPose(start, 1, 0, 10, layout);
    assert.ok(next.x - start.x <= WALK_SPEED * 0.25 + 1e-9);
  });

  test("non-finite directions do not move the avatar", () => {
    assert.deepEqual(clampDirection(Number.NaN, 1), { x: 0, z: 0 });
    const next = stepPose(start, Number.POSITIVE_INFINITY, 0, 0.1, layout);
    assert.equal(next.x, start.x);
  });

  test("walking into a facade stops at the facade", () => {
    const b = layout.boutiques.find((x) => x.side === "right");
    assert.ok(b);
    let pose = { x: 0, z: b.facade.z + 1.7, heading: 0 };
    for (let i = 0; i < 200; i++) pose = stepPose(pose, 1, 0, 1 / 30, layout);
    assert.ok(pose.x <= STREET_HALF_WIDTH - AVATAR_RADIUS + 1e-9, `x=${pose.x}`);
    assert.ok(isWalkable(layout, pose.x, pose.z));
  });

  test("walking past the end of the avenue stops at its bounds", () => {
    let pose = { ...start };
    for (let i = 0; i < 2000; i++) pose = stepPose(pose, 0, 1, 1 / 30, layout);
    assert.ok(pose.z <= layout.bounds.maxZ - AVATAR_RADIUS + 1e-9);
  });

  test("lamps and planters are obstacles", () => {
    const planter = layout.props.find((p) => p.kind === "planter");
    assert.ok(planter);
    assert.equal(isWalkable(layout, planter.x, planter.z), false);
  });

  test("directionTowards arrives without overshooting", () => {
    let pose = { ...start };
    const target = { x: 3, z: start.z - 4 };
    for (let i = 0; i < 200; i++) {
      const dir = directionTowards(pose, target);
      if (!dir) break;
      pose = stepPose(pose, dir.x, dir.z, 1 / 30, layout);
    }
    assert.ok(Math.hypot(pose.x - target.x, pose.z - target.z) < 0.2);
  });
});

describe("movement intents", () => {
  test("accept a direction within the unit square", () => {
    assert.ok(WalkIntents.move.safeParse({ dirX: 0.5, dirZ: -1 }).success);
  });
  test("reject NaN, infinity, strings, extra fields and missing fields", () => {
    for (const bad of [
      { dirX: Number.NaN, dirZ: 0 },
      { dirX: Number.POSITIVE_INFINITY, dirZ: 0 },
      { dirX: "1", dirZ: 0 },
      { dirX: 2, dirZ: 0 },
      { dirX: 0, dirZ: 0, teleport: true },
      { dirX: 0 },
      null,
      "move",
    ]) {
      assert.equal(WalkIntents.move.safeParse(bad).success, false, JSON.stringify(bad));
    }
  });
  test("reject absurd click targets", () => {
    assert.equal(WalkIntents.moveTo.safeParse({ x: 1e9, z: 0 }).success, false);
    assert.equal(WalkIntents.moveTo.safeParse({ x: Number.NaN, z: 0 }).success, false);
    assert.ok(WalkIntents.moveTo.safeParse({ x: 1, z: 2 }).success);
  });
});
