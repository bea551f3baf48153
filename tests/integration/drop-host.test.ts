/**
 * The host on a drop's stage, on a real server with an SDK client and a manual clock: it stands
 * beside the pedestal, welcomes, says the ten-second line, reveals the product at the public start,
 * and thanks everyone when the last piece is claimed.
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
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { DROP_ROOM, DropRoomState } from "../../shared/dropRoom.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { DROP_HOST_COUNTDOWN_MS, DROP_HOST_STAGE } from "../../shared/host/dropHost.ts";
import { HostAnim } from "../../shared/host/hostState.ts";
import { renderLine } from "../../shared/host/lineTokens.ts";
import { waitFor } from "../helpers/server.ts";
import {
  at,
  BRAND_ID,
  createBrand,
  createUsers,
  DROP_TIMES,
  minutes,
  PRODUCT_ID,
  T0,
} from "./drops-fixtures.ts";

type DropTestRoom = Room<unknown, InstanceType<typeof DropRoomState>>;

describe("the host on a drop's stage (real server, SDK client, manual clock)", () => {
  let vitrine: RunningVitrine;
  let dataDir = "";
  let url = "";
  let clock: ManualClock;
  let dropId = "";
  let room: DropTestRoom | null = null;
  const cookies: string[] = [];

  const line = () => room?.state.host.line.get("en") ?? "";
  const claim = async (cookie: string, key: string) => {
    const res = await fetch(`${url}/api/drops/${dropId}/claims`, {
      method: "POST",
      headers: { cookie, "Idempotency-Key": key },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-drophost-"));
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
    const buyers = await createUsers(db, 2);
    const body = ScheduleDropBody.parse({
      productId: PRODUCT_ID,
      title: { en: "Host test drop" },
      mode: "fcfs",
      stock: 2,
      perAccountLimit: 1,
      earlyAccessPassTypeIds: [],
      ...DROP_TIMES,
      holdSeconds: 30 * 60,
    });
    dropId = (await scheduleDrop(db, BRAND_ID, body, ownerId, clock)).id;
    for (const id of [ownerId, ...buyers]) {
      cookies.push(
        `${SESSION_COOKIE_NAME}=${(await createSession(vitrine.database, id as string, 1)).token}`,
      );
    }
  });

  after(async () => {
    if (room?.connection.isOpen) await room.leave().catch(() => undefined);
    await vitrine.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("stands beside the pedestal and welcomes, with the reveal time for the reader to format", async () => {
    // The brand's owner may stay through early access (a guest would be sent away at that phase).
    const client = new Client(url, { headers: { cookie: cookies[0] as string } });
    room = await client.joinOrCreate(DROP_ROOM, { protocol: PROTOCOL_VERSION, dropId }, DropRoomState);
    await waitFor("the host's first line", () => line() !== "");
    const host = room.state.host;
    assert.ok(host.name.length > 0, "the host has its name");
    assert.ok(Math.abs(host.x - DROP_HOST_STAGE.x) < 1e-4 && Math.abs(host.z - DROP_HOST_STAGE.z) < 1e-4);
    assert.equal(host.anim, HostAnim.wave);
    assert.equal(host.mode, "greet");
    assert.match(
      renderLine(line(), "en", clock.now().getTime(), "UTC"),
      /^Welcome\. Test Ring is revealed in 45 minutes, at 10:00\s?AM\./,
    );
    assert.equal(host.announceDropId, dropId);
    assert.equal(host.announceAt, T0.getTime());
  });

  test("ten seconds before the public start, then the reveal at the public start", async () => {
    assert.ok(room);
    clock.set(new Date(T0.getTime() - DROP_HOST_COUNTDOWN_MS));
    await waitFor("the countdown line", () => line().startsWith("Ten seconds."));
    const countdownLine = room.state.host.lineId;

    clock.set(T0);
    await waitFor("the reveal", () => line().startsWith("Here it is: Test Ring."));
    const host = room.state.host;
    assert.ok(host.lineId > countdownLine);
    assert.equal(host.anim, HostAnim.present);
    assert.equal(host.mode, "present");
    assert.equal(host.presentingProductId, PRODUCT_ID);
    assert.equal(
      host.line.get("fr"),
      "Voici Test Ring. La vente est ouverte à tous, premier arrivé, premier servi.",
    );
    assert.ok(host.lineUntil > T0.getTime(), "the bubble stays up after the public start");
    assert.equal(host.announceAt, 0, "no countdown once the drop is open");
  });

  test("the last piece claimed: the sold-out line, at once", async () => {
    assert.ok(room);
    clock.set(at(2_000));
    for (const [i, cookie] of cookies.slice(1).entries()) {
      const held = await claim(cookie, `drop-host-${i}`);
      assert.equal(held.status, 201, JSON.stringify(held.body));
    }
    await waitFor("sold out in the room", () => room?.state.soldOutAt !== 0, 3000);
    await waitFor("the sold-out line", () => line().startsWith("Sold out. Thank you"));
    assert.match(line(), /Test Ring has found its owners/);
    assert.equal(room.state.host.anim, HostAnim.wave);
  });
});
