import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type Db, MIGRATIONS_FOLDER, openDatabase } from "../../server/db/database.ts";
import { drops } from "../../server/db/schema/drops.ts";
import { passTypes } from "../../server/db/schema/passes.ts";
import { appMeta } from "../../server/db/schema.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";

const EXPECTED_TABLES = [
  "advisor_availability",
  "advisor_presence",
  "advisor_queue",
  "analytics_daily",
  "analytics_facts",
  "analytics_hourly",
  "analytics_seen",
  "app_meta",
  "appointment_reminders",
  "appointments",
  "audit_events",
  "brand_models",
  "brand_placements",
  "brand_staff",
  "brand_webhooks",
  "brands",
  "chat_reports",
  "claim_personalisations",
  "client_access_log",
  "client_consent_events",
  "client_consents",
  "client_messages",
  "client_preferences",
  "client_relationships",
  "clienteling_settings",
  "clienteling_templates",
  "collectible_copies",
  "collectibles",
  "drop_accounts",
  "drop_claim_requests",
  "drop_claims",
  "drop_entries",
  "drops",
  "event_attendance",
  "event_invitations",
  "event_presenters",
  "event_products",
  "event_seats",
  "event_timeline",
  "events",
  "follow_ups",
  "host_scripts",
  "order_deliveries",
  "order_delivery_attempts",
  "outreach_counters",
  "pass_types",
  "passes",
  "product_drafts",
  "product_personalisation",
  "products",
  "selection_items",
  "selection_lists",
  "sessions",
  "users",
  "vitrine_shares",
  "wishlist_items",
];

async function publicTables(db: Db): Promise<string[]> {
  const rows = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return readRows<{ table_name: string }>(rows).map((r) => r.table_name);
}

async function appliedMigrationCount(db: Db): Promise<number> {
  const rows = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(readRows<{ n: number }>(rows)[0]?.n);
}

/** Both drivers answer `execute` with an object holding `rows`. */
function readRows<T>(result: unknown): T[] {
  assert.ok(result && typeof result === "object" && "rows" in result && Array.isArray(result.rows));
  return result.rows as T[];
}

async function journalEntryCount(): Promise<number> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

for (const target of databaseTargets()) {
  describe(`migrations on ${target.name}`, () => {
    const skip = target.skip;

    test("apply on an empty database and create every table", { skip }, () =>
      withDatabase(target, async ({ db, kind }) => {
        assert.equal(kind, target.name);
        assert.deepEqual(await publicTables(db), EXPECTED_TABLES);
        assert.equal(await appliedMigrationCount(db), await journalEntryCount());
      }),
    );

    test("the schema's constraints hold (lowercase emails, known roles)", { skip }, () =>
      withDatabase(target, async ({ db }) => {
        await assert.rejects(
          db.execute(
            sql`insert into users (id, email, password_hash, display_name) values ('u1', 'Upper@x.test', 'h', 'n')`,
          ),
        );
        await assert.rejects(
          db.execute(
            sql`insert into users (id, email, password_hash, display_name, role) values ('u2', 'a@x.test', 'h', 'n', 'root')`,
          ),
        );
      }),
    );
  });
}

describe("migrations on pglite in a data folder", () => {
  test("persist across a reopen and are not applied twice", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "vitrine-db-"));
    try {
      const first = await openDatabase({ dataDir });
      await first.db.insert(appMeta).values({ key: "probe", value: { kept: true } });
      await first.close();

      const second = await openDatabase({ dataDir });
      try {
        const rows = await second.db.select().from(appMeta);
        assert.deepEqual(rows, [{ key: "probe", value: { kept: true } }]);
        assert.equal(await appliedMigrationCount(second.db), await journalEntryCount());
        // The embedded PostgreSQL runs with small shared buffers (most of an idle server's memory
        // otherwise), on every open of a data folder, not only the first.
        const buffers = readRows<{ shared_buffers: string }>(
          await second.db.execute(sql`show shared_buffers`),
        );
        assert.equal(buffers[0]?.shared_buffers, "16MB");
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

type Journal = { entries: { tag: string }[] };

/** A migrations folder holding the repository's migrations before `tag` (the journal cut there). */
async function migrationsBefore(tag: string): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), "vitrine-migrations-"));
  const journal = JSON.parse(
    await readFile(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8"),
  ) as Journal;
  const cut = journal.entries.findIndex((e) => e.tag === tag);
  assert.ok(cut > 0, `${tag} is in the journal`);
  const entries = journal.entries.slice(0, cut);
  await mkdir(path.join(folder, "meta"));
  await writeFile(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const e of entries)
    await copyFile(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * A database migrated up to (not including) `tag`, handed to `body` with a function that applies
 * the rest; PGlite in memory, or a scratch PostgreSQL database.
 */
async function withDatabaseBefore(
  target: "pglite" | "postgres",
  tag: string,
  body: (db: Db, migrateRest: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const before = await migrationsBefore(tag);
  try {
    if (target === "pglite") {
      const client = new PGlite();
      try {
        const db = drizzlePglite({ client });
        await migratePglite(db, { migrationsFolder: before.folder });
        await body(db as unknown as Db, () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }));
      } finally {
        await client.close();
      }
      return;
    }
    const adminUrl = process.env.TEST_DATABASE_URL as string;
    const name = `vitrine_m_${Date.now().toString(36)}${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    // One client, not a pool: a pool's end() resolves before its connections have closed, and the
    // DROP ... WITH (FORCE) below then terminated one of them, which a pool without an error
    // listener threw as an uncaught "terminating connection due to administrator command" (CI, twice).
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const db = drizzleNodePg({ client });
      await migrateNodePg(db, { migrationsFolder: before.folder });
      await body(db as unknown as Db, () => migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER }));
    } finally {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    await before.remove();
  }
}

for (const target of databaseTargets()) {
  describe(`migrations of existing rows on ${target.name}`, { skip: target.skip }, () => {
    test("0010: a drop's plain title becomes its English title, nothing lost, and it has no description", () =>
      withDatabaseBefore(target.name, "0010_drop_titles_per_language", async (db, migrateRest) => {
        await db.execute(
          sql`insert into brands (id, name, tagline, facade, position) values ('b', 'B', '{"en": "t"}', '{}', 0)`,
        );
        await db.execute(
          sql`insert into products (id, brand_id, name, description, price_minor, currency, model, position)
              values ('p', 'b', '{"en": "P"}', '{"en": "D"}', 100, 'EUR', '{}', 0)`,
        );
        await db.execute(
          sql`insert into drops (id, brand_id, product_id, title, mode, stock, remaining, per_account_limit,
                early_access_pass_type_ids, announce_at, early_access_starts_at, public_starts_at, ends_at,
                hold_seconds, created_at)
              values ('d', 'b', 'p', 'Étoile, “twelve” pieces', 'fcfs', 3, 3, 1, '[]', now(), now(), now(),
                now() + interval '1 day', 600, now())`,
        );
        await migrateRest();
        const [row] = await db.select({ title: drops.title, description: drops.description }).from(drops);
        assert.deepEqual(row, { title: { en: "Étoile, “twelve” pieces" }, description: null });
      }));

    test("0011: a pass programme's plain name becomes its English name", () =>
      withDatabaseBefore(target.name, "0011_pass_names_per_language", async (db, migrateRest) => {
        await db.execute(
          sql`insert into pass_types (id, brand_id, name, tier, valid_from, valid_until, entitlements, created_at)
              values ('pt', null, 'Cercle “Vitrine”', 'Or', now(), now() + interval '1 year', '{}', now())`,
        );
        await migrateRest();
        const [row] = await db.select({ name: passTypes.name }).from(passTypes);
        assert.deepEqual(row, { name: { en: "Cercle “Vitrine”" } });
      }));
  });
}

const postgres = databaseTargets().find((t) => t.name === "postgres");
describe("migrations on postgres from several processes", () => {
  test("two pools opening one fresh database at once both succeed", {
    skip: postgres?.skip ?? true,
  }, async () => {
    if (!postgres) return;
    await withDatabase(postgres, async (database) => {
      assert.ok(database.url);
      // The helper already migrated it; run two more opens concurrently to exercise the advisory lock
      // path (each re-runs the migrator, which must find nothing to do and not trip on the other).
      const opened = await Promise.all([
        openDatabase({ databaseUrl: database.url, dataDir: "unused" }),
        openDatabase({ databaseUrl: database.url, dataDir: "unused" }),
      ]);
      try {
        for (const other of opened)
          assert.equal(await appliedMigrationCount(other.db), await journalEntryCount());
      } finally {
        await Promise.all(opened.map((d) => d.close()));
      }
    });
  });
});
