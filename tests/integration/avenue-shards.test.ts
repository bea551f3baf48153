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

let server: TestServer;
const rooms: AvenueTestRoom[] = [];

before(async () => {
  server = await startTestServer({ AVENUE_SHARD_CAPACITY: "2" });
});
after(async () => {
  for (const r of rooms) await leaveQuietly(r);
  await server.stop();
});

test("a full shard spills into a new one, and a friend's link joins a given shard while it has room", async () => {
  const first = await joinAvenue(server.url);
  rooms.push(first);
  const friend = await joinAvenue(server.url, { roomId: first.roomId });
  rooms.push(friend);
  assert.equal(friend.roomId, first.roomId, "the link brings the friend into the same shard");

  const third = await joinAvenue(server.url);
  rooms.push(third);
  assert.notEqual(third.roomId, first.roomId, "capacity 2: the third person gets a new shard");
  await waitFor("the new shard holds the third avatar", () => third.state.avatars.size === 1);

  await assert.rejects(joinAvenue(server.url, { roomId: first.roomId }), /locked|full|not found/i);
});

test("signed-in people walk under their account name", async () => {
  const res = await fetch(`${server.url}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      email: "ines@example.com",
      password: "a long enough secret",
      displayName: "Inès",
    }),
  });
  assert.equal(res.status, 201);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  assert.match(cookie, /^vitrine_session=/);
  const room = await joinAvenue(server.url, { cookie });
  rooms.push(room);
  await waitFor("own avatar", () => room.state.avatars.has(room.sessionId));
  const me = room.state.avatars.get(room.sessionId);
  assert.equal(me?.name, "Inès");
  assert.equal(me?.kind, "shopper");
});
