import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AvenueServerMessage as ServerMessageType } from "../../shared/avenue/protocol.ts";
import { MAX_INVALID_MESSAGES, MAX_MESSAGE_BYTES } from "../../shared/constants.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { poseOf } from "../../shared/walking/avatarState.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveCode,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

/** Where `room` sees session `id` stand, decoded from the quantized state (metres). */
const seenAt = (room: { state: { avatars: Map<string, Parameters<typeof poseOf>[0]> } }, id: string) => {
  const a = room.state.avatars.get(id);
  return a ? poseOf(a) : undefined;
};

/** Error messages a room sent to one client, as they arrive. */
function collectErrors(room: AvenueTestRoom): Array<{ code: string; message: string }> {
  const errors: Array<{ code: string; message: string }> = [];
  room.onMessage(ServerMessageType.error, (m: { code: string; message: string }) => errors.push(m));
  return errors;
}

describe("avenue room (real server, two SDK clients)", () => {
  let server: TestServer;
  let a: AvenueTestRoom;
  let b: AvenueTestRoom;

  before(async () => {
    server = await startTestServer();
    a = await joinAvenue(server.url);
    b = await joinAvenue(server.url);
  });
  after(async () => {
    await leaveQuietly(a);
    await leaveQuietly(b);
    await server.stop();
  });

  test("both land in the same shard and see each other", async () => {
    assert.equal(a.roomId, b.roomId);
    await waitFor("B sees A", () => b.state.avatars.has(a.sessionId));
    await waitFor("A sees B", () => a.state.avatars.has(b.sessionId));
    const seen = b.state.avatars.get(a.sessionId);
    assert.ok(seen?.name, "A has a generated guest name");
    assert.equal(seen?.kind, "guest");
  });

  test("A's move is seen by B", async () => {
    const startX = seenAt(b, a.sessionId)?.x ?? 0;
    a.send("move", { dirX: 1, dirZ: 0 });
    await waitFor("B sees A walk east", () => (seenAt(b, a.sessionId)?.x ?? 0) > startX + 1);
    assert.equal(b.state.avatars.get(a.sessionId)?.anim, 1, "A walks");
    a.send("move", { dirX: 0, dirZ: 0 });
    await waitFor("A stops", () => b.state.avatars.get(a.sessionId)?.anim === 0);
  });

  test("click to walk: moveTo reaches a walkable target; an unwalkable one is refused with a reason", async () => {
    const errors = collectErrors(a);
    const self = seenAt(a, a.sessionId);
    assert.ok(self);
    const target = { x: self.x - 1, z: self.z - 2 };
    a.send("moveTo", target);
    await waitFor("A arrives", () => {
      const p = seenAt(b, a.sessionId);
      return !!p && Math.hypot(p.x - target.x, p.z - target.z) < 0.2;
    });
    a.send("moveTo", { x: 500, z: 0 });
    await waitFor("out of bounds error", () => errors.some((e) => e.code === ErrorCode.outOfBounds));
  });

  test("speed is clamped on the server: a client cannot outrun WALK_SPEED", async () => {
    const before = seenAt(b, a.sessionId);
    assert.ok(before);
    const x0 = before.x;
    const z0 = before.z;
    const t0 = Date.now();
    a.send("move", { dirX: 0, dirZ: -1 });
    await new Promise((r) => setTimeout(r, 600));
    a.send("move", { dirX: 0, dirZ: 0 });
    await new Promise((r) => setTimeout(r, 150));
    const p = seenAt(b, a.sessionId);
    assert.ok(p);
    const seconds = (Date.now() - t0) / 1000;
    assert.ok(Math.hypot(p.x - x0, p.z - z0) <= 3.4 * seconds + 0.3, "no faster than walking speed");
  });

  test("malformed messages are answered with a reason, then the sender is disconnected; the room keeps running", async () => {
    const bad = await joinAvenue(server.url);
    const errors = collectErrors(bad);
    const closed = leaveCode(bad);
    bad.send("move", { dirX: "fast", dirZ: 0 });
    await waitFor("an invalid_message error", () => errors.length > 0);
    assert.equal(errors[0]?.code, ErrorCode.invalidMessage);
    assert.match(errors[0]?.message ?? "", /dirX/);
    for (let i = 1; i < MAX_INVALID_MESSAGES; i++) bad.send("move", { dirX: Number.NaN, dirZ: 0 });
    assert.equal(await closed, 4002);
    await waitFor("the bad client's avatar is gone", () => !b.state.avatars.has(bad.sessionId));

    const x = seenAt(b, a.sessionId)?.x ?? 0;
    a.send("move", { dirX: -1, dirZ: 0 });
    await waitFor("room still simulates", () => (seenAt(b, a.sessionId)?.x ?? 0) < x - 0.5);
    a.send("move", { dirX: 0, dirZ: 0 });
  });

  test("an oversized message closes only its sender", async () => {
    const big = await joinAvenue(server.url);
    const closed = leaveCode(big);
    big.send("move", { dirX: 0, dirZ: 0, padding: "x".repeat(MAX_MESSAGE_BYTES * 2) });
    const code = await closed;
    assert.notEqual(code, 1000);
    await waitFor("its avatar is gone", () => !b.state.avatars.has(big.sessionId));
    assert.ok(b.state.avatars.has(a.sessionId));
  });

  test("a flooding client is disconnected; the others stay", async () => {
    const flood = await joinAvenue(server.url);
    const closed = leaveCode(flood);
    for (let i = 0; i < 300; i++) flood.send("move", { dirX: (i % 2) * 0.5, dirZ: 0 });
    assert.equal(await closed, 4002);
    await waitFor("its avatar is gone", () => !b.state.avatars.has(flood.sessionId));
    assert.ok(a.connection.isOpen && b.connection.isOpen);
  });

  test("unknown message types do not crash the room", async () => {
    const odd = await joinAvenue(server.url);
    const closed = leaveCode(odd);
    odd.send("teleport", { x: 0, z: 0 });
    await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
    assert.ok(b.state.avatars.has(a.sessionId));
    await leaveQuietly(odd);
  });

  test("a client that drops and reconnects keeps its avatar", async () => {
    const c = await joinAvenue(server.url);
    c.send("move", { dirX: 0, dirZ: -1 });
    await waitFor("C walks", () => b.state.avatars.get(c.sessionId)?.anim === 1);
    c.send("move", { dirX: 0, dirZ: 0 });
    await waitFor("C stops", () => b.state.avatars.get(c.sessionId)?.anim === 0);
    const before = seenAt(b, c.sessionId);
    assert.ok(before);
    const place = { x: before.x, z: before.z };
    const reconnected = new Promise<void>((resolve) => c.onReconnect(() => resolve()));

    // Cut the socket without leaving the room, as a network failure would (4010: "may try to reconnect").
    c.reconnection.minUptime = 0;
    const ws = (c.connection.transport as unknown as { ws: WebSocket }).ws;
    ws.close(4010, "network lost");
    await waitFor(
      "server marks C as disconnected",
      () => b.state.avatars.get(c.sessionId)?.connected === false,
    );
    await reconnected;
    await waitFor("C is connected again", () => b.state.avatars.get(c.sessionId)?.connected === true);
    const after = seenAt(b, c.sessionId);
    assert.ok(after);
    assert.ok(Math.hypot(after.x - place.x, after.z - place.z) < 0.01, "same avatar, same place");

    c.send("move", { dirX: 1, dirZ: 0 });
    await waitFor("C moves after reconnecting", () => (seenAt(b, c.sessionId)?.x ?? 0) > place.x + 0.5);
    await leaveQuietly(c);
  });

  test("a client speaking another protocol version is refused with a reason", async () => {
    const { Client } = await import("@colyseus/sdk");
    const client = new Client(server.url);
    await assert.rejects(client.joinOrCreate("avenue", { protocol: 999 }), /out of date|protocol/i);
  });
});
