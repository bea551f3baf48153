/**
 * Céleste's "take me to an advisor": with nobody online she offers the maison's next free slots
 * (times in the reader's language and zone), with an advisor online the live queue and its
 * estimated wait, in all four languages; and "yes" still leads to the boutique. The hand-off is
 * read from the database (server/clienteling/hostHandoff.ts) on the manual clock and composed by
 * the host's pure answer (shared/host/answers.ts). PGlite, and PostgreSQL when set.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, describe, test } from "node:test";
import { getCatalog } from "../../server/catalog/catalogRepository.ts";
import { setAvailability } from "../../server/clienteling/appointments/availability.ts";
import { advisorHeartbeat, joinQueue } from "../../server/clienteling/appointments/queue.ts";
import { advisorHandoff } from "../../server/clienteling/hostHandoff.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { layoutAvenue } from "../../shared/avenue/layout.ts";
import { SetAvailabilityBody } from "../../shared/clienteling/availability.ts";
import type { AdvisorHandoff } from "../../shared/clienteling/queue.ts";
import { LOCALES } from "../../shared/constants.ts";
import { composeAnswer } from "../../shared/host/answers.ts";
import { HostIntent } from "../../shared/host/intentCorpus.ts";
import { renderLine } from "../../shared/host/lineTokens.ts";
import { HostScript } from "../../shared/host/script.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { createWorld, type World } from "./clienteling-fixtures.ts";

const script = HostScript.parse(
  JSON.parse(fs.readFileSync(new URL("../../assets/host/platform-script.json", import.meta.url), "utf8")),
);

for (const target of databaseTargets()) {
  describe(`the host's hand-off to an advisor (${target.name})`, { skip: target.skip }, () => {
    // Monday 1 June 2026, 06:00 in Paris.
    const clock = manualClock(new Date("2026-06-01T04:00:00Z"));
    let database: TestDatabase;
    let world: World;
    before(async () => {
      database = await target.open();
      world = await createWorld(database.db, "handoff", 2);
      const body = SetAvailabilityBody.parse({
        timeZone: "Europe/Paris",
        weekly: [],
        exceptions: [{ kind: "extra_hours", date: "2026-06-02", start: "10:00", end: "12:00" }],
      });
      await setAvailability(
        database,
        { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body },
        clock,
      );
    });
    after(() => database?.close());

    async function answerWith(handoff: AdvisorHandoff) {
      const catalog = await getCatalog(database);
      return composeAnswer(
        {
          intent: HostIntent.advisor,
          locale: "en",
          entities: { products: [], brandIds: [world.a.brandId], masked: "" },
          askerName: "Ana",
        },
        {
          nowMs: clock.now().getTime(),
          catalog,
          layout: layoutAvenue(catalog.brands.map((b) => b.id)),
          drops: [],
          script,
          faq: new Map(),
          toursAvailable: false,
          advisorHandoff: handoff,
        },
      );
    }
    const seen = (line: Record<string, string>, locale: string) =>
      renderLine(line[locale] ?? "", locale, clock.now().getTime(), "Europe/Paris").replace(
        /[\u202f\u00a0]/g,
        " ",
      );

    test("nobody online: the next three free slots, in every language, and the offer to go there", async () => {
      const handoff = await advisorHandoff(database, world.a.brandId, clock);
      assert.equal(handoff.advisorsOnline, 0);
      assert.equal(handoff.estimatedWaitMinutes, null);
      assert.deepEqual(handoff.nextSlots, [
        "2026-06-02T08:00:00.000Z",
        "2026-06-02T08:30:00.000Z",
        "2026-06-02T09:00:00.000Z",
      ]);
      const answer = await answerWith(handoff);
      assert.deepEqual(answer.offer, { brandId: world.a.brandId });
      assert.deepEqual(answer.handoff, handoff);
      const words = { en: /private salon/, fr: /salon privé/, de: /privaten Salon/, "zh-CN": /私人沙龙/ };
      for (const locale of LOCALES) {
        const text = seen(answer.line, locale);
        assert.match(text, words[locale], `${locale}: ${text}`);
        assert.match(text, /10:00|10 AM|10:00 AM/, `${locale} shows Paris time: ${text}`);
        assert.match(text, /10:30/, `${locale}: ${text}`);
        assert.doesNotMatch(text, /\{\{|\{brand\}|\{slots\}/, `${locale} has no token left: ${text}`);
      }
    });

    test("an advisor online: the live queue and its estimated wait, in every language", async () => {
      await advisorHeartbeat(
        database,
        { actorId: world.a.advisorIds[0], brandId: world.a.brandId, status: "in_session" },
        clock,
      );
      const queued = await joinQueue(
        database,
        { clientId: world.clients[0] as string, brandId: world.a.brandId },
        clock,
      );
      assert.equal(queued.outcome, "queued");
      const handoff = await advisorHandoff(database, world.a.brandId, clock);
      assert.equal(handoff.advisorsOnline, 1);
      assert.ok(
        handoff.estimatedWaitMinutes !== null && handoff.estimatedWaitMinutes > 0,
        JSON.stringify(handoff),
      );
      const answer = await answerWith(handoff);
      const wait = String(handoff.estimatedWaitMinutes);
      const words = { en: /online now/, fr: /en ligne/, de: /jetzt online/, "zh-CN": /在线/ };
      for (const locale of LOCALES) {
        const text = seen(answer.line, locale);
        assert.match(text, words[locale], `${locale}: ${text}`);
        assert.ok(text.includes(wait), `${locale} names the wait (${wait}): ${text}`);
      }
      // Once the advisor's heartbeat is stale, the host offers slots again.
      clock.advance(5 * 60_000);
      const later = await advisorHandoff(database, world.a.brandId, clock);
      assert.equal(later.advisorsOnline, 0);
      assert.match(seen((await answerWith(later)).line, "en"), /private salon/);
    });
  });
}
