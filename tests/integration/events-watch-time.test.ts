/**
 * Watch time, on a real server with the demo seed on a manual clock: the start seeds a live show;
 * a signed-in shopper joins its audience, stays 90 seconds of server time and leaves; the shard
 * reports the time watched, and the brand's staff read the attendance in the event's staff view
 * (one attendee, 90 seconds), while the shopper's own view of the event has no staff part.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import { type RunningVitrine, startVitrine } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { AudienceProtocol, AudienceState, EVENT_AUDIENCE_ROOM } from "../../shared/events/audienceRoom.ts";
import { EventView } from "../../shared/events/eventView.ts";
import { waitUntil } from "../helpers/waitUntil.ts";

const SHOW = "aubrelle-nuit-etoilee";

async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(response.status, 200, `${email} signs in`);
  const cookie = response.headers.get("set-cookie");
  assert.ok(cookie);
  return cookie.split(";")[0] as string;
}

async function eventAs(url: string, cookie: string): Promise<EventView> {
  const response = await fetch(`${url}/api/events/${SHOW}`, { headers: { cookie } });
  assert.equal(response.status, 200);
  return EventView.parse(await response.json());
}

describe("watch time of an event's audience (manual clock)", () => {
  const clock = manualClock(new Date());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-watch-"));
  let running: RunningVitrine;
  let url = "";
  before(async () => {
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      SEED_DEMO: "true",
    });
    running = await startVitrine(config, { clock });
    url = `http://127.0.0.1:${running.port}`;
  });
  after(async () => {
    await running?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("the shard reports the time watched; the staff view shows the attendance", async () => {
    const shopper = await signIn(url, "shopper@vitrine.demo", "vitrine-shopper-1");
    const owner = await signIn(url, "owner.aubrelle@vitrine.demo", "vitrine-owner-1");
    assert.equal((await eventAs(url, shopper)).phase, "live", "the start seeded a live show");

    const client = new Client(url, { headers: { cookie: shopper } });
    const room = await client.joinOrCreate(
      EVENT_AUDIENCE_ROOM,
      { protocol: PROTOCOL_VERSION, eventId: SHOW },
      AudienceState,
    );
    let welcomed = false;
    room.onMessage("welcome", (m: unknown) => {
      welcomed = AudienceProtocol.server.welcome.safeParse(m).success;
    });
    await waitUntil("the shopper is welcomed", async () => welcomed, 30_000);
    await waitUntil(
      "the first join is recorded",
      async () => (await eventAs(url, owner)).staff?.attendance.attendees === 1,
      30_000,
    );
    clock.advance(90_000);
    await room.leave();

    const staff = await waitUntil(
      "the watch time is reported",
      async () => {
        const view = await eventAs(url, owner);
        return view.staff?.attendance.watchSeconds === 90 ? view.staff : null;
      },
      30_000,
    );
    assert.deepEqual(staff.attendance, { attendees: 1, watchSeconds: 90, averageWatchSeconds: 90 });
    assert.equal((await eventAs(url, shopper)).staff, null, "a shopper sees no staff report");
  });
});
