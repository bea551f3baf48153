/**
 * The `drop` room on a real server with @colyseus/sdk clients, on a manual clock: who may be there in
 * each phase (with named refusals), live remaining stock after an HTTP claim and after a hold expires,
 * server time, time sync, and `GET /api/drops`.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Client, type Room } from "@colyseus/sdk";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { type RunningVitrine, startVitrine } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { type ManualClock, manualClock } from "../../server/drops/clock.ts";
import { scheduleDrop } from "../../server/drops/drops.ts";
import { issuePass } from "../../server/passes/passes.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import {
  DROP_ROOM,
  DROP_ROOM_REFUSED_CLOSE_CODE,
  DropList,
  type DropRoomRefusal,
  DropRoomState,
  DropTimeSyncAnswer,
  parseDropRoomRefusal,
} from "../../shared/dropRoom.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { waitFor } from "../helpers/server.ts";
import {
  at,
  BRAND_ID,
  createBrand,
  createUsers,
  createVipPassType,
  DROP_TIMES,
  minutes,
  PRODUCT_ID,
  T0,
} from "./drops-fixtures.ts";

type DropTestRoom = Room<unknown, InstanceType<typeof DropRoomState>>;

const STOCK = 5;
/** Long enough that the early claim (T0-20min) is still held at the public start. */
const HOLD_SECONDS = 30 * 60;

describe("drop room (real server, SDK clients, manual clock)", () => {
  let vitrine: RunningVitrine;
  let dataDir = "";
  let url = "";
  let clock: ManualClock;
  let dropId = "";
  const cookies = { vip: "", shopper: "", owner: "" };
  const rooms: DropTestRoom[] = [];

  const join = async (cookie: string | null, id = dropId, protocol = PROTOCOL_VERSION) => {
    const client = new Client(url, cookie ? { headers: { cookie } } : undefined);
    const room = await client.joinOrCreate(DROP_ROOM, { protocol, dropId: id }, DropRoomState);
    rooms.push(room);
    return room;
  };
  const refusalOf = async (joining: Promise<unknown>): Promise<DropRoomRefusal> => {
    const error = await joining.then(
      () => assert.fail("the join should have been refused"),
      (e: unknown) => e,
    );
    const refusal = parseDropRoomRefusal(error);
    assert.ok(refusal, `a named refusal, got ${String(error)}`);
    return refusal;
  };
  const claim = async (cookie: string, key: string) => {
    const res = await fetch(`${url}/api/drops/${dropId}/claims`, {
      method: "POST",
      headers: { cookie, "Idempotency-Key": key },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-droproom-"));
    clock = manualClock(at(-minutes(45)));
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
    });
    vitrine = await startVitrine(config, { clock });
    url = `http://127.0.0.1:${vitrine.port}`;
    const db = vitrine.database.db;
    const { ownerId } = await createBrand(db);
    const [vipId, shopperId] = await createUsers(db, 2);
    const passType = await createVipPassType(db, clock);
    await issuePass(db, passType.id, vipId as string, { source: "manual", issuedBy: ownerId }, clock);
    const body = ScheduleDropBody.parse({
      productId: PRODUCT_ID,
      title: { en: "Room test drop" },
      mode: "fcfs",
      stock: STOCK,
      perAccountLimit: 1,
      earlyAccessPassTypeIds: [passType.id],
      ...DROP_TIMES,
      holdSeconds: HOLD_SECONDS,
    });
    dropId = (await scheduleDrop(db, BRAND_ID, body, ownerId, clock)).id;
    // Scheduled but not yet announced (T0+1h): must stay out of the list and the room.
    await scheduleDrop(
      db,
      BRAND_ID,
      {
        ...body,
        title: { en: "Secret drop" },
        announceAt: at(minutes(60)),
        earlyAccessStartsAt: at(minutes(60)),
        publicStartsAt: at(minutes(90)),
        endsAt: at(minutes(120)),
      },
      ownerId,
      clock,
    );
    const cookie = async (userId: string) =>
      `${SESSION_COOKIE_NAME}=${(await createSession(vitrine.database, userId, 1)).token}`;
    cookies.vip = await cookie(vipId as string);
    cookies.shopper = await cookie(shopperId as string);
    cookies.owner = await cookie(ownerId);
  });

  after(async () => {
    for (const room of rooms) if (room.connection.isOpen) await room.leave().catch(() => undefined);
    await vitrine.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("GET /api/drops lists the announced drop with product and brand names, not the secret one", async () => {
    const res = await fetch(`${url}/api/drops`);
    assert.equal(res.status, 200);
    const list = DropList.parse(await res.json());
    assert.deepEqual(
      list.drops.map((d) => d.id),
      [dropId],
    );
    const [drop] = list.drops;
    assert.equal(drop?.phase, "announced");
    assert.equal(drop?.brandName, "Maison Test");
    assert.equal(drop?.productName.en, "Test Ring");
    assert.equal(drop?.remaining, STOCK);
    assert.equal(list.serverTime, clock.now().toISOString());
  });

  test("before early access anyone may watch the countdown; unknown drops and stale pages are refused by name", async () => {
    const guest = await join(null);
    const shopper = await join(cookies.shopper);
    assert.equal(guest.roomId, shopper.roomId, "one room per drop");
    await waitFor("state arrives", () => guest.state.phase === "announced");
    assert.deepEqual(Object.fromEntries(guest.state.title.entries()), { en: "Room test drop" });
    assert.equal(guest.state.stock, STOCK);
    assert.equal(guest.state.remaining, STOCK);
    assert.equal(guest.state.publicStartsAt, T0.getTime());
    assert.equal(guest.state.entriesCloseAt, 0);
    await waitFor("viewers counted", () => guest.state.viewers === 2);

    const unknown = await refusalOf(join(null, "no-such-drop"));
    assert.equal(unknown.reason, "not_found");
    const stale = await refusalOf(join(null, dropId, PROTOCOL_VERSION + 1));
    assert.equal(stale.reason, "invalid_options");
    assert.match(stale.message, /reload/);
  });

  test("at early access, people without the pass are sent away with the reason; the holder joins", async () => {
    const [guest, shopper] = rooms;
    assert.ok(guest && shopper);
    guest.onMessage("refused", () => {});
    const told: DropRoomRefusal[] = [];
    shopper.onMessage("refused", (m: DropRoomRefusal) => told.push(m));
    const closed = new Promise<number>((resolve) => shopper.onLeave((code) => resolve(code)));
    const vip = await join(cookies.vip);
    assert.equal(vip.roomId, shopper.roomId);

    clock.set(at(-minutes(20)));
    assert.equal(await closed, DROP_ROOM_REFUSED_CLOSE_CODE);
    await waitFor("the guest is sent away too", () => !guest.connection.isOpen);
    assert.equal(told[0]?.reason, "pass_required");
    assert.equal(told[0]?.opensAt, T0.toISOString());
    await waitFor("the holder sees early access", () => vip.state.phase === "early_access");
    assert.ok(vip.connection.isOpen, "the pass holder stays");

    const shopperAgain = await refusalOf(join(cookies.shopper));
    assert.equal(shopperAgain.reason, "pass_required");
    assert.equal(shopperAgain.opensAt, T0.toISOString(), "told when their window opens");
    const guestAgain = await refusalOf(join(null));
    assert.equal(guestAgain.reason, "sign_in_required");
    const owner = await join(cookies.owner);
    assert.equal(owner.roomId, vip.roomId, "the brand's staff may watch early access");
  });

  test("remaining stock drops in the room right after an HTTP claim; server time advances", async () => {
    const vip = rooms.find((r) => r.connection.isOpen);
    assert.ok(vip);
    const before = vip.state.serverTime;
    const held = await claim(cookies.vip, "room-test-vip-1");
    assert.equal(held.status, 201, JSON.stringify(held.body));
    await waitFor("remaining drops to stock - 1", () => vip.state.remaining === STOCK - 1, 2000);

    clock.advance(1_500);
    await waitFor("server time follows the clock", () => vip.state.serverTime === before + 1_500);

    const answer = new Promise<unknown>((resolve) => vip.onMessage("timeSync", resolve));
    vip.send("timeSync", { clientTime: 1234 });
    const sync = DropTimeSyncAnswer.parse(await answer);
    assert.equal(sync.clientTime, 1234);
    assert.equal(sync.serverTime, clock.now().getTime());

    const errors: unknown[] = [];
    vip.onMessage("error", (m) => errors.push(m));
    vip.send("timeSync", { clientTime: "soon" });
    await waitFor("a bad message is answered with an error", () => errors.length === 1);
    assert.ok(vip.connection.isOpen, "one bad message does not cost the connection");
  });

  test("at the public start everyone joins; a shopper's claim and an expired hold both move the stock live", async () => {
    clock.set(at(1_000));
    const shopper = await join(cookies.shopper);
    const guest = await join(null);
    assert.equal(shopper.roomId, guest.roomId);
    await waitFor("public phase", () => shopper.state.phase === "public");
    assert.equal(shopper.state.remaining, STOCK - 1);

    const held = await claim(cookies.shopper, "room-test-shopper-1");
    assert.equal(held.status, 201, JSON.stringify(held.body));
    await waitFor("the guest sees the shopper's claim", () => guest.state.remaining === STOCK - 2, 2000);

    // Both holds end unconfirmed: the expiry sweep (every second) puts them back, and the room hears it.
    clock.set(at(minutes(31)));
    await waitFor("expired holds return to stock in the room", () => guest.state.remaining === STOCK, 2500);
  });
});
