/**
 * The demo seed's events: at a first start there is a live show, an upcoming one and a salon whose
 * guest list holds the demo VIP; a restart while they are current schedules nothing; a start after
 * the live show and the salon ended schedules fresh instances of those two (the ended ones stay).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { databaseTargets, withDatabase } from "../../tests/helpers/databases.ts";
import { DEMO_SEED_PATH } from "../app.ts";
import { eventInvitations, events, users } from "../db/schema.ts";
import { listEvents } from "../events/eventQueries.ts";
import { loadSeedFile, seedDemoContent } from "./seed.ts";
import { seedDemoEvents } from "./seedEvents.ts";

const NOW = new Date("2027-03-14T15:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const clockAt = (d: Date) => ({ now: () => d });

for (const target of databaseTargets()) {
  describe(`demo events seeded on ${target.name}`, { skip: target.skip }, () => {
    test("a live show, an upcoming show and a salon; renewed only once they ended", () =>
      withDatabase(target, async (database) => {
        const seed = await loadSeedFile(DEMO_SEED_PATH);
        await seedDemoContent(database, seed, NOW);
        const first = await seedDemoEvents(database, seed, NOW);
        assert.deepEqual(first.sort(), seed.events.map((e) => e.id).sort());

        const list = await listEvents(database, null, clockAt(NOW));
        const phaseOf = (id: string) => list.events.find((e) => e.id === id)?.phase;
        assert.equal(phaseOf("aubrelle-nuit-etoilee"), "live");
        assert.equal(phaseOf("brevanne-heures-de-geneve"), "scheduled");
        assert.equal(phaseOf("aubrelle-salon-prive"), "doors_open", "the VIP may RSVP and enter now");

        const db = database.db;
        const [vip] = await db
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, "vip@vitrine.demo"));
        const guests = await db
          .select({ userId: eventInvitations.userId })
          .from(eventInvitations)
          .where(eq(eventInvitations.eventId, "aubrelle-salon-prive"));
        assert.deepEqual(
          guests.map((g) => g.userId),
          [vip?.id],
        );

        assert.deepEqual(await seedDemoEvents(database, seed, at(60)), [], "nothing new while current");

        const later = at(9 * 60);
        const renewed = await seedDemoEvents(database, seed, later);
        assert.equal(renewed.length, 2, renewed.join(", "));
        assert.ok(
          renewed.every(
            (id) => id.startsWith("aubrelle-nuit-etoilee-") || id.startsWith("aubrelle-salon-prive-"),
          ),
        );
        const rows = await db.select({ id: events.id }).from(events);
        assert.equal(rows.length, 5, "the ended instances stay (their replays)");
        const laterList = await listEvents(database, null, clockAt(later));
        assert.ok(
          laterList.events.some((e) => e.id.startsWith("aubrelle-nuit-etoilee-") && e.phase === "live"),
        );
      }));
  });
}
