import assert from "node:assert/strict";
import { test } from "node:test";
import { AVATAR_RADIUS } from "./constants.ts";
import { layoutVitrine, PEDESTAL_RADIUS, parseVitrineRefusal, vitrineRefusal } from "./vitrineRoom.ts";
import { isWalkable } from "./walking/movement.ts";

test("every collection size gets pedestals inside the walls, apart, and a walkable entrance", () => {
  for (const n of [0, 1, 2, 3, 4, 7, 12, 25]) {
    const layout = layoutVitrine(n);
    assert.equal(layout.pedestals.length, n);
    assert.equal(layout.colliders.length, n, "one collider per pedestal");
    const half = layout.room.width / 2;
    for (const p of layout.pedestals) {
      assert.ok(Math.abs(p.x) + PEDESTAL_RADIUS < half, `pedestal inside the side walls (n=${n})`);
      assert.ok(
        p.z - PEDESTAL_RADIUS > layout.room.backZ && p.z < layout.room.frontZ,
        "inside back and front",
      );
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = layout.pedestals[i];
        const b = layout.pedestals[j];
        if (!a || !b) continue;
        assert.ok(
          Math.hypot(a.x - b.x, a.z - b.z) > 2 * PEDESTAL_RADIUS + 2 * AVATAR_RADIUS,
          "room to pass between",
        );
      }
    }
    assert.ok(isWalkable(layout, layout.spawn.x, layout.spawn.z), `the entrance is walkable (n=${n})`);
    assert.ok(!layout.pedestals.some((p) => isWalkable(layout, p.x, p.z)), "nobody stands on a pedestal");
  }
});

test("the first piece stands in the middle of the back wall, facing the entrance", () => {
  const [first] = layoutVitrine(1).pedestals;
  assert.deepEqual(first, { x: 0, z: 1.5, rotationY: 0 });
  assert.ok(
    layoutVitrine(9).room.frontZ > layoutVitrine(3).room.frontZ,
    "the room deepens with the collection",
  );
});

test("a refused join's error reads back as its refusal; anything else does not", () => {
  const refusal = vitrineRefusal("link_invalid");
  assert.deepEqual(parseVitrineRefusal({ code: 403, message: JSON.stringify(refusal) }), refusal);
  assert.equal(parseVitrineRefusal({ code: 500, message: JSON.stringify(refusal) }), null);
  assert.equal(parseVitrineRefusal({ code: 403, message: "not json" }), null);
  assert.equal(parseVitrineRefusal(null), null);
});
