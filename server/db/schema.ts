/**
 * The database schema: one Postgres dialect for PGlite and PostgreSQL alike, one file per domain
 * under `schema/`. This file only re-exports them (what `drizzle.config.ts` and the code import);
 * the files under `schema/` import each other and `columns.ts`, never this barrel.
 *
 * Change a table there, then run `npm run db:generate` and commit the new SQL file under
 * `server/db/migrations`: stored records are versioned through migrations, never edited in place.
 */
export * from "./schema/accounts.ts";
export * from "./schema/analytics.ts";
export * from "./schema/catalog.ts";
export * from "./schema/clienteling.ts";
export * from "./schema/clientelingOutreach.ts";
export * from "./schema/collectibles.ts";
export * from "./schema/drops.ts";
export * from "./schema/events.ts";
export * from "./schema/host.ts";
export * from "./schema/meta.ts";
export * from "./schema/models.ts";
export * from "./schema/passes.ts";
