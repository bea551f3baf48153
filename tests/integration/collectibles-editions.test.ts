/**
 * Edition numbers under concurrency: no gaps on success, no duplicates, never beyond the edition
 * size, one copy per person; on PGlite and PostgreSQL, across two connection pools and a second
 * process on PostgreSQL, and after closing and reopening the database.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { verifyCertificate } from "../../server/collectibles/certificates.ts";
import { type GrantOutcome, grantCopy } from "../../server/collectibles/grants.ts";
import { ownerPseudonym } from "../../server/collectibles/ownerPseudonyms.ts";
import { type Database, openDatabase, openPgliteDatabase } from "../../server/db/database.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { databaseTargets, type TestDatabase, withDatabase } from "../helpers/databases.ts";
import {
  createBrandWithModel,
  createTestCollectible,
  createUsers,
  ledger,
  range,
  registerTestSigner,
  T0,
} from "./collectibles-fixtures.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const clock = manualClock(T0);

function grantAll(database: Database, collectibleId: string, userIds: string[]): Promise<GrantOutcome[]> {
  return Promise.all(
    userIds.map((userId) =>
      grantCopy(database, { collectibleId, userId, reason: "manual", ref: "test" }, clock),
    ),
  );
}

const editionsOf = (outcomes: GrantOutcome[]) =>
  outcomes.flatMap((o) => (o.outcome === "granted" ? [o.edition] : [])).sort((a, b) => a - b);

for (const target of databaseTargets()) {
  describe(`collectible editions on ${target.name}`, { skip: target.skip }, () => {
    test("50 concurrent grants of a size-40 edition: copies 1..40 exactly, 10 sold out", async () => {
      await withDatabase(target, async (database) => {
        const { keys } = registerTestSigner(database);
        const { owner } = await createBrandWithModel(database);
        const collectible = await createTestCollectible(database, owner, { editionSize: 40 });
        const users = await createUsers(database.db, 50);
        const outcomes = await grantAll(database, collectible.id, users);

        assert.deepEqual(editionsOf(outcomes), range(40));
        assert.equal(outcomes.filter((o) => o.outcome === "sold_out").length, 10);
        const stored = await ledger(database, collectible.id);
        assert.equal(stored.issued, 40);
        assert.deepEqual(
          stored.copies.map((c) => c.edition).sort((a, b) => a - b),
          range(40),
        );
        assert.equal(new Set(stored.copies.map((c) => c.ownerId)).size, 40);
        for (const copy of stored.copies) {
          const verdict = verifyCertificate(copy.certificate, keys);
          assert.equal(verdict.valid, true, verdict.reason);
          assert.equal(verdict.statement?.edition, copy.edition);
          assert.equal(verdict.statement?.editionSize, 40);
          assert.equal(verdict.statement?.certificateId, copy.id);
        }
        // Sold out stays sold out.
        const [late] = await createUsers(database.db, 1, "late");
        assert.deepEqual(
          await grantCopy(
            database,
            { collectibleId: collectible.id, userId: late as string, reason: "manual", ref: null },
            clock,
          ),
          { outcome: "sold_out" },
        );
      });
    });

    test("concurrent grants to one person give one copy; every answer names it", async () => {
      await withDatabase(target, async (database) => {
        registerTestSigner(database);
        const { owner } = await createBrandWithModel(database);
        const collectible = await createTestCollectible(database, owner, { editionSize: 5 });
        const [someone, other] = (await createUsers(database.db, 2)) as [string, string];
        const outcomes = await grantAll(database, collectible.id, Array(12).fill(someone));
        assert.equal(outcomes.filter((o) => o.outcome === "granted").length, 1);
        const ids = new Set(outcomes.map((o) => (o.outcome === "sold_out" ? "none" : o.copyId)));
        assert.equal(ids.size, 1);
        // The numbers taken and given back left no gap: the next person gets #2.
        const [next] = await grantAll(database, collectible.id, [other]);
        assert.deepEqual(next && next.outcome === "granted" ? next.edition : null, 2);
        assert.equal((await ledger(database, collectible.id)).issued, 2);
      });
    });

    test("30 people asking twice each, at once, for 20 copies: 1..20, nobody twice", async () => {
      await withDatabase(target, async (database) => {
        registerTestSigner(database);
        const { owner } = await createBrandWithModel(database);
        const collectible = await createTestCollectible(database, owner, { editionSize: 20 });
        const users = await createUsers(database.db, 30);
        const outcomes = await grantAll(database, collectible.id, [...users, ...users.toReversed()]);
        assert.deepEqual(editionsOf(outcomes), range(20));
        const stored = await ledger(database, collectible.id);
        assert.equal(stored.issued, 20);
        assert.equal(new Set(stored.copies.map((c) => c.ownerId)).size, 20);
        assert.equal(outcomes.filter((o) => o.outcome === "already_owned").length, 20);
        assert.equal(outcomes.filter((o) => o.outcome === "sold_out").length, 20);
      });
    });
  });
}

describe("collectible editions after closing and reopening PGlite on disk", () => {
  test("numbering continues where it stopped, and stops at the edition size", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-editions-"));
    try {
      let database = await openDatabase({ dataDir });
      registerTestSigner(database);
      const { owner } = await createBrandWithModel(database);
      const collectible = await createTestCollectible(database, owner, { editionSize: 30 });
      const users = await createUsers(database.db, 40);
      assert.deepEqual(editionsOf(await grantAll(database, collectible.id, users.slice(0, 25))), range(25));
      const pseudonym = await ownerPseudonym(database, users[0] as string);
      assert.match(pseudonym, /^own_[0-9a-f]{24}$/);
      assert.notEqual(await ownerPseudonym(database, users[1] as string), pseudonym);
      await database.close();

      database = await openPgliteDatabase(new PGlite(path.join(dataDir, "db")));
      registerTestSigner(database);
      const outcomes = await grantAll(database, collectible.id, users.slice(25));
      assert.deepEqual(editionsOf(outcomes), [26, 27, 28, 29, 30]);
      assert.equal(
        await ownerPseudonym(database, users[0] as string),
        pseudonym,
        "the same owner, the same pseudonym",
      );
      assert.equal(outcomes.filter((o) => o.outcome === "sold_out").length, 10);
      const stored = await ledger(database, collectible.id);
      assert.deepEqual(
        stored.copies.map((c) => c.edition).sort((a, b) => a - b),
        range(30),
      );
      await database.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

const postgres = databaseTargets().find((t) => t.name === "postgres");
describe("collectible editions across connections and processes (PostgreSQL)", {
  skip: postgres?.skip ?? "no target",
}, () => {
  test("two pools and a second process grant at once: 1..40 exactly, never beyond", async () => {
    if (!postgres) return;
    await withDatabase(postgres, async (database: TestDatabase) => {
      const { privatePem } = registerTestSigner(database);
      const { owner } = await createBrandWithModel(database);
      const collectible = await createTestCollectible(database, owner, { editionSize: 40 });
      const users = await createUsers(database.db, 66);
      const second = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
      registerTestSigner(second);
      const worker = spawn(
        process.execPath,
        [
          "tests/fixtures/collectibles-grant-worker.ts",
          database.url as string,
          collectible.id,
          users.slice(44).join(","),
        ],
        {
          cwd: ROOT,
          env: { ...process.env, GRANT_SIGNING_KEY: privatePem },
          stdio: ["pipe", "pipe", "pipe"],
        },
      );
      try {
        let out = "";
        let err = "";
        worker.stdout.on("data", (d: Buffer) => {
          out += d.toString();
        });
        worker.stderr.on("data", (d: Buffer) => {
          err += d.toString();
        });
        const exited = new Promise<number | null>((resolve) => worker.once("exit", resolve));
        while (!out.includes("ready")) {
          if (worker.exitCode !== null) throw new Error(`worker exited early: ${err}`);
          await new Promise((r) => setTimeout(r, 20));
        }
        worker.stdin.write("go\n");
        const [a, b] = await Promise.all([
          grantAll(database, collectible.id, users.slice(0, 22)),
          grantAll(second, collectible.id, users.slice(22, 44)),
        ]);
        assert.equal(await exited, 0, err);
        const fromWorker = JSON.parse(out.trim().split("\n").at(-1) as string) as GrantOutcome[];
        assert.equal(fromWorker.length, 22);
        const all = [...(a ?? []), ...(b ?? []), ...fromWorker];
        assert.deepEqual(editionsOf(all), range(40));
        assert.equal(all.filter((o) => o.outcome === "sold_out").length, 26);
        const stored = await ledger(database, collectible.id);
        assert.equal(stored.issued, 40);
        assert.deepEqual(
          stored.copies.map((c) => c.edition).sort((x, y) => x - y),
          range(40),
        );
      } finally {
        if (worker.exitCode === null) worker.kill("SIGKILL");
        await second.close();
      }
    });
  });

  test("after closing every connection and reopening, numbering continues without a gap", async () => {
    if (!postgres) return;
    await withDatabase(postgres, async (database: TestDatabase) => {
      registerTestSigner(database);
      const { owner } = await createBrandWithModel(database);
      const collectible = await createTestCollectible(database, owner, { editionSize: 12 });
      const users = await createUsers(database.db, 16);
      const first = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
      registerTestSigner(first);
      assert.deepEqual(editionsOf(await grantAll(first, collectible.id, users.slice(0, 7))), range(7));
      await first.close();
      const reopened = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
      try {
        registerTestSigner(reopened);
        const outcomes = await grantAll(reopened, collectible.id, users.slice(7));
        assert.deepEqual(editionsOf(outcomes), [8, 9, 10, 11, 12]);
        assert.equal(outcomes.filter((o) => o.outcome === "sold_out").length, 4);
      } finally {
        await reopened.close();
      }
    });
  });
});
