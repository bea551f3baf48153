import assert from "node:assert/strict";
import { test } from "node:test";
import { layoutAvenue } from "../../../shared/avenue/layout.ts";
import { isWalkable } from "../../../shared/walking/movement.ts";
import { boutiqueApproach } from "./approach.ts";

test("every boutique's standing point is on the walkable street, facing its facade", () => {
  const layout = layoutAvenue(["a", "b", "c", "d", "e", "f"]);
  for (const b of layout.boutiques) {
    const p = boutiqueApproach(b);
    assert.ok(isWalkable(layout, p.x, p.z), `${b.brandId} standing point is walkable`);
    // Looking along the yaw from the standing point goes towards the facade.
    const ahead = { x: p.x + Math.sin(p.yaw), z: p.z + Math.cos(p.yaw) };
    assert.ok(Math.abs(ahead.x - b.facade.x) < Math.abs(p.x - b.facade.x), `${b.brandId} faced`);
  }
});
