import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { signIn } from "../../server/accounts/authentication.ts";
import { getCatalog } from "../../server/catalog/catalogRepository.ts";
import { loadSeedFile, readSeedVersion, SeedFileError, seedDemoContent } from "../../server/catalog/seed.ts";
import { openDatabase } from "../../server/db/database.ts";
import { brandStaff, brands, products, users } from "../../server/db/schema.ts";
import { Catalog } from "../../shared/catalog.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SMALL_SEED = path.join(ROOT, "tests/fixtures/seed-small.json");
const DEMO_SEED = path.join(ROOT, "assets/seed/demo.json");

describe("loadSeedFile", () => {
  test("reads the small fixture", async () => {
    const seed = await loadSeedFile(SMALL_SEED);
    assert.equal(seed.version, 1);
    assert.deepEqual(
      seed.brands.map((b) => b.id),
      ["maison-test", "atelier-two"],
    );
    assert.deepEqual(seed.accounts[0]?.brandRoles, [], "brandRoles defaults to an empty list");
  });

  test("lists every path and reason of a bad file", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vitrine-seed-"));
    try {
      const file = path.join(dir, "bad.json");
      const bad = {
        version: 0,
        brands: [
          {
            id: "Bad Id",
            name: "",
            tagline: { en: "ok" },
            facade: { style: "classic", wall: "#fff", trim: "#000000", light: "#000000" },
            products: [],
          },
        ],
        accounts: [{ email: "not-an-email", password: "short", displayName: "A", role: "shopper", note: "" }],
      };
      await writeFile(file, JSON.stringify(bad));
      const error = await loadSeedFile(file).then(
        () => assert.fail("a bad seed file must be refused"),
        (e: unknown) => e,
      );
      assert.ok(error instanceof SeedFileError);
      assert.equal(error.code, "validation_failed");
      const paths = error.details.map((d) => d.path);
      for (const expected of [
        "version",
        "brands.0.id",
        "brands.0.name",
        "brands.0.facade.wall",
        "accounts.0.email",
        "accounts.0.password",
        "accounts.0.displayName",
      ]) {
        assert.ok(paths.includes(expected), `expected an issue at ${expected}, got ${paths.join(", ")}`);
        assert.match(error.message, new RegExp(`^  ${expected.replaceAll(".", "\\.")}: `, "m"));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("refuses broken cross-references that the database would reject mid-seed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vitrine-seed-"));
    try {
      const seed = await loadSeedFile(SMALL_SEED);
      const [first, second] = seed.brands;
      assert.ok(first && second);
      const broken = {
        ...seed,
        brands: [first, { ...second, id: first.id }],
        accounts: [
          ...seed.accounts,
          { ...seed.accounts[0], email: "SHOPPER@example.test" },
          {
            ...seed.accounts[0],
            email: "x@example.test",
            brandRoles: [{ brandId: "nowhere", role: "owner" }],
          },
        ],
      };
      const file = path.join(dir, "refs.json");
      await writeFile(file, JSON.stringify(broken));
      const error = await loadSeedFile(file).catch((e: unknown) => e);
      assert.ok(error instanceof SeedFileError);
      const paths = error.details.map((d) => d.path);
      assert.ok(paths.includes("brands.1.id"), paths.join(", "));
      assert.ok(paths.includes("accounts.3.email"), paths.join(", "));
      assert.ok(paths.includes("accounts.4.brandRoles.0.brandId"), paths.join(", "));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("says so when the file is missing or not JSON", async () => {
    await assert.rejects(loadSeedFile(path.join(ROOT, "tests/fixtures/no-such-file.json")), SeedFileError);
    const dir = await mkdtemp(path.join(tmpdir(), "vitrine-seed-"));
    try {
      const file = path.join(dir, "broken.json");
      await writeFile(file, "{ not json");
      await assert.rejects(loadSeedFile(file), /Not valid JSON/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("loads the real demo file when it exists", {
    skip: existsSync(DEMO_SEED) ? false : "no demo.json yet",
  }, async () => {
    const seed = await loadSeedFile(DEMO_SEED);
    assert.ok(seed.brands.length > 0);
  });
});

for (const target of databaseTargets()) {
  describe(`seeding and the catalog on ${target.name}`, () => {
    const skip = target.skip;

    test("seeding twice inserts once", { skip }, () =>
      withDatabase(target, async (database) => {
        const seed = await loadSeedFile(SMALL_SEED);
        assert.equal(await readSeedVersion(database.db), 0);
        assert.deepEqual(await seedDemoContent(database, seed), { applied: true, version: 1 });
        assert.deepEqual(await seedDemoContent(database, seed), { applied: false, version: 1 });
        assert.equal(await readSeedVersion(database.db), 1);
        assert.equal((await database.db.select().from(brands)).length, 2);
        assert.equal((await database.db.select().from(products)).length, 2);
        assert.equal((await database.db.select().from(users)).length, 3);
        assert.equal((await database.db.select().from(brandStaff)).length, 2);
      }),
    );

    test("seeded accounts can sign in, with lowercased emails and their brand roles", { skip }, () =>
      withDatabase(target, async (database) => {
        await seedDemoContent(database, await loadSeedFile(SMALL_SEED));
        const { user } = await signIn(
          database,
          { email: "owner@example.test", password: "owner-password-1" },
          { sessionTtlHours: 1 },
        );
        assert.deepEqual(user.brandRoles, [
          { brandId: "atelier-two", role: "advisor" },
          { brandId: "maison-test", role: "owner" },
        ]);
        const [shopper] = await database.db
          .select()
          .from(users)
          .where(eq(users.email, "shopper@example.test"));
        assert.ok(shopper, "the mixed-case seed email is stored lowercased");
        assert.notEqual(shopper.passwordHash, "shopper-password-1");
        assert.match(shopper.passwordHash, /^\$argon2id\$/);
      }),
    );

    test("a newer seed version adds new rows and keeps edited ones", { skip }, () =>
      withDatabase(target, async (database) => {
        const seed = await loadSeedFile(SMALL_SEED);
        await seedDemoContent(database, seed);
        await database.db
          .update(brands)
          .set({ name: "Edited by the brand" })
          .where(eq(brands.id, "maison-test"));
        const [first] = seed.brands;
        assert.ok(first);
        const next = {
          ...seed,
          version: 2,
          brands: [
            { ...first, name: "Seed name" },
            ...seed.brands.slice(1),
            { ...first, id: "third-house", products: [] },
          ],
        };
        assert.deepEqual(await seedDemoContent(database, next), { applied: true, version: 2 });
        const catalog = await getCatalog(database);
        assert.deepEqual(
          catalog.brands.map((b) => [b.id, b.name]),
          [
            ["maison-test", "Edited by the brand"],
            ["atelier-two", "Atelier Two"],
            ["third-house", "Maison Test"],
          ],
        );
        assert.deepEqual(
          await seedDemoContent(database, seed),
          { applied: false, version: 1 },
          "older never reapplies",
        );
      }),
    );

    test("getCatalog orders by position and passes Catalog.parse", { skip }, () =>
      withDatabase(target, async (database) => {
        assert.deepEqual(await getCatalog(database), { brands: [] });
        const seed = await loadSeedFile(SMALL_SEED);
        await seedDemoContent(database, seed);
        const catalog = await getCatalog(database.db);
        assert.deepEqual(Catalog.parse(catalog), catalog);
        // The seed file's brands, as read back: same order, same products, same values.
        assert.deepEqual(catalog, { brands: seed.brands });
        const clock = catalog.brands[0]?.products[1];
        assert.equal(clock?.price.amountMinor, 99_000_000_000, "bigint minor units come back as numbers");
        assert.equal(typeof clock?.price.amountMinor, "number");
      }),
    );

    test(
      "the real demo file seeds and reads back when it exists",
      { skip: skip || (existsSync(DEMO_SEED) ? false : "no demo.json yet") },
      () =>
        withDatabase(target, async (database) => {
          const seed = await loadSeedFile(DEMO_SEED);
          await seedDemoContent(database, seed);
          const catalog = Catalog.parse(await getCatalog(database));
          assert.deepEqual(
            catalog.brands.map((b) => b.id),
            seed.brands.map((b) => b.id),
          );
        }),
    );
  });
}

const postgres = databaseTargets().find((t) => t.name === "postgres");
describe("seeding on postgres from several processes", () => {
  test("four pools seeding one database at once insert once", { skip: postgres?.skip ?? true }, async () => {
    if (!postgres) return;
    await withDatabase(postgres, async (database) => {
      assert.ok(database.url);
      const seed = await loadSeedFile(SMALL_SEED);
      const pools = await Promise.all(
        [1, 2, 3, 4].map(() => openDatabase({ databaseUrl: database.url, dataDir: "unused" })),
      );
      try {
        const outcomes = await Promise.all(pools.map((p) => seedDemoContent(p, seed)));
        assert.equal(outcomes.filter((o) => o.applied).length, 1);
        assert.equal((await database.db.select().from(users)).length, 3);
        assert.equal((await database.db.select().from(brandStaff)).length, 2);
        assert.equal((await getCatalog(database)).brands.length, 2);
      } finally {
        await Promise.all(pools.map((p) => p.close()));
      }
    });
  });
});
