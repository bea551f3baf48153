import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { poseOf, poseTier } from "../../shared/walking/avatarState.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

// A small view radius makes interest management observable on the demo avenue.
let server: TestServer;
let a: AvenueTestRoom;
let b: AvenueTestRoom;

before(async () => {
  server = await startTestServer({ AVENUE_VIEW_RADIUS: "6" });
  a = await joinAvenue(server.url);
  b = await joinAvenue(server.url);
});
after(async () => {
  await leaveQuietly(a);
  await leaveQuietly(b);
  await server.stop();
});

test("far avatars stay off the wire and come back, named, when they walk near again", async () => {
  await waitFor("B sees A at the spawn plaza", () => b.state.avatars.has(a.sessionId));
  a.send("move", { dirX: 0, dirZ: -1 });
  await waitFor("A leaves B's view", () => !b.state.avatars.has(a.sessionId), 15_000);
  assert.ok(a.state.avatars.has(a.sessionId), "A still receives its own avatar");
  assert.equal(a.state.avatars.has(b.sessionId), false, "and no longer B's");
  a.send("move", { dirX: 0, dirZ: 1 });
  await waitFor("A comes back into B's view", () => b.state.avatars.has(a.sessionId), 15_000);
  a.send("move", { dirX: 0, dirZ: 0 });
  const seen = b.state.avatars.get(a.sessionId);
  assert.ok(seen?.name && seen.name.length > 0, "A arrives with its name");
  assert.ok(seen);
  const at = poseOf(seen);
  assert.ok(Number.isFinite(at.x) && Number.isFinite(at.z));
});

test("near avatars carry the every-patch pose, farther ones the slower far copy, and they switch both ways", async () => {
  // Radius 6 makes the near radius 3 m: A walks from B through near, far, out, and back.
  const tierOf = () => {
    const seen = b.state.avatars.get(a.sessionId);
    return seen ? poseTier(seen) : "none";
  };
  const ownAt = () => {
    const own = a.state.avatars.get(a.sessionId);
    return own ? poseOf(own) : undefined;
  };
  const bAt = () => {
    const own = b.state.avatars.get(b.sessionId);
    return own ? poseOf(own) : undefined;
  };
  await waitFor("B sees A", () => b.state.avatars.has(a.sessionId), 15_000);
  // Meet first: A walks to B, so the start is near whatever the spawn fan-out did.
  const meet = bAt();
  assert.ok(meet);
  a.send("moveTo", { x: meet.x + 1, z: meet.z });
  await waitFor("B holds A near", () => tierOf() === "near", 15_000);
  a.send("move", { dirX: 0, dirZ: -1 });
  await waitFor("B holds A far, once A is past the near radius", () => tierOf() === "far", 15_000);
  const far = b.state.avatars.get(a.sessionId);
  const own = ownAt();
  assert.ok(far && own);
  assert.ok(Math.abs(poseOf(far).z - own.z) < 3, "the far copy is where A was a refresh or so ago");
  assert.ok(poseOf(far).z < meet.z - 3, "and past the near radius");
  await waitFor("A leaves B's view", () => tierOf() === "none", 15_000);
  a.send("move", { dirX: 0, dirZ: 1 });
  await waitFor("A comes back far", () => tierOf() === "far", 15_000);
  await waitFor("and then near", () => tierOf() === "near", 15_000);
  a.send("move", { dirX: 0, dirZ: 0 });
  const back = b.state.avatars.get(a.sessionId);
  assert.ok(back?.name && back.name.length > 0, "the same avatar, named");
});
