/**
 * Column helpers the clienteling schema files share: a random text id, and the brand and client
 * references (rows go with their brand or client).
 */
import { text } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { brands } from "./catalog.ts";

export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
export const brandRef = () =>
  text("brand_id")
    .notNull()
    .references(() => brands.id, { onDelete: "cascade" });
export const clientRef = () =>
  text("client_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
