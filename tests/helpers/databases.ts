/**
 * The databases every DB test in the project runs against: PGlite always, PostgreSQL when
 * `TEST_DATABASE_URL` is set. Each `open()` gives a fresh, empty, migrated database.
 *
 * ```ts
 * for (const target of databaseTargets()) {
 *   describe(`catalog on ${target.name}`, { skip: target.skip }, () => {
 *     test("…", async () => {
 *       const database = await target.open();
 *       try { … } finally { await database.close(); }
 *     });
 *   });
 * }
 * ```
 */
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, openDatabase, openPgliteDatabase } from "../../server/db/database.ts";

/** An open test database; `url` is set for PostgreSQL so a test can open a second connection to it. */
export type TestDatabase = Database & { url?: string };

export type DatabaseTarget = {
  name: "pglite" | "postgres";
  /** A reason to skip (pass it as node:test's `{ skip }`), or false. */
  skip: string | false;
  /** A fresh database with every migration applied; close() throws it away. */
  open(): Promise<TestDatabase>;
};

export const POSTGRES_SKIP_REASON = "TEST_DATABASE_URL not set: PostgreSQL tests skipped";

/** PGlite in memory, and PostgreSQL from `TEST_DATABASE_URL` (skipped, with the reason, when unset). */
export function databaseTargets(): DatabaseTarget[] {
  const url = process.env.TEST_DATABASE_URL;
  return [
    {
      name: "pglite",
      skip: false,
      open: openFreshPglite,
    },
    {
      name: "postgres",
      skip: url ? false : POSTGRES_SKIP_REASON,
      open: () => {
        if (!url) throw new Error(POSTGRES_SKIP_REASON);
        return openFreshPostgres(url);
      },
    },
  ];
}

/** An empty PGlite data folder (right after initdb), made once per test process. */
let emptyPgliteDump: Promise<Blob> | undefined;

/**
 * A new in-memory PGlite, migrated from empty. Starting PGlite runs initdb, which takes seconds;
 * loading the folder of a freshly initialised instance takes a few hundred milliseconds.
 */
async function openFreshPglite(): Promise<TestDatabase> {
  emptyPgliteDump ??= (async () => {
    const template = new PGlite();
    try {
      // dumpDataDir does not wait for start-up itself (it never settles if called too early).
      await template.waitReady;
      return await template.dumpDataDir("none");
    } finally {
      await template.close();
    }
  })();
  return openPgliteDatabase(new PGlite({ loadDataDir: await emptyPgliteDump }));
}

/** Creates `vitrine_t_<random>` on the server of `adminUrl`, opens it, and drops it on close. */
async function openFreshPostgres(adminUrl: string): Promise<TestDatabase> {
  const name = `vitrine_t_${randomBytes(6).toString("hex")}`;
  // The name is ours (hex only), so interpolating it into DDL is safe; DDL takes no parameters.
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused-postgres" });
  } catch (error) {
    await dropDatabase(adminUrl, name);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    ...database,
    url: url.toString(),
    close: () => {
      closing ??= database.close().finally(() => dropDatabase(adminUrl, name));
      return closing;
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  // FORCE ends connections a test left open (e.g. a second pool it forgot to close).
  await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

async function withAdminClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Opens a fresh database of this target, runs `body`, and always closes (and drops) it. */
export async function withDatabase<T>(
  target: DatabaseTarget,
  body: (database: TestDatabase) => Promise<T>,
): Promise<T> {
  const database = await target.open();
  try {
    return await body(database);
  } finally {
    await database.close();
  }
}
