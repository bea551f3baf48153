import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { AVATAR_RADIUS } from "../constants.ts";
import { isWalkable } from "../walking/movement.ts";
import { BOUTIQUE_FRONTAGE, layoutAvenue, SLOTS_PER_BOUTIQUE, STREET_HALF_WIDTH } from "./layout.ts";

const SIX = ["aurele", "veltane", "castellane", "noctis", "lumen", "sable"];

describe("layoutAvenue", () => {
  test("is deterministic for the same brands", () => {
    assert.deepEqual(layoutAvenue(SIX), layoutAvenue([...SIX]));
  });

  test("alternates sides and gives every boutique its own frontage", () => {
    const layout = layoutAvenue(SIX);
    assert.equal(layout.boutiques.length, 6);
    assert.deepEqual(
      layout.boutiques.map((b) => b.side),
      ["left", "right", "left", "right", "left", "right"],
    );
    for (const side of ["left", "right"] as const) {
      const zs = layout.boutiques.filter((b) => b.side === side).map((b) => b.facade.z);
      for (let i = 1; i < zs.length; i++)
        assert.ok(Math.abs((zs[i] ?? 0) - (zs[i - 1] ?? 0)) >= BOUTIQUE_FRONTAGE);
    }
  });

  test("facades face the street", () => {
    for (const b of layoutAvenue(SIX).boutiques) {
      const facing = { x: Math.sin(b.rotationY), z: Math.cos(b.rotationY) };
      // Facing vector points from the facade towards the centre line x = 0.
      assert.ok(facing.x * -b.facade.x > 0, `${b.brandId} faces away from the street`);
      assert.equal(Math.abs(b.facade.x), STREET_HALF_WIDTH);
    }
  });

  test("each boutique has display slots behind its facade, inside the shop", () => {
    for (const b of layoutAvenue(SIX).boutiques) {
      assert.equal(b.slots.length, SLOTS_PER_BOUTIQUE);
      for (const s of b.slots) {
        assert.ok(Math.abs(s.x) > STREET_HALF_WIDTH, "slot stands inside the shop window");
        assert.ok(Math.abs(s.z - b.facade.z) < b.width / 2, "slot lies within the frontage");
      }
    }
  });

  test("the spawn point is walkable and the shops are not", () => {
    const layout = layoutAvenue(SIX);
    assert.ok(isWalkable(layout, layout.spawn.x, layout.spawn.z));
    for (const b of layout.boutiques) {
      const inside = b.side === "left" ? b.facade.x - 3 : b.facade.x + 3;
      assert.equal(isWalkable(layout, inside, b.facade.z), false);
    }
    assert.equal(isWalkable(layout, 0, layout.bounds.maxZ + 1), false);
    assert.equal(isWalkable(layout, STREET_HALF_WIDTH - AVATAR_RADIUS / 2, 0), false);
  });

  test("an empty catalog still gives a walkable plaza", () => {
    const layout = layoutAvenue([]);
    assert.equal(layout.boutiques.length, 0);
    assert.ok(isWalkable(layout, layout.spawn.x, layout.spawn.z));
  });
});
