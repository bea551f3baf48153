/**
 * Clienteling over HTTP, on a real server with a manual clock: 100 concurrent bookings of 5 slots
 * give exactly five 201s (each slot once) and 95 409s naming the reason; consent from the wallet
 * puts a client in the book and withdrawal takes them out; a card read by staff lands in the
 * client's access log; an advisor of one maison never reaches a client of another; outreach in the
 * client's quiet hours is refused with the rule and when it would be allowed; personalisation is
 * declared by the maison and validated by the server. PGlite, and PostgreSQL when set.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { type RunningVitrine, startVitrine } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { drizzleOf } from "../../server/db/database.ts";
import { users } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { buildPath, type EndpointSpec } from "../../shared/api/endpoint.ts";
import { clienteling as api } from "../../shared/api/index.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { createWorld, type World } from "./clienteling-fixtures.ts";

type Call = { params?: Record<string, string>; body?: unknown; query?: string; cookie?: string };

for (const target of databaseTargets()) {
  describe(`clienteling over HTTP (${target.name})`, { skip: target.skip }, () => {
    // Monday 1 June 2026, 06:00 in Paris.
    const clock = manualClock(new Date("2026-06-01T04:00:00Z"));
    let running: RunningVitrine;
    let database: TestDatabase | undefined;
    let dataDir: string;
    let url: string;
    let world: World;
    const cookies = new Map<string, string>();

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-clienteling-http-"));
      database = target.name === "postgres" ? await target.open() : undefined;
      const config = loadConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        SEED_DEMO: "false",
        ...(database?.url ? { DATABASE_URL: database.url } : {}),
      });
      running = await startVitrine(config, { clock });
      url = `http://127.0.0.1:${running.port}`;
      world = await createWorld(drizzleOf(running.database), "http", 3);
    });
    after(async () => {
      await running?.close();
      await database?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    async function cookieOf(userId: string): Promise<string> {
      let cookie = cookies.get(userId);
      if (!cookie) {
        cookie = `${SESSION_COOKIE_NAME}=${(await createSession(running.database, userId, 24 * 365)).token}`;
        cookies.set(userId, cookie);
      }
      return cookie;
    }

    async function call(endpoint: EndpointSpec, as: string | null, parts: Call = {}) {
      const cookie = as ? await cookieOf(as) : undefined;
      const response = await fetch(`${url}${buildPath(endpoint, parts.params)}${parts.query ?? ""}`, {
        method: endpoint.method,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(parts.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
    }

    function errorOf(answer: { json: unknown }) {
      return ApiErrorBody.parse(answer.json).error;
    }

    async function publishHours(advisorId: string, date: string, start: string, end: string) {
      const answer = await call(api.setAvailability, advisorId, {
        params: { brandId: world.a.brandId, advisorId },
        body: {
          timeZone: "Europe/Paris",
          weekly: [],
          exceptions: [{ kind: "extra_hours", date, start, end }],
        },
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.json));
    }

    test("100 concurrent bookings of 5 slots over HTTP: five 201s, each slot once, 95 conflicts", async () => {
      const advisor = world.a.advisorIds[0];
      // Tuesday 2 June, 10:00–12:30 in Paris: five slots of 30 minutes.
      await publishHours(advisor, "2026-06-02", "10:00", "12:30");
      const free = await call(api.freeSlots, null, { params: { brandId: world.a.brandId } });
      assert.equal(free.status, 200);
      const slots = (free.json as { slots: { startsAt: string; advisorId: string }[] }).slots;
      assert.deepEqual(
        slots.map((s) => s.startsAt.slice(11, 16)),
        ["08:00", "08:30", "09:00", "09:30", "10:00"],
      );
      const shoppers = Array.from({ length: 100 }, (_, i) => `http-rush-${String(i).padStart(3, "0")}`);
      await drizzleOf(running.database)
        .insert(users)
        .values(
          shoppers.map((id) => ({ id, email: `${id}@example.test`, passwordHash: "-", displayName: id })),
        );
      for (const id of shoppers) await cookieOf(id);
      const answers = await Promise.all(
        shoppers.map((id, i) =>
          call(api.book, id, {
            params: { brandId: world.a.brandId },
            body: { advisorId: advisor, startsAt: slots[i % 5]?.startsAt, source: "boutique" },
          }),
        ),
      );
      const won = answers.filter((a) => a.status === 201);
      assert.equal(won.length, 5);
      assert.deepEqual(
        won.map((a) => (a.json as { startsAt: string }).startsAt).sort(),
        slots.map((s) => s.startsAt),
      );
      const refused = answers.filter((a) => a.status !== 201);
      assert.equal(refused.length, 95);
      for (const answer of refused) {
        assert.equal(answer.status, 409);
        const error = errorOf(answer);
        assert.equal(error.code, "conflict");
        assert.equal((error.details as { reason: string }).reason, "slot_taken");
      }
      // The advisor sees the five in their agenda; a malformed booking is a 400, never a 500.
      const agenda = await call(api.brandAppointments, advisor, {
        params: { brandId: world.a.brandId },
        query: "?from=2026-06-02T00:00:00Z&to=2026-06-03T00:00:00Z",
      });
      assert.equal((agenda.json as unknown[]).length, 5);
      const bad = await call(api.book, shoppers[0] as string, {
        params: { brandId: world.a.brandId },
        body: { advisorId: advisor, startsAt: "tomorrow", source: "boutique" },
      });
      assert.equal(bad.status, 400);
      assert.equal(errorOf(bad).code, "validation_failed");
      const unknownBrand = await call(api.book, shoppers[0] as string, {
        params: { brandId: "no-such-maison" },
        body: { advisorId: advisor, startsAt: slots[0]?.startsAt, source: "boutique" },
      });
      assert.equal(unknownBrand.status, 404);
    });

    test("consent from the wallet puts a client in the book; card reads are in their access log; withdrawal ends it", async () => {
      const client = world.clients[0] as string;
      const advisorA = world.a.advisorIds[0];
      const advisorB = world.b.advisorIds[0];
      const grant = await call(api.setMyConsent, client, {
        params: { brandId: world.a.brandId },
        body: {
          source: "wallet",
          changes: [
            { purpose: "new_pieces", channel: "in_app", granted: true },
            { purpose: "appointments", channel: "email", granted: true },
          ],
        },
      });
      assert.equal(grant.status, 200, JSON.stringify(grant.json));
      const book = await call(api.clientBook, advisorA, { params: { brandId: world.a.brandId } });
      assert.deepEqual(
        (book.json as { clientId: string }[]).map((e) => e.clientId),
        [client],
      );
      // Brand B's advisor is refused brand A's book by the access rule, and its own book is empty.
      const foreign = await call(api.clientBook, advisorB, { params: { brandId: world.a.brandId } });
      assert.equal(foreign.status, 403);
      assert.equal((errorOf(foreign).details as { reason: string }).reason, "not_brand_staff");
      const ownB = await call(api.clientBook, advisorB, { params: { brandId: world.b.brandId } });
      assert.deepEqual(ownB.json, []);
      // Through its own brand's path, B's advisor cannot reach A's client either.
      const throughB = await call(api.clientCard, advisorB, {
        params: { brandId: world.b.brandId, clientId: client },
      });
      assert.equal(throughB.status, 404);

      const card = await call(api.clientCard, advisorA, {
        params: { brandId: world.a.brandId, clientId: client },
      });
      assert.equal(card.status, 200);
      assert.equal(
        (card.json as { consent: { new_pieces: { in_app: boolean } } }).consent.new_pieces.in_app,
        true,
      );
      const patched = await call(api.updateClientCard, advisorA, {
        params: { brandId: world.a.brandId, clientId: client },
        body: { notes: "Prefers yellow gold." },
      });
      assert.equal((patched.json as { notes: string }).notes, "Prefers yellow gold.");
      const emptyPatch = await call(api.updateClientCard, advisorA, {
        params: { brandId: world.a.brandId, clientId: client },
        body: {},
      });
      assert.equal(emptyPatch.status, 400);

      const log = await call(api.myAccessLog, client);
      const entries = log.json as { brandId: string; action: string }[];
      assert.ok(
        entries.some((e) => e.brandId === world.a.brandId && e.action === "card_read"),
        JSON.stringify(entries),
      );

      const withdrawn = await call(api.withdrawMyConsent, client, { params: { brandId: world.a.brandId } });
      assert.equal(withdrawn.status, 200);
      const after = await call(api.clientBook, advisorA, { params: { brandId: world.a.brandId } });
      assert.deepEqual(after.json, []);
      const gone = await call(api.clientCard, advisorA, {
        params: { brandId: world.a.brandId, clientId: client },
      });
      assert.equal(gone.status, 404);
      const history = await call(api.myConsentHistory, client);
      assert.ok((history.json as unknown[]).length >= 4);
    });

    test("outreach in the client's quiet hours is refused with the rule and when it would be allowed", async () => {
      const client = world.clients[1] as string;
      const advisor = world.a.advisorIds[1];
      await call(api.setMyConsent, client, {
        params: { brandId: world.a.brandId },
        body: { source: "boutique", changes: [{ purpose: "new_pieces", channel: "in_app", granted: true }] },
      });
      const prefs = await call(api.updateMyPreferences, client, {
        body: { timeZone: "Asia/Tokyo", quietHours: { start: "22:00", end: "08:00" } },
      });
      assert.equal(prefs.status, 200, JSON.stringify(prefs.json));
      // 14:00 UTC is 23:00 in Tokyo: quiet until 08:00 there, 23:00 UTC.
      clock.set(new Date("2026-06-01T14:00:00Z"));
      const body = {
        clientId: client,
        purpose: "new_pieces",
        channels: ["in_app"],
        content: { occasion: null, subject: "A new ring", body: "It reminded me of you." },
      };
      const refused = await call(api.sendOutreach, advisor, { params: { brandId: world.a.brandId }, body });
      assert.equal(refused.status, 409);
      const error = errorOf(refused);
      assert.equal(error.code, "conflict");
      const details = error.details as { rule: string; allowedAt: string; reason: string };
      assert.equal(details.reason, "outreach_refused");
      assert.equal(details.rule, "quiet_hours");
      assert.equal(details.allowedAt, "2026-06-01T23:00:00.000Z");
      // No email consent: asking for that channel is refused by consent, which only the client lifts.
      const noConsent = await call(api.sendOutreach, advisor, {
        params: { brandId: world.a.brandId },
        body: { ...body, channels: ["email"] },
      });
      assert.equal((errorOf(noConsent).details as { rule: string }).rule, "consent_missing");

      clock.set(new Date("2026-06-01T23:00:00Z"));
      const sent = await call(api.sendOutreach, advisor, { params: { brandId: world.a.brandId }, body });
      assert.equal(sent.status, 201, JSON.stringify(sent.json));
      const inbox = await call(api.myInbox, client, { query: "?unreadOnly=true" });
      const messages = inbox.json as { id: string; subject: string }[];
      assert.equal(messages[0]?.subject, "A new ring");
      const read = await call(api.markRead, client, { params: { messageId: messages[0]?.id as string } });
      assert.equal(read.status, 204);
      const unread = await call(api.myInbox, client, { query: "?unreadOnly=true" });
      assert.deepEqual(unread.json, []);
    });

    test("personalisation: declared by the maison's editors, validated by the server's schema", async () => {
      const options = {
        options: [
          {
            id: "band",
            kind: "engraving",
            required: false,
            label: { en: "Inside the band" },
            surface: "band-inner",
            fonts: ["inter"],
            maxLength: 12,
            allowed: { set: "latin_letters" },
          },
        ],
      };
      const path = { brandId: world.a.brandId, productId: world.a.ringId };
      const byAdvisor = await call(api.setPersonalisation, world.a.advisorIds[0], {
        params: path,
        body: options,
      });
      assert.equal(byAdvisor.status, 403);
      const byOtherBrandPath = await call(api.setPersonalisation, world.b.ownerId, {
        params: { brandId: world.b.brandId, productId: world.a.ringId },
        body: options,
      });
      assert.equal(byOtherBrandPath.status, 404);
      const stored = await call(api.setPersonalisation, world.a.merchandiserId, {
        params: path,
        body: options,
      });
      assert.equal(stored.status, 200, JSON.stringify(stored.json));
      const shown = await call(api.personalisation, null, { params: { productId: world.a.ringId } });
      assert.deepEqual(shown.json, stored.json);

      const ok = await call(api.validatePersonalisation, null, {
        params: { productId: world.a.ringId },
        body: { choice: { band: { text: "Pour Anna", font: "inter" } } },
      });
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.json, { choice: { band: { text: "Pour Anna", font: "inter" } } });
      const tooLong = await call(api.validatePersonalisation, null, {
        params: { productId: world.a.ringId },
        body: { choice: { band: { text: "Pour Anna 2026", font: "inter" } } },
      });
      assert.equal(tooLong.status, 400);
      const error = errorOf(tooLong);
      assert.equal((error.details as { reason: string }).reason, "invalid_personalisation");
      const badOptions = await call(api.setPersonalisation, world.a.merchandiserId, {
        params: path,
        body: { options: [{ id: "x", kind: "engraving", surface: "nowhere" }] },
      });
      assert.equal(badOptions.status, 400);
    });
  });
}
