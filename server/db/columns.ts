/**
 * Column helpers every schema file shares. They live here, not in `schema.ts`, so that the schema
 * files import this leaf module and each other, never the barrel that re-exports them (which would
 * make an import cycle).
 */
import { timestamp } from "drizzle-orm/pg-core";

/** A point in time: always stored with its time zone, read as `Date`. */
export const at = (name: string) => timestamp(name, { withTimezone: true });

/** The usual pair of row timestamps, both set by the database when the row is written. */
export const timestamps = {
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
};
