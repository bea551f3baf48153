import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { type Db, MIGRATIONS_FOLDER, openDatabase } from "../../server/db/database.ts";
import { appMeta } from "../../server/db/schema.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";

const EXPECTED_TABLES = [
  "advisor_availability",
  "advisor_presence",
  "advisor_queue",
  "analytics_daily",
  "analytics_facts",
  "analytics_hourly",
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
