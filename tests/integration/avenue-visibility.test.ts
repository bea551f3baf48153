import assert from "node:assert/strict";
import { after, before, test } from "node:test";
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
  assert.ok(Number.isFinite(seen?.x) && Number.isFinite(seen?.z));
});
