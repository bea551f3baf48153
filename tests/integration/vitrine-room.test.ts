/**
 * The `vitrine` room on a real server with @colyseus/sdk clients: the owner enters by their session,
 * a visitor by the owner's current link, everyone else is refused by name; a rotated link sends its
 * visitors away and no longer opens the room; a hidden copy leaves its pedestal; malformed and unknown
 * messages are answered with a reason and never stop the room; walking is clamped to the shared speed;
 * a flood of messages closes its sender.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, CloseCode, type Room } from "@colyseus/sdk";
import {
  CollectibleView,
  GrantCollectibleAnswer,
  VitrineShareAnswer,
  VitrineView,
} from "../../shared/collectibles.ts";
import { MAX_MESSAGES_PER_SECOND, PROTOCOL_VERSION, WALK_SPEED } from "../../shared/constants.ts";
import { UploadedModel } from "../../shared/models.ts";
import {
  layoutVitrine,
  parseVitrineRefusal,
  VITRINE_REFUSED_CLOSE_CODE,
  VITRINE_ROOM,
  type VitrineRefusalReason,
  VitrineState,
} from "../../shared/vitrineRoom.ts";
import { poseOf } from "../../shared/walking/avatarState.ts";
import { startTestServer, type TestServer, waitFor } from "../helpers/server.ts";
import {
  cookieFor,
  DEMO,
  jsonRequest,
  REAL_MODELS,
  readModel,
  staffCookie,
  uploadModel,
} from "./models-fixtures.ts";

type VitrineTestRoom = Room<unknown, InstanceType<typeof VitrineState>>;

const MODEL = REAL_MODELS.find((m) => m.name === "PottedPlant04.glb");

describe("vitrine room (real server, SDK clients)", () => {
  let server: TestServer;
  const cookies = { owner: "", brand: "", stranger: "" };
  let pseudonym = "";
  let token = "";
  const copies: string[] = [];
  const rooms: VitrineTestRoom[] = [];

  const api = async (method: string, route: string, cookie: string | null, body?: unknown) => {
    const res = await jsonRequest(server.url, method, route, cookie, body);
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  };
  const join = async (cookie: string | null, options: Record<string, unknown>) => {
    const client = new Client(server.url, cookie ? { headers: { cookie } } : undefined);
    const room = await client.joinOrCreate(
      VITRINE_ROOM,
      { protocol: PROTOCOL_VERSION, ...options },
      VitrineState,
    );
    rooms.push(room);
    return room;
  };
  const refusal = async (
    cookie: string | null,
    options: Record<string, unknown>,
  ): Promise<VitrineRefusalReason> => {
    const error = await join(cookie, options).then(
      () => assert.fail("the join should have been refused"),
      (e: unknown) => e,
    );
    const parsed = parseVitrineRefusal(error);
    assert.ok(parsed, `a named refusal, got ${String(error)}`);
    assert.ok(parsed.message.length > 10, "the refusal says why");
    return parsed.reason;
  };
  const nextMessage = (room: VitrineTestRoom, type: string) =>
    new Promise<unknown>((resolve) => {
      const off = room.onMessage(type, (m: unknown) => {
        off();
        resolve(m);
      });
    });

  before(async () => {
    assert.ok(MODEL, "the fixture model exists");
    server = await startTestServer();
    cookies.brand = await cookieFor(server.database, DEMO.owner.email);
    cookies.owner = await staffCookie(server.database, "nerolie", "advisor", "vitrine-owner");
    cookies.stranger = await cookieFor(server.database, DEMO.shopper.email);

    // The brand uploads a model, makes two collectibles of it and grants both to the owner.
    const upload = await uploadModel(server.url, DEMO.owner.brandId, cookies.brand, [
      { name: MODEL.name, bytes: readModel(MODEL.path) },
    ]);
    assert.equal(upload.status, 201, await upload.clone().text());
    const model = UploadedModel.parse(await upload.json());
    for (const [i, name] of ["Rose des Vents", "Clef d'Or"].entries()) {
      const created = await api("POST", `/api/brands/${DEMO.owner.brandId}/collectibles`, cookies.brand, {
        modelId: model.id,
        name: { en: name },
        story: { en: `Keepsake ${i + 1}.` },
        editionSize: 250,
        obtainedBy: "manual",
      });
      assert.equal(created.status, 201, JSON.stringify(created.json));
      const collectible = CollectibleView.parse(created.json);
      const granted = await api("POST", `/api/collectibles/${collectible.id}/grants`, cookies.brand, {
        emails: ["vitrine-owner@example.test"],
        reason: "manual",
      });
      assert.equal(granted.status, 200, JSON.stringify(granted.json));
      const copy = GrantCollectibleAnswer.parse(granted.json).granted[0];
      assert.ok(copy, "one copy granted");
      copies.push(copy.copyId);
    }
    const view = VitrineView.parse((await api("GET", "/api/vitrines/mine", cookies.owner)).json);
    pseudonym = view.ownerPseudonym;
    token = VitrineShareAnswer.parse((await api("GET", "/api/vitrine/share", cookies.owner)).json).token;
  });
  after(async () => {
    for (const room of rooms) if (room.connection.isOpen) await room.leave().catch(() => undefined);
    await server?.stop();
  });

  test("the owner enters by their session and finds their pieces on pedestals", async () => {
    const room = await join(cookies.owner, { owner: pseudonym });
    await waitFor("the pedestals", () => room.state.pedestals.length === 2);
    assert.equal(room.state.ownerName, "vitrine-owner");
    assert.equal(room.state.ownerSessionId, room.sessionId);
    const first = room.state.pedestals[0];
    assert.equal(first?.name.get("en"), "Rose des Vents");
    assert.equal(first?.edition, 1);
    assert.equal(first?.editionSize, 250);
    assert.match(first?.modelUrl ?? "", /^\/blobs\/[0-9a-f]{64}\.glb$/);
    assert.ok((first?.displayHeight ?? 0) > 0);
    await waitFor("the owner's avatar", () => room.state.avatars.has(room.sessionId));
  });

  test("a visitor with the current link enters the same room and sees the owner", async () => {
    const owner = rooms[0] as VitrineTestRoom;
    const visitor = await join(null, { owner: pseudonym, token });
    assert.equal(visitor.roomId, owner.roomId, "one room per owner");
    await waitFor(
      "both avatars on both sides",
      () => visitor.state.avatars.size === 2 && owner.state.avatars.size === 2,
    );
    assert.equal(visitor.state.ownerSessionId, owner.sessionId);
    assert.equal(visitor.state.pedestals.length, 2);
    // A signed-in person holding the link is a visitor too.
    const signedVisitor = await join(cookies.stranger, { owner: pseudonym, token });
    assert.equal(signedVisitor.roomId, owner.roomId);
    await signedVisitor.leave();
  });

  test("everyone else is refused by name", async () => {
    assert.equal(await refusal(null, { owner: pseudonym }), "sign_in_required");
    assert.equal(await refusal(cookies.stranger, { owner: pseudonym }), "not_owner");
    assert.equal(await refusal(null, { owner: pseudonym, token: "A".repeat(32) }), "link_invalid");
    assert.equal(await refusal(null, { owner: "someone-else", token }), "link_invalid");
    assert.equal(await refusal(null, { owner: pseudonym, token: "bad token!" }), "invalid_options");
    assert.equal(await refusal(cookies.owner, { owner: pseudonym, protocol: 999 }), "invalid_options");
    assert.equal(await refusal(cookies.owner, {}), "invalid_options");
  });

  test("a hidden copy leaves its pedestal; shown again, it returns", async () => {
    const owner = rooms[0] as VitrineTestRoom;
    const hidden = await api("PATCH", `/api/collectibles/mine/${copies[0]}`, cookies.owner, { hidden: true });
    assert.equal(hidden.status, 200, JSON.stringify(hidden.json));
    await waitFor("one pedestal", () => owner.state.pedestals.length === 1, 10_000);
    assert.equal(owner.state.pedestals[0]?.copyId, copies[1]);
    const shown = await api("PATCH", `/api/collectibles/mine/${copies[0]}`, cookies.owner, { hidden: false });
    assert.equal(shown.status, 200);
    await waitFor("two pedestals again", () => owner.state.pedestals.length === 2, 10_000);
  });

  test("bad messages are refused with a reason; the room carries on; walking is clamped", async () => {
    const owner = rooms[0] as VitrineTestRoom;
    const visitor = rooms[1] as VitrineTestRoom;
    const refused = nextMessage(visitor, "error");
    visitor.send("move", { dirX: "north", dirZ: 0 });
    const error = (await refused) as { code: string; message: string };
    assert.equal(error.code, "invalid_message");
    assert.match(error.message, /dirX/);
    const unknown = nextMessage(visitor, "error");
    visitor.send("teleport", { x: 0, z: 0 });
    assert.match(((await unknown) as { message: string }).message, /unknown message type "teleport"/);
    const far = nextMessage(visitor, "error");
    visitor.send("moveTo", { x: 400, z: 0 });
    assert.equal(((await far) as { code: string }).code, "out_of_bounds");

    // Walking still works, at no more than the shared speed.
    const me = () => {
      const a = owner.state.avatars.get(visitor.sessionId);
      return a ? poseOf(a) : undefined;
    };
    const start = { x: me()?.x ?? 0, z: me()?.z ?? 0 };
    const started = Date.now();
    visitor.send("move", { dirX: 0, dirZ: -1 });
    await waitFor("the visitor to walk", () => Math.abs((me()?.z ?? 0) - start.z) > 0.5);
    visitor.send("move", { dirX: 0, dirZ: 0 });
    const moved = Math.hypot((me()?.x ?? 0) - start.x, (me()?.z ?? 0) - start.z);
    assert.ok(moved <= WALK_SPEED * ((Date.now() - started) / 1000) + 0.3, `moved ${moved} m`);
    const layout = layoutVitrine(2);
    for (const c of layout.colliders) {
      if (c.kind !== "circle") continue;
      assert.ok(
        Math.hypot((me()?.x ?? 0) - c.x, (me()?.z ?? 0) - c.z) >= c.radius,
        "never inside a pedestal",
      );
    }

    // Enough bad messages and the sender is sent away; the owner stays.
    const closed = new Promise<number>((resolve) => visitor.onLeave((code) => resolve(code)));
    for (let i = 0; i < 5; i++) visitor.send("move", { dirX: 9, dirZ: 0 });
    assert.equal(await closed, CloseCode.WITH_ERROR);
    await waitFor("the visitor's avatar to go", () => owner.state.avatars.size === 1);
    assert.ok(owner.connection.isOpen, "the owner is still inside");
  });

  test("a rotated link sends its visitors away and no longer opens the room", async () => {
    const owner = rooms[0] as VitrineTestRoom;
    const visitor = await join(null, { owner: pseudonym, token });
    const sentAway = nextMessage(visitor, "refused");
    const closed = new Promise<number>((resolve) => visitor.onLeave((code) => resolve(code)));
    const rotated = VitrineShareAnswer.parse(
      (await api("POST", "/api/vitrine/share/rotate", cookies.owner)).json,
    );
    assert.notEqual(rotated.token, token);
    assert.deepEqual(await sentAway, {
      reason: "link_invalid",
      message: "This visitor link no longer opens the vitrine: its owner may have replaced it.",
    });
    assert.equal(await closed, VITRINE_REFUSED_CLOSE_CODE);
    assert.equal(await refusal(null, { owner: pseudonym, token }), "link_invalid");
    const welcome = await join(null, { owner: pseudonym, token: rotated.token });
    assert.equal(welcome.roomId, owner.roomId);
    assert.ok(owner.connection.isOpen, "the owner is still inside");
  });

  test("a flood of messages closes the sender, not the room", async () => {
    const owner = rooms[0] as VitrineTestRoom;
    const token = VitrineShareAnswer.parse(
      (await api("GET", "/api/vitrine/share", cookies.owner)).json,
    ).token;
    const flooder = await join(null, { owner: pseudonym, token });
    await waitFor("the flooder inside", () => owner.state.avatars.has(flooder.sessionId));
    const closed = new Promise<number>((resolve) => flooder.onLeave((code) => resolve(code)));
    for (let i = 0; i < 3 * MAX_MESSAGES_PER_SECOND; i++) flooder.send("move", { dirX: 0, dirZ: i % 2 });
    assert.equal(await closed, CloseCode.WITH_ERROR);
    await waitFor("the flooder's avatar to go", () => !owner.state.avatars.has(flooder.sessionId));
    assert.ok(owner.connection.isOpen, "the owner is still inside");
  });
});
