/**
 * The salon room on a real server with a manual clock and SDK clients: only the appointment's
 * client, its advisor and one guest the client invited get in, only while the salon is open;
 * call signals reach the other person with the sender's session as `from`; the shared viewer's
 * piece, variant, turn and zoom reach both; the advisor's selection list is stored and mirrored to
 * the client (the client may not edit it); an engraving is validated by the server's schema and
 * shown to both; the client hands an item over as an order; the salon sends everyone away when it
 * closes. Every refused message answers a named error to its sender.
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
import { setAvailability } from "../../server/clienteling/appointments/availability.ts";
import { bookAppointment } from "../../server/clienteling/appointments/booking.ts";
import { inviteGuest } from "../../server/clienteling/appointments/guests.ts";
import { storeProductPersonalisation } from "../../server/clienteling/productOptions.ts";
import { listMySelectionLists } from "../../server/clienteling/selectionLists.ts";
import { loadConfig } from "../../server/config.ts";
import { drizzleOf } from "../../server/db/database.ts";
import { brandStaff, products } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { SetAvailabilityBody } from "../../shared/clienteling/availability.ts";
import {
  SALON_ROOM,
  type SalonRefusalReason,
  SalonRefusals,
  SalonState,
} from "../../shared/clienteling/salonRoom.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { waitFor } from "../helpers/server.ts";
import { createWorld, type World } from "./clienteling-fixtures.ts";

type SalonTestRoom = Room<unknown, InstanceType<typeof SalonState>>;

for (const target of databaseTargets()) {
  describe(`salon room (real server, SDK clients, manual clock, ${target.name})`, {
    skip: target.skip,
  }, () => {
    // Monday 1 June 2026, 06:00 in Paris; the appointment is on Tuesday at 10:00 Paris (08:00Z).
    const clock = manualClock(new Date("2026-06-01T04:00:00Z"));
    let running: RunningVitrine;
    let database: TestDatabase | undefined;
    let dataDir: string;
    let url: string;
    let world: World;
    let appointmentId = "";
    let guestToken = "";
    const rooms: SalonTestRoom[] = [];
    const cookies = new Map<string, string>();
    let client = "";
    let advisor = "";
    let stranger = "";

    const cookieOf = async (userId: string) => {
      let cookie = cookies.get(userId);
      if (!cookie) {
        cookie = `${SESSION_COOKIE_NAME}=${(await createSession(running.database, userId, 24 * 365)).token}`;
        cookies.set(userId, cookie);
      }
      return cookie;
    };
    const join = async (userId: string | null, options: Record<string, unknown> = {}) => {
      const cookie = userId ? await cookieOf(userId) : null;
      const sdk = new Client(url, cookie ? { headers: { cookie } } : undefined);
      const room = await sdk.joinOrCreate(
        SALON_ROOM,
        { protocol: PROTOCOL_VERSION, appointmentId, ...options },
        SalonState,
      );
      rooms.push(room);
      return room;
    };
    const refusal = async (userId: string | null, options: Record<string, unknown> = {}) => {
      const error = await join(userId, options).then(
        () => assert.fail("the join should have been refused"),
        (e: unknown) => e,
      );
      const parsed = SalonRefusals.fromJoinError(error);
      assert.ok(parsed, `a named refusal, got ${String(error)}`);
      return parsed;
    };
    /**
     * Joins, and resolves with the reason the room sends this connection away with: the room closes
     * it with SalonRefusals.closeCode right at admission, which the SDK reports as the join's error.
     */
    const sentAway = async (userId: string | null, options: Record<string, unknown> = {}) => {
      const error = await join(userId, options).then(
        () => assert.fail("the connection should have been sent away"),
        (e: unknown) => e as { code?: number; message?: string },
      );
      assert.equal(error.code, SalonRefusals.closeCode);
      // The page reads it the way it reads a refusal at the door (SalonRoomDriver's onJoinFailed).
      const refusal = SalonRefusals.fromJoinError(error);
      assert.ok(refusal, `a named refusal, got ${String(error)}`);
      assert.equal(refusal.reason, error.message);
      return refusal.reason;
    };
    const nextMessage = <T>(room: SalonTestRoom, type: string) =>
      new Promise<T>((resolve) => {
        const off = room.onMessage(type, (m: T) => {
          off();
          resolve(m);
        });
      });
    const errorAfter = async (room: SalonTestRoom, send: () => void) => {
      const next = nextMessage<{ code: string; details?: { reason?: string } }>(room, "error");
      send();
      return next;
    };

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-salon-"));
      const config = loadConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        SEED_DEMO: "false",
      });
      running = await startVitrine(config, { clock });
      url = `http://127.0.0.1:${running.port}`;
      const db = drizzleOf(running.database);
      world = await createWorld(db, "salon", 4);
      client = world.clients[0] as string;
      stranger = world.clients[1] as string;
      advisor = world.a.advisorIds[0];
      // A watch with two strap variants, and an engraving on its case back.
      await db.insert(products).values({
        id: "salon-a-chrono",
        brandId: world.a.brandId,
        name: { en: "Chrono" },
        description: { en: "A watch." },
        priceMinor: 900_000,
        currency: "EUR",
        model: {
          kind: "gltf",
          url: "/assets/chrono.glb",
          bytes: 1000,
          displayHeight: 0.3,
          variants: [
            { name: "steel", label: { en: "Steel" } },
            { name: "gold", label: { en: "Gold" } },
          ],
        },
        position: 2,
      });
      await storeProductPersonalisation(
        running.database,
        {
          productId: world.a.ringId,
          updatedBy: null,
          options: {
            options: [
              {
                id: "band",
                kind: "initials",
                required: false,
                label: { en: "Initials inside the band" },
                surface: "band-inner",
                fonts: ["cormorant-garamond"],
                maxLetters: 3,
              },
            ],
          },
        },
        clock,
      );
      const body = SetAvailabilityBody.parse({
        timeZone: "Europe/Paris",
        weekly: [],
        exceptions: [{ kind: "extra_hours", date: "2026-06-02", start: "10:00", end: "11:00" }],
      });
      await setAvailability(running.database, { actorId: advisor, brandId: world.a.brandId, body }, clock);
      const booked = await bookAppointment(
        running.database,
        {
          clientId: client,
          brandId: world.a.brandId,
          body: { advisorId: advisor, startsAt: "2026-06-02T08:00:00Z", source: "host", keepInTouch: true },
        },
        clock,
      );
      assert.equal(booked.outcome, "booked");
      appointmentId = booked.outcome === "booked" ? booked.appointment.id : "";
      guestToken = (await inviteGuest(running.database, { clientId: client, appointmentId, body: {} }, clock))
        .token;
      // A staff member of the same maison who is not this appointment's advisor.
      await db
        .insert(brandStaff)
        .values({ userId: world.b.ownerId, brandId: world.a.brandId, role: "advisor" });
    });
    after(async () => {
      for (const room of rooms) if (room.connection.isOpen) await room.leave().catch(() => undefined);
      await running?.close();
      await database?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    test("before its time the salon is shut; strangers, other staff and bad options are refused", async () => {
      const early = await refusal(client);
      assert.equal(early.reason, "not_open_yet" satisfies SalonRefusalReason);
      assert.equal(early.opensAt, "2026-06-02T07:50:00.000Z");
      clock.set(new Date("2026-06-02T07:55:00Z"));
      assert.equal((await refusal(stranger)).reason, "not_invited");
      assert.equal((await refusal(world.b.ownerId)).reason, "not_invited");
      assert.equal((await refusal(null)).reason, "not_invited");
      assert.equal((await refusal(null, { guestToken: "not-the-token" })).reason, "not_invited");
      assert.equal((await refusal(client, { appointmentId: "" })).reason, "invalid_options");
    });

    test("client, advisor and one guest meet; call signals, the table, the list, the engraving and a hand-over", async () => {
      const c = await join(client);
      const a = await join(advisor);
      const g = await join(null, { guestToken });
      await waitFor("three people in the salon", () => c.state.people?.size === 3);
      assert.deepEqual([...c.state.people.values()].map((p) => p.role).sort(), [
        "advisor",
        "client",
        "guest",
      ]);
      // A second guest with the same link, or the client in a second window, is sent away by name.
      assert.equal(await sentAway(null, { guestToken }), "guest_present" satisfies SalonRefusalReason);
      assert.equal(await sentAway(client), "already_inside" satisfies SalonRefusalReason);
      assert.equal(c.state.people.size, 3);

      // Call signalling: relayed to the named peer, `from` set by the room.
      const offer = nextMessage<{ from: string; signal: { type: string; sdp: string } }>(a, "call");
      c.send("call", { to: a.sessionId, signal: { type: "offer", sdp: "v=0 offer" } });
      assert.deepEqual(await offer, { from: c.sessionId, signal: { type: "offer", sdp: "v=0 offer" } });
      const notHere = await errorAfter(c, () =>
        c.send("call", { to: "nobody-here", signal: { type: "hangup", reason: "left" } }),
      );
      assert.equal(notHere.details?.reason, "not_in_call");

      // The advisor puts the watch on the table and switches its variant; the client sees the same.
      a.send("placeOnTable", { productId: "salon-a-chrono", variant: "steel" });
      await waitFor("the watch on the client's table", () => c.state.table?.productId === "salon-a-chrono");
      a.send("setVariant", { variant: "gold" });
      a.send("turnTable", { yaw: 1.25, pitch: 3, zoom: 9 });
      await waitFor(
        "variant and pose on the client's side",
        () => c.state.table.variant === "gold" && c.state.table.zoom === 4,
      );
      assert.ok(Math.abs(c.state.table.yaw - 1.25) < 1e-5);
      assert.ok(Math.abs(c.state.table.pitch - Math.PI / 2) < 1e-5, "pitch clamped");
      const badVariant = await errorAfter(a, () => a.send("setVariant", { variant: "platinum" }));
      assert.equal(badVariant.details?.reason, "unknown_variant");
      const foreign = await errorAfter(a, () =>
        a.send("placeOnTable", { productId: world.b.ringId, variant: null }),
      );
      assert.equal(foreign.code, "not_found");
      const guestPlaces = await errorAfter(g, () =>
        g.send("placeOnTable", { productId: world.a.ringId, variant: null }),
      );
      assert.equal(guestPlaces.details?.reason, "role_not_allowed");
      const malformed = await errorAfter(c, () => c.send("turnTable", { yaw: "left" }));
      assert.equal(malformed.code, "invalid_message");

      // The client puts the ring on the table and engraves initials: validated, shown to everyone.
      c.send("placeOnTable", { productId: world.a.ringId, variant: null });
      await waitFor("the ring on the advisor's table", () => a.state.table.productId === world.a.ringId);
      c.send("engrave", {
        productId: world.a.ringId,
        choice: { band: { letters: "ab", font: "cormorant-garamond" } },
      });
      await waitFor("the initials on the advisor's side", () => a.state.engraving?.choice !== "");
      assert.deepEqual(JSON.parse(a.state.engraving.choice), {
        band: { letters: "AB", font: "cormorant-garamond" },
      });
      const tooMany = await errorAfter(c, () =>
        c.send("engrave", {
          productId: world.a.ringId,
          choice: { band: { letters: "ABCD", font: "cormorant-garamond" } },
        }),
      );
      assert.equal(tooMany.details?.reason, "invalid_personalisation");

      // The advisor builds the selection list; the client sees it and may not edit it.
      a.send("selectionAdd", {
        productId: world.a.ringId,
        variant: null,
        personalisation: { band: { letters: "AB", font: "cormorant-garamond" } },
      });
      a.send("selectionAdd", { productId: "salon-a-chrono", variant: "gold" });
      await waitFor("two pieces on the client's list", () => c.state.selection?.length === 2);
      const clientEdits = await errorAfter(c, () => c.send("selectionAdd", { productId: world.a.watchId }));
      assert.equal(clientEdits.details?.reason, "role_not_allowed");
      const chrono = c.state.selection.find((i: { productId: string }) => i.productId === "salon-a-chrono");
      assert.ok(chrono);
      a.send("selectionRemove", { itemId: chrono.itemId });
      await waitFor("one piece left", () => c.state.selection.length === 1);
      const stored = await listMySelectionLists(running.database, client);
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.appointmentId, appointmentId);
      assert.deepEqual(stored[0]?.items[0]?.personalisation, {
        band: { letters: "AB", font: "cormorant-garamond" },
      });

      // The client decides on the ring: an order to the maison, its status mirrored to everyone.
      const ring = c.state.selection[0];
      assert.ok(ring);
      const advisorHandsOver = await errorAfter(a, () =>
        a.send("handover", { itemId: ring.itemId, to: "order" }),
      );
      assert.equal(advisorHandsOver.details?.reason, "role_not_allowed");
      const handed = nextMessage<{ to: string; item: { handover: { status: string } } }>(c, "handedOver");
      c.send("handover", { itemId: ring.itemId, to: "order" });
      assert.equal((await handed).item.handover.status, "order_sent");
      await waitFor(
        "the order status on the advisor's side",
        () => a.state.selection[0]?.handover === "order_sent",
      );
    });

    test("someone back from a reload while their seat waits takes it back; a live second window is still refused", async () => {
      const inside = (role: string) =>
        rooms.find((r) => r.connection.isOpen && r.state.people?.get(r.sessionId)?.role === role);
      const c = inside("client");
      const a = inside("advisor");
      assert.ok(c && a, "the client and the advisor are inside");
      const stale = a.sessionId;
      // The advisor's page reloads: the socket closes without leaving, and the page will not come
      // back on this connection (4100 is no code the SDK reconnects on; the server keeps the seat).
      const ws = (a.connection.transport as unknown as { ws: WebSocket }).ws;
      ws.close(4100, "page reloaded");
      await waitFor("the advisor's seat waits", () => c.state.avatars.get(stale)?.connected === false);

      const back = await join(advisor);
      await waitFor(
        "the advisor is back, under the new connection",
        () =>
          c.state.people.get(back.sessionId)?.role === "advisor" &&
          !c.state.people.has(stale) &&
          c.state.avatars.get(back.sessionId)?.connected === true &&
          !c.state.avatars.has(stale),
      );
      assert.equal(c.state.people.size, 3);
      assert.equal(c.state.avatars.size, 3);
      // The same salon: the piece on the table and the list are there, and the advisor acts again.
      await waitFor(
        "the returning advisor's table and list",
        () => back.state.table?.productId === world.a.ringId && back.state.selection?.length === 1,
      );
      back.send("turnTable", { yaw: 0.5, pitch: 0, zoom: 2 });
      await waitFor("the client sees the advisor's turn", () => c.state.table.zoom === 2);
      const offer = nextMessage<{ from: string }>(back, "call");
      c.send("call", { to: back.sessionId, signal: { type: "offer", sdp: "v=0 again" } });
      assert.equal((await offer).from, c.sessionId);
      // Once the old seat is gone, it is not waiting any more: a second live window is refused.
      assert.equal(await sentAway(advisor), "already_inside" satisfies SalonRefusalReason);
      assert.equal(c.state.people.size, 3);
    });

    test("when the salon closes on the server's clock, everyone inside is sent away", async () => {
      const c = rooms.find((r) => r.connection.isOpen && r.state.people?.get(r.sessionId)?.role === "client");
      assert.ok(c, "the client is still inside");
      const refused = nextMessage<{ reason: string }>(c, "refused");
      // The slot ends at 08:30Z; the salon closes thirty minutes later.
      clock.set(new Date("2026-06-02T09:00:00Z"));
      assert.equal((await refused).reason, "closed");
      await waitFor("the client's connection closed", () => !c.connection.isOpen);
      assert.equal((await refusal(client)).reason, "closed");
    });
  });
}
