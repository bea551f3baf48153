import { jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** Small facts about the database itself, such as the demo seed version already applied. */
export const appMeta = pgTable("app_meta", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
});
