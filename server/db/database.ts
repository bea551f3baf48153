/**
 * Opens the one database the server talks to: embedded PGlite by default, PostgreSQL when a URL is
 * given. Both speak the same Postgres dialect through the same Drizzle type, so repository code never
 * asks which driver it runs on.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { logFor } from "../observability/log.ts";
import { watchPool } from "../observability/metrics.ts";
import * as schema from "./schema.ts";

/** Migrations sit next to this module, wherever the process was started from. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Key of the PostgreSQL advisory lock held while migrating, so that two processes starting at
 * once do not both try to create the same tables. Any stable 64-bit number works; this one spells
 * "vitrine" in ASCII.
 */
const MIGRATION_LOCK_KEY = 0x76_69_74_72_69_6e_65n;

/** The Drizzle handle every repository function takes; a transaction (`tx`) is one too. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** What repository functions accept: an open `Database`, its `db`, or a transaction. */
export type DbLike = Database | Db;

/** The Drizzle handle inside whatever a caller passed. */
export function drizzleOf(handle: DbLike): Db {
  return "kind" in handle && "close" in handle ? handle.db : handle;
}

export type DatabaseKind = "pglite" | "postgres";

/** An open database: the Drizzle handle, which driver is behind it, and how to close it. */
export type Database = {
  db: Db;
  kind: DatabaseKind;
  /** Closes the pool or the embedded database; safe to call more than once. */
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  /** A `postgres://` URL: use PostgreSQL through a node-postgres pool. */
  databaseUrl?: string;
  /** Folder for data; PGlite keeps its files in `${dataDir}/db`. */
  dataDir: string;
  /** PGlite only: keep everything in memory (tests). */
  inMemory?: boolean;
};

/**
 * Opens the database and applies any pending migration before returning.
 * With `databaseUrl` it connects to PostgreSQL; otherwise it starts PGlite in `${dataDir}/db`
 * (created if missing) or in memory.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts);
}

/**
 * PGlite's PostgreSQL reserves 128 MB of shared buffers by default, all of it resident once
 * touched: most of an idle server's memory. The embedded database is small and its files sit in the
 * page cache anyway, so 16 MB of buffers costs no measurable speed (bench/memory.ts).
 */
export const PGLITE_CONFIG = ["shared_buffers=16MB"];

async function openPglite(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.inMemory) return openPgliteDatabase(new PGlite({ postgresqlconf: PGLITE_CONFIG }));
  const dir = path.resolve(opts.dataDir, "db");
  await mkdir(dir, { recursive: true });
  return openPgliteDatabase(new PGlite(dir, { postgresqlconf: PGLITE_CONFIG }));
}

/**
 * Wraps a PGlite instance the caller created (e.g. tests loading a prepared data folder), applies
 * the migrations, and owns it from then on: close() closes it.
 */
export async function openPgliteDatabase(client: PGlite): Promise<Database> {
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db, kind: "pglite", close: onlyOnce(() => client.close()) };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would crash the
  // process. The pool replaces the client, and the next query reports any lasting problem.
  pool.on("error", (error) => logFor("db").error({ err: error }, "idle PostgreSQL client error"));
  try {
    await migratePostgresUnderLock(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const db = drizzleNodePg({ client: pool, schema });
  const unwatch = watchPool(pool);
  return {
    db,
    kind: "postgres",
    close: onlyOnce(() => {
      unwatch();
      return pool.end();
    }),
  };
}

/** Runs the migrator on one connection that holds a session-level advisory lock meanwhile. */
async function migratePostgresUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    const db = drizzleNodePg({ client, schema });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    client.release();
  }
}

function onlyOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}
