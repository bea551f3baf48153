/**
 * The walking kernel, proved on a third walkable room (tests/fixtures/plaza: a layout and a wave of
 * its own, in a few dozen lines) registered on a real server: two clients walk in it through the
 * client's own walkable module (WalkableSession: the shared step predicts, snapshots interpolate,
 * messages apply at the frame), run here in Node against the room's patches; the room's own
 * message and its refusals work; and a dropped socket reconnects to the same avatar. Last, every
 * room the server defines is held to its shared protocol table: it handles exactly the client
 * messages the table declares (plus the named refusal of unknown types), no more and no fewer.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { matchMaker } from "@colyseus/core";
import { Client, type Room } from "@colyseus/sdk";
import { type AvatarFrame, createAvatarFrame } from "../../client/net/avatarFrame.ts";
import { WalkableSession } from "../../client/net/walkable/walkableSession.ts";
import { PROTOCOL_VERSION, WALK_SPEED } from "../../shared/constants.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { type MessageOut, sendMessage } from "../../shared/protocol/roomProtocol.ts";
import { ROOM_PROTOCOLS } from "../../shared/protocol/rooms.ts";
import { poseOf } from "../../shared/walking/avatarState.ts";
import { stepAvatar, type WalkControl } from "../../shared/walking/step.ts";
import { PlazaRoom } from "../fixtures/plaza/PlazaRoom.ts";
import { PLAZA, PlazaProtocol, PlazaState } from "../fixtures/plaza/plazaProtocol.ts";
import { startTestServer, type TestServer, waitFor } from "../helpers/server.ts";

type State = InstanceType<typeof PlazaState>;
type Server = typeof PlazaProtocol.server;

/** One person on the plaza: their room, their page's walkable session, what they asked for and heard. */
type Person = {
  room: Room<unknown, State>;
  session: WalkableSession<Server, State>;
  input: WalkControl;
  frame: AvatarFrame;
  waves: Array<MessageOut<Server, "waved">>;
  errors: Array<MessageOut<Server, "error">>;
};

async function enter(url: string): Promise<Person> {
  const room = await new Client(url).joinOrCreate(
    PlazaProtocol.room,
    { protocol: PROTOCOL_VERSION },
    PlazaState,
  );
  const input: WalkControl = { dirX: 0, dirZ: 0, target: null };
  const frame = createAvatarFrame();
  const person: Omit<Person, "session"> = { room, input, frame, waves: [], errors: [] };
  const session = new WalkableSession<Server, State>(room, {
    server: PlazaProtocol.server,
    layout: () => PLAZA,
    input,
    frame,
    messages: { waved: (m) => person.waves.push(m), error: (e) => person.errors.push(e) },
  });
  return { ...person, session };
}

const serverPose = (p: Person, of: Person = p) => {
  const a = p.room.state.avatars.get(of.room.sessionId);
  return a ? { ...poseOf(a), anim: a.anim, name: a.name, connected: a.connected } : undefined;
};
/** Where `viewer`'s page draws `of` this frame. */
const drawn = (viewer: Person, of: Person) => viewer.frame.entries.get(of.room.sessionId);
const gap = (
  a: { x: number; z: number } | undefined | null,
  b: { x: number; z: number } | undefined | null,
) => (a && b ? Math.hypot(a.x - b.x, a.z - b.z) : Number.POSITIVE_INFINITY);

describe("a third walkable room from the kernel (real server, the client's walkable module in Node)", () => {
  let server: TestServer;
  let a: Person;
  let b: Person;
  let ticker: ReturnType<typeof setInterval> | undefined;

  /** Frames both pages every 16 ms, as requestAnimationFrame would. */
  const startFrames = () => {
    let last = performance.now();
    ticker = setInterval(() => {
      const now = performance.now();
      for (const p of [a, b]) p.session.frame(now, (now - last) / 1000);
      last = now;
    }, 16);
  };

  before(async () => {
    server = await startTestServer();
    server.server.define(PlazaProtocol.room, PlazaRoom);
    a = await enter(server.url);
    b = await enter(server.url);
  });
  after(async () => {
    clearInterval(ticker);
    for (const p of [a, b]) {
      p?.session.dispose();
      if (p?.room.connection.isOpen) await p.room.leave().catch(() => undefined);
    }
    await server?.stop();
  });

  test("both land in one plaza; a key press is predicted with the room's own step at once", async () => {
    assert.equal(a.room.roomId, b.room.roomId);
    await waitFor(
      "each has both avatars",
      () => a.room.state.avatars.size === 2 && b.room.state.avatars.size === 2,
    );
    a.session.frame(performance.now(), 0);
    const start = serverPose(a);
    assert.ok(start);
    const from = { x: start.x, z: start.z, heading: start.heading };

    a.input.dirX = 1;
    a.session.frame(performance.now(), 0.1);
    const expected = stepAvatar(from, a.input, 0.1, PLAZA);
    const predicted = a.session.crowd.predicted;
    assert.ok(
      predicted && Math.abs(predicted.x - expected.x) < 1e-6 && Math.abs(predicted.z - expected.z) < 1e-6,
    );
    assert.ok(
      Math.abs(predicted.x - from.x - WALK_SPEED * 0.1) < 1e-6,
      "one tenth of a second at walking speed",
    );
    assert.equal(drawn(a, a)?.x, predicted.x, "the page draws its own avatar where it predicts it");
    assert.equal(drawn(a, a)?.anim, 1, "walking");
  });

  test("the other page sees the walk interpolated; once stopped, prediction and the server agree", async () => {
    startFrames();
    const x0 = serverPose(b, a)?.x ?? 0;
    await waitFor("B draws A walking east", () => (drawn(b, a)?.x ?? 0) > x0 + 1);
    a.input.dirX = 0;
    await waitFor("A stands still on the server", () => serverPose(a)?.anim === 0);
    await waitFor(
      "A's prediction eases onto the server's pose",
      () => gap(a.session.crowd.predicted, serverPose(a)) < 0.02,
    );
    await waitFor("B draws A where the server has it", () => gap(drawn(b, a), serverPose(b, a)) < 0.02);
  });

  test("a click walks B there; A sees B arrive", async () => {
    const target = { x: -4, z: 2 };
    b.input.target = target;
    await waitFor("B arrives on the server", () => gap(serverPose(b), target) < 0.2);
    await waitFor("B's page lets the reached target go", () => b.input.target === null);
    await waitFor("A draws B at the target", () => gap(drawn(a, b), target) < 0.25);
  });

  test("the room's own message reaches everyone; bad payloads and off-floor clicks are refused by name", async () => {
    sendMessage(a.room, PlazaProtocol.client, "wave", {});
    await waitFor("B hears A's wave", () => b.waves.some((w) => w.sessionId === a.room.sessionId));
    assert.equal(b.waves[0]?.name, serverPose(b, a)?.name);

    a.room.send("wave", { loudly: true });
    await waitFor("a named refusal", () => a.errors.length === 1);
    assert.equal(a.errors[0]?.code, ErrorCode.invalidMessage);
    assert.match(a.errors[0]?.message ?? "", /loudly/);
    sendMessage(a.room, PlazaProtocol.client, "moveTo", { x: 0, z: 0 });
    await waitFor("the fountain is not floor", () => a.errors.some((e) => e.code === ErrorCode.outOfBounds));
    assert.equal(a.errors.at(-1)?.message, "Not on the plaza.");
  });

  test("a dropped socket reconnects within the grace period to the same avatar, which walks on", async () => {
    const before = serverPose(b, a);
    assert.ok(before);
    const place = { x: before.x, z: before.z };
    const name = before.name;
    const reconnected = new Promise<void>((resolve) => a.room.onReconnect(() => resolve()));
    a.room.reconnection.minUptime = 0;
    const ws = (a.room.connection.transport as unknown as { ws: WebSocket }).ws;
    ws.close(4010, "network lost");
    await waitFor("the server holds A's seat", () => serverPose(b, a)?.connected === false);
    await reconnected;
    await waitFor("A is connected again", () => serverPose(b, a)?.connected === true);
    const after = serverPose(b, a);
    assert.equal(after?.name, name, "the same avatar");
    assert.ok(gap(after, place) < 0.01, "in the same place");

    a.input.dirZ = -1;
    await waitFor("A walks again, drawn by B", () => (drawn(b, a)?.z ?? place.z) < place.z - 0.5);
    a.input.dirZ = 0;
  });

  test("every room the server defines handles exactly the messages of its shared protocol table", () => {
    const protocols = [...ROOM_PROTOCOLS, PlazaProtocol];
    const defined = Object.keys(matchMaker.getAllHandlers()).sort();
    assert.deepEqual(defined, protocols.map((p) => p.room).sort(), "one shared protocol table per room type");
    for (const protocol of protocols) {
      const RoomClass = matchMaker.getRoomClass(protocol.room);
      const handled = Object.keys(new RoomClass().messages ?? {}).sort();
      assert.deepEqual(
        handled,
        [...Object.keys(protocol.client), "_"].sort(),
        `${protocol.room}: handlers = table`,
      );
      assert.ok(Object.hasOwn(protocol.server, "error"), `${protocol.room} can refuse a message by name`);
    }
  });
});
