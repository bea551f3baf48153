import assert from "node:assert/strict";
import { test } from "node:test";
import type { Client } from "@colyseus/core";
import { Encoder, schema, t } from "@colyseus/schema";
import { VIEW_HYSTERESIS } from "../../../shared/constants.ts";
import { AvatarState, PoseTag, writePose } from "../../../shared/walking/avatarState.ts";
import { AvatarInterest, type Radii, type Tier, tierFor } from "./interest.ts";
import { SpatialGrid } from "./spatialGrid.ts";

const radii: Radii = { near: 10, view: 30 };

test("tiers: near inside the near radius, far out to the view radius, none beyond", () => {
  assert.equal(tierFor(undefined, 9 ** 2, radii), "near");
  assert.equal(tierFor(undefined, 11 ** 2, radii), "far");
  assert.equal(tierFor(undefined, 29 ** 2, radii), "far");
  assert.equal(tierFor(undefined, 31 ** 2, radii), null);
});

test("tiers keep their place across the hysteresis band, and change beyond it", () => {
  assert.equal(tierFor("near", 11 ** 2, radii), "near", "a near avatar stays near just past the edge");
  assert.equal(tierFor("near", 13 ** 2, radii), "far");
  assert.equal(tierFor("far", 11 ** 2, radii), "far", "a far one turns near only inside the radius");
  assert.equal(tierFor("far", 9 ** 2, radii), "near");
  assert.equal(tierFor("far", (30 + VIEW_HYSTERESIS - 1) ** 2, radii), "far", "in view until past the band");
  assert.equal(tierFor("far", (30 + VIEW_HYSTERESIS + 1) ** 2, radii), null);
  assert.equal(tierFor("near", (30 + VIEW_HYSTERESIS + 1) ** 2, radii), null, "a teleport leaves at once");
});

/** A repeatable scatter (no Math.random: a failure replays). */
function scatter(n: number, seed: number, spread: number) {
  let s = seed >>> 0;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    x: (rnd() - 0.5) * spread,
    z: (rnd() - 0.5) * spread * 3,
  }));
}

test("the grid finds exactly the points a pairwise scan finds, for every point and radius", () => {
  const points = scatter(400, 7, 120);
  const grid = new SpatialGrid<(typeof points)[number]>(35);
  for (const p of points) grid.insert(p);
  for (const radius of [3, 20, 35, 80]) {
    for (const at of points) {
      const found = new Set<string>();
      grid.near(at, radius, (p) => found.add(p.id));
      const pairwise = new Set(
        points.filter((p) => (p.x - at.x) ** 2 + (p.z - at.z) ** 2 <= radius ** 2).map((p) => p.id),
      );
      assert.deepEqual(found, pairwise, `radius ${radius} around ${at.id}`);
    }
  }
});

const Plaza = schema({ avatars: t.map(AvatarState).view() }, "InterestTestState");

test("each view holds the tiers a pairwise scan decides, refresh after refresh", () => {
  const state = new Plaza();
  new Encoder(state); // binds the state's root: StateView refuses detached instances
  const points = scatter(150, 11, 90);
  for (const p of points) {
    const a = new AvatarState().assign({ name: p.id, kind: "guest", look: 0, anim: 0, connected: true });
    writePose(a, { x: p.x, z: p.z, heading: 0 });
    state.avatars.set(p.id, a);
  }
  const interest = new AvatarInterest(radii.view, radii.near);
  const clients = points.slice(0, 20).map((p) => ({ sessionId: p.id }) as unknown as Client);
  for (const c of clients) interest.attach(c, state.avatars.get(c.sessionId));
  const expected = new Map<string, Map<string, Tier>>(clients.map((c) => [c.sessionId, new Map()]));
  for (let round = 0; round < 4; round++) {
    interest.refresh(clients, state.avatars);
    for (const c of clients) {
      const self = points.find((p) => p.id === c.sessionId);
      const before = expected.get(c.sessionId);
      assert.ok(self && before);
      const after = new Map<string, Tier>();
      for (const p of points) {
        if (p === self) continue;
        const tier = tierFor(before.get(p.id), (p.x - self.x) ** 2 + (p.z - self.z) ** 2, radii);
        if (tier) after.set(p.id, tier);
      }
      expected.set(c.sessionId, after);
      assert.deepEqual(interest.tiersOf(c.sessionId), after, `round ${round}, view of ${c.sessionId}`);
      const view = c.view;
      assert.ok(view);
      for (const [id, tier] of after) {
        const a = state.avatars.get(id);
        assert.ok(a && view.has(a), `${id} visible to ${c.sessionId}`);
        assert.ok(view.hasTag(a, tier === "near" ? PoseTag.near : PoseTag.far), `${id} tagged ${tier}`);
        assert.ok(!view.hasTag(a, tier === "near" ? PoseTag.far : PoseTag.near), `${id} not tagged both`);
      }
    }
    // Everyone walks a few metres: some cross the near edge, some leave, some come in.
    for (const p of points) {
      p.x += ((Number(p.id.slice(1)) % 7) - 3) * 2.5;
      p.z += ((Number(p.id.slice(1)) % 5) - 2) * 3;
      const a = state.avatars.get(p.id);
      if (a) writePose(a, { x: p.x, z: p.z, heading: 0 });
    }
  }
});
