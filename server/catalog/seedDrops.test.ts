/**
 * The demo seed's passes and drops: on first start the VIP's early access to the FCFS drop is open and
 * the public start is later; a raffle publishes its commitment; re-seeding changes nothing; a seed file
 * with a drop the API would refuse is rejected before anything is written.
 */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { LOCALES } from "../../shared/constants.ts";
import { databaseTargets, withDatabase } from "../../tests/helpers/databases.ts";
import { DEMO_SEED_PATH } from "../app.ts";
import { auditEvents, drops, passes, users } from "../db/schema.ts";
import { callerAccess } from "../drops/claims.ts";
import { getDrop, getDropRow } from "../drops/drops.ts";
import { commitToSeed } from "../drops/raffle.ts";
import { loadSeedFile, SeedFileError, seedDemoContent } from "./seed.ts";

const NOW = new Date("2027-03-14T15:00:00Z");
const clockAt = (d: Date) => ({ now: () => d });

describe("demo seed file: passes and drops", () => {
  test("the demo file is valid and names a pass type, a pass for the VIP, an FCFS and a raffle drop", async () => {
    const seed = await loadSeedFile(DEMO_SEED_PATH);
    assert.ok(seed.passTypes.some((t) => t.holders.some((h) => h.email === "vip@vitrine.demo")));
    assert.deepEqual(seed.drops.map((d) => d.mode).sort(), ["fcfs", "raffle"]);
  });

  test("every demo drop has its title and description, every programme its name, in every language", async () => {
    const seed = await loadSeedFile(DEMO_SEED_PATH);
    for (const drop of seed.drops) {
      assert.deepEqual(Object.keys(drop.title).sort(), [...LOCALES].sort(), `${drop.id}'s title`);
      assert.deepEqual(
        Object.keys(drop.description ?? {}).sort(),
        [...LOCALES].sort(),
        `${drop.id}'s description`,
      );
    }
    for (const passType of seed.passTypes) {
      assert.deepEqual(Object.keys(passType.name).sort(), [...LOCALES].sort(), `${passType.id}'s name`);
    }
  });

  test("a drop the API would refuse, or one pointing nowhere, is rejected with every path", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vitrine-seed-drops-"));
    try {
      const seed = JSON.parse(await readFile(DEMO_SEED_PATH, "utf8"));
      const [fcfs] = seed.drops;
      fcfs.minutesFromSeeding.publicStart = -60; // before its early access
      fcfs.earlyAccessPassTypeIds = ["no-such-pass"];
      fcfs.productId = "halvard-bordeaux"; // another brand's product
      seed.passTypes[0].holders.push({ email: "nobody@vitrine.demo", issuedBy: "admin@vitrine.demo" });
      const file = path.join(dir, "seed.json");
      await writeFile(file, JSON.stringify(seed));
      const error = await loadSeedFile(file).catch((e: unknown) => e);
      assert.ok(error instanceof SeedFileError);
      const paths = error.details.map((d) => d.path);
      for (const expected of [
        "drops.0",
        "drops.0.earlyAccessPassTypeIds.0",
        "drops.0.productId",
        "passTypes.0.holders.1.email",
      ]) {
        assert.ok(paths.includes(expected), `${expected} in ${paths.join(", ")}`);
      }
      assert.match(error.message, /Times must be ordered/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

for (const target of databaseTargets()) {
  describe(`demo passes and drops seeded on ${target.name}`, { skip: target.skip }, () => {
    test("early access is open for the VIP at first start, not for a shopper; re-seeding is a no-op", () =>
      withDatabase(target, async (database) => {
        const seed = await loadSeedFile(DEMO_SEED_PATH);
        assert.equal((await seedDemoContent(database, seed, NOW)).applied, true);
        const db = database.db;
        const idOf = async (email: string) => {
          const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
          assert.ok(row, email);
          return row.id;
        };
        const vip = await idOf("vip@vitrine.demo");
        const shopper = await idOf("shopper@vitrine.demo");

        const fcfs = await getDrop(db, "aubrelle-etoile-edition", clockAt(NOW));
        assert.equal(fcfs.phase, "early_access");
        assert.ok(new Date(fcfs.publicStartsAt) > NOW, "the public start is later");
        const row = await getDropRow(db, fcfs.id);
        const vipAccess = await callerAccess(db, row, vip, NOW);
        assert.ok(vipAccess.opensAt <= NOW, "the VIP may claim right away");
        assert.equal(vipAccess.limit, 2, "the pass's claim limit applies");
        const shopperAccess = await callerAccess(db, row, shopper, NOW);
        assert.equal(shopperAccess.opensAt.toISOString(), fcfs.publicStartsAt);

        const raffle = await getDropRow(db, "brevanne-gousset-draw");
        assert.equal(raffle.mode, "raffle");
        assert.ok(raffle.seed && raffle.seedCommitment === commitToSeed(raffle.seed));
        assert.ok(raffle.entriesCloseAt && raffle.entriesCloseAt > NOW);

        const later = new Date(NOW.getTime() + 86_400_000);
        assert.equal((await seedDemoContent(database, seed, later)).applied, false);
        assert.equal(
          (await seedDemoContent(database, { ...seed, version: seed.version + 1 }, later)).applied,
          true,
        );
        const again = await getDropRow(db, fcfs.id);
        assert.equal(again.publicStartsAt.toISOString(), fcfs.publicStartsAt, "times are not moved");
        const [dropCount] = await db.select({ n: count() }).from(drops);
        const [passCount] = await db.select({ n: count() }).from(passes);
        assert.equal(Number(dropCount?.n), 2);
        assert.equal(Number(passCount?.n), 1);
        const audit = await db.select({ kind: auditEvents.kind }).from(auditEvents);
        assert.deepEqual(audit.map((a) => a.kind).sort(), [
          "drop_scheduled",
          "drop_scheduled",
          "pass_granted",
          "pass_type_created",
        ]);
      }));
  });
}
