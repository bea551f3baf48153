/**
 * Outreach never over-solicits: consent gates every message; the frequency cap holds across all the
 * brand's advisors, even sending at the same moment from several connections; quiet hours are the
 * client's own, across time zones and DST, on a manual clock; a refusal says when it would pass.
 * Email copies go to the .eml outbox when SMTP_URL is unset.
 */
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { listInbox } from "../../server/clienteling/outreach/messages.ts";
import { sendOutreach } from "../../server/clienteling/outreach/outreach.ts";
import { updatePreferences } from "../../server/clienteling/preferences.ts";
import { setBrandTemplate, updateClientelingSettings } from "../../server/clienteling/settings.ts";
import { clientMessages } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { DomainError } from "../../server/errors.ts";
import { createMailer } from "../../server/mail/mailer.ts";
import type { OutreachAnswer, SendOutreachBody } from "../../shared/clienteling/outreach.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { parseEml } from "./clienteling-eml.ts";
import { connections, createWorld, optIn, type World } from "./clienteling-fixtures.ts";

const DAY = 86_400_000;
const free = (clientId: string, channels: SendOutreachBody["channels"] = ["in_app"]): SendOutreachBody => ({
  clientId,
  purpose: "new_pieces",
  channels,
  content: { occasion: null, subject: "A new piece", body: "We thought of you." },
});
const refused = (answer: OutreachAnswer) =>
  answer.outcome === "refused" ? answer : assert.fail(`sent: ${JSON.stringify(answer)}`);

for (const target of databaseTargets()) {
  describe(`outreach on ${target.name}`, { skip: target.skip }, () => {
    let database: TestDatabase;
    let world: World;
    let outbox: string;
    const clock = manualClock(new Date("2026-06-10T10:00:00Z"));
    before(async () => {
      database = await target.open();
      world = await createWorld(database.db, "reach", 6);
      outbox = await mkdtemp(path.join(tmpdir(), "vitrine-outbox-"));
    });
    after(async () => {
      await database?.close();
      await rm(outbox, { recursive: true, force: true });
    });

    test("consent gates every message: purpose, channel, brand; a refusal stores nothing", async () => {
      const [c0] = world.clients as [string];
      const send = (body: SendOutreachBody, brand = world.a) =>
        sendOutreach(database, { actorId: brand.advisorIds[0], brandId: brand.brandId, body }, clock);
      assert.equal(refused(await send(free(c0))).rule, "consent_missing", "not in the book");
      await optIn(database.db, clock, world.a.brandId, c0, ["new_pieces"], ["in_app"]);
      const noEmail = refused(await send(free(c0, ["in_app", "email"])));
      assert.deepEqual(
        [noEmail.rule, noEmail.allowedAt, noEmail.details.missingChannels],
        ["consent_missing", null, ["email"]],
      );
      assert.equal(refused(await send({ ...free(c0), purpose: "events" })).rule, "consent_missing");
      assert.equal(refused(await send(free(c0), world.b)).rule, "consent_missing", "consent is per brand");
      assert.equal(refused(await send(free("nobody-at-all"))).rule, "consent_missing");
      assert.deepEqual(await listInbox(database, c0), []);
      const sent = await send(free(c0));
      assert.equal(sent.outcome, "sent");
      assert.deepEqual(
        (await listInbox(database, c0)).map((m) => [m.subject, m.advisorName, m.brandId]),
        [["A new piece", "Advisor a1", world.a.brandId]],
      );
      await assert.rejects(
        sendOutreach(
          database,
          { actorId: world.a.merchandiserId, brandId: world.a.brandId, body: free(c0) },
          clock,
        ),
        (e: unknown) => e instanceof DomainError && e.code === "forbidden",
      );
    });

    test("New York, 21:30 local before the March DST change: refused until 09:00 EDT, allowed then", async () => {
      const [, c1] = world.clients as [string, string];
      await optIn(database.db, clock, world.a.brandId, c1);
      await updatePreferences(database, c1, { timeZone: "America/New_York" }, clock);
      clock.set(new Date("2026-03-08T02:30:00Z")); // Saturday 7 March, 21:30 EST
      const answer = refused(
        await sendOutreach(
          database,
          { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body: free(c1) },
          clock,
        ),
      );
      assert.deepEqual([answer.rule, answer.allowedAt], ["quiet_hours", "2026-03-08T13:00:00.000Z"]);
      clock.set(new Date("2026-03-08T12:59:00Z"));
      assert.equal(
        refused(
          await sendOutreach(
            database,
            { actorId: world.a.advisorIds[1], brandId: world.a.brandId, body: free(c1) },
            clock,
          ),
        ).rule,
        "quiet_hours",
      );
      clock.set(new Date(answer.allowedAt as string));
      assert.equal(
        (
          await sendOutreach(
            database,
            { actorId: world.a.advisorIds[1], brandId: world.a.brandId, body: free(c1) },
            clock,
          )
        ).outcome,
        "sent",
      );
    });

    test("Shanghai: 22:00 there is quiet even when it is the afternoon in Paris; per-client quiet hours", async () => {
      const [, , c2] = world.clients as [string, string, string];
      await optIn(database.db, clock, world.a.brandId, c2);
      await updatePreferences(database, c2, { timeZone: "Asia/Shanghai" }, clock);
      clock.set(new Date("2026-06-10T14:00:00Z")); // 16:00 in Paris, 22:00 in Shanghai
      const answer = refused(
        await sendOutreach(
          database,
          { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body: free(c2) },
          clock,
        ),
      );
      assert.equal(answer.allowedAt, "2026-06-11T01:00:00.000Z", "09:00 in Shanghai");
      await updatePreferences(database, c2, { quietHours: { start: "23:00", end: "07:00" } }, clock);
      assert.equal(
        (
          await sendOutreach(
            database,
            { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body: free(c2) },
            clock,
          )
        ).outcome,
        "sent",
      );
    });

    test("the cap counts every advisor of the brand, and opens when the oldest message leaves the window", async () => {
      const [, , , c3] = world.clients as [string, string, string, string];
      await optIn(database.db, clock, world.a.brandId, c3);
      await optIn(database.db, clock, world.b.brandId, c3);
      const t1 = new Date("2026-06-01T10:00:00Z");
      clock.set(t1);
      assert.equal(
        (
          await sendOutreach(
            database,
            { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body: free(c3) },
            clock,
          )
        ).outcome,
        "sent",
      );
      clock.set(new Date("2026-06-05T10:00:00Z"));
      assert.equal(
        (
          await sendOutreach(
            database,
            { actorId: world.a.advisorIds[1], brandId: world.a.brandId, body: free(c3) },
            clock,
          )
        ).outcome,
        "sent",
      );
      clock.set(new Date("2026-06-09T10:00:00Z"));
      const capped = refused(
        await sendOutreach(
          database,
          { actorId: world.a.ownerId, brandId: world.a.brandId, body: free(c3) },
          clock,
        ),
      );
      assert.deepEqual(
        [capped.rule, capped.allowedAt],
        ["frequency_cap", new Date(t1.getTime() + 14 * DAY).toISOString()],
      );
      // Another brand has its own cap; a brand may allow more.
      assert.equal(
        (
          await sendOutreach(
            database,
            { actorId: world.b.advisorIds[0], brandId: world.b.brandId, body: free(c3) },
            clock,
          )
        ).outcome,
        "sent",
      );
      await updateClientelingSettings(
        database,
        { actorId: world.a.ownerId, brandId: world.a.brandId, patch: { capMessages: 3 } },
        clock,
      );
      assert.equal(
        (
          await sendOutreach(
            database,
            { actorId: world.a.ownerId, brandId: world.a.brandId, body: free(c3) },
            clock,
          )
        ).outcome,
        "sent",
      );
      await updateClientelingSettings(
        database,
        { actorId: world.a.ownerId, brandId: world.a.brandId, patch: { capMessages: 2 } },
        clock,
      );
      clock.set(new Date(t1.getTime() + 14 * DAY));
      assert.equal(
        refused(
          await sendOutreach(
            database,
            { actorId: world.a.ownerId, brandId: world.a.brandId, body: free(c3) },
            clock,
          ),
        ).rule,
        "frequency_cap",
        "still two in the window",
      );
    });

    test("advisors sending at the same moment cannot both take the last place of the cap", async () => {
      const [, , , , c4] = world.clients as [string, string, string, string, string];
      await optIn(database.db, clock, world.a.brandId, c4);
      clock.set(new Date("2026-07-01T10:00:00Z"));
      assert.equal(
        (
          await sendOutreach(
            database,
            { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body: free(c4) },
            clock,
          )
        ).outcome,
        "sent",
      );
      const pool = connections(database, 3);
      try {
        const senders = [world.a.advisorIds[0], world.a.advisorIds[1], world.a.ownerId];
        const answers = await Promise.all(
          Array.from({ length: 24 }, (_, i) =>
            sendOutreach(
              pool.dbs[i % pool.dbs.length] as never,
              { actorId: senders[i % 3] as string, brandId: world.a.brandId, body: free(c4) },
              clock,
            ),
          ),
        );
        assert.equal(answers.filter((a) => a.outcome === "sent").length, 1);
        assert.ok(
          answers
            .filter((a) => a.outcome === "refused")
            .every((a) => a.outcome === "refused" && a.rule === "frequency_cap"),
        );
      } finally {
        await pool.close();
      }
      const stored = await database.db
        .select()
        .from(clientMessages)
        .where(and(eq(clientMessages.clientId, c4), eq(clientMessages.countsTowardCap, true)));
      assert.equal(stored.length, 2);
    });

    test("templates in the client's language; a brand's template with an unknown field is refused by name", async () => {
      const [, , , , , c5] = world.clients as [string, string, string, string, string, string];
      await optIn(database.db, clock, world.a.brandId, c5);
      await updatePreferences(database, c5, { language: "fr", timeZone: "Europe/Paris" }, clock);
      clock.set(new Date("2026-08-03T10:00:00Z"));
      const mailer = createMailer({ outboxDir: outbox, from: "Vitrine <no-reply@vitrine.invalid>" });
      const body: SendOutreachBody = {
        clientId: c5,
        purpose: "new_pieces",
        channels: ["in_app", "email"],
        content: {
          occasion: "wishlist_piece_available",
          productId: world.a.ringId,
          note: "Je la garde pour vous jusqu'à samedi.",
        },
      };
      const sent = await sendOutreach(
        database,
        { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body },
        clock,
        { mailer },
      );
      assert.ok(sent.outcome === "sent");
      assert.equal(sent.message.language, "fr");
      assert.equal(sent.message.subject, "Bague a est disponible");
      assert.match(
        sent.message.body,
        /^Client 5,\n\nBague a, qui figure dans vos envies, est de nouveau disponible chez Maison A reach\./,
      );
      assert.match(sent.message.body, /Je la garde pour vous jusqu'à samedi\.$/);
      assert.equal(sent.message.emailStatus, "sent");
      // The outbox holds one parseable .eml of it.
      const files = (await readdir(outbox)).filter((f) => f.endsWith(".eml"));
      assert.equal(files.length, 1);
      const eml = parseEml(await readFile(path.join(outbox, files[0] as string)));
      assert.equal(eml.headers.get("to"), `${c5}@example.test`);
      assert.equal(eml.headers.get("subject"), "Bague a est disponible");
      assert.equal(eml.headers.get("from"), "Maison A reach via Vitrine <no-reply@vitrine.invalid>");
      assert.equal(eml.headers.get("x-vitrine-message-id"), sent.message.id);
      assert.ok(eml.text.startsWith("Client 5,\r\n\r\nBague a, qui figure"), eml.text.slice(0, 80));
      assert.match(eml.text, /portefeuille Vitrine/);
      // A product of another brand is not this brand's to write about.
      await assert.rejects(
        sendOutreach(
          database,
          {
            actorId: world.a.advisorIds[0],
            brandId: world.a.brandId,
            body: { ...body, content: { occasion: "wishlist_piece_new", productId: world.b.ringId } },
          },
          clock,
        ),
        (e: unknown) => e instanceof DomainError && e.code === "not_found",
      );
      await assert.rejects(
        setBrandTemplate(
          database,
          {
            actorId: world.a.ownerId,
            brandId: world.a.brandId,
            occasion: "birthday",
            template: {
              subject: { en: "Happy birthday {{clientName}}" },
              body: { en: "Your score: {{loyaltyScore}}" },
            },
          },
          clock,
        ),
        (e: unknown) =>
          e instanceof DomainError &&
          (e.details as { reason: string; problems: { field: string }[] }).reason === "unknown_merge_field" &&
          (e.details as { problems: { field: string }[] }).problems[0]?.field === "loyaltyScore",
      );
      await assert.rejects(
        sendOutreach(
          database,
          {
            actorId: world.a.advisorIds[0],
            brandId: world.a.brandId,
            body: {
              ...body,
              purpose: "events",
              content: { occasion: "wishlist_piece_new", productId: world.a.ringId },
            },
          },
          clock,
        ),
        (e: unknown) =>
          e instanceof DomainError && (e.details as { reason: string }).reason === "purpose_not_allowed",
      );
      mailer.close();
    });
  });
}
