/**
 * Accounts: people, their sessions (only the hash of the cookie token) and their roles in brands.
 */
import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { BrandRole, GlobalRole } from "../../../shared/auth.ts";
import { timestamps } from "../columns.ts";
import { brands } from "./catalog.ts";

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Always lowercased, so that uniqueness does not depend on how a person typed it. */
    email: text("email").notNull().unique("users_email_unique"),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role").$type<GlobalRole>().notNull().default("shopper"),
    createdAt: timestamps.createdAt,
    /** Set by an admin: a suspended person cannot sign in, has no session and cannot chat. */
    suspendedAt: timestamp("suspended_at", { withTimezone: true }),
    suspendedReason: text("suspended_reason"),
    /** Set by a moderator: the person's chat lines are refused until then. */
    chatMutedUntil: timestamp("chat_muted_until", { withTimezone: true }),
  },
  (t) => [
    check("users_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("users_role_known", sql`${t.role} in ('shopper', 'admin')`),
  ],
);

export const brandStaff = pgTable(
  "brand_staff",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    role: text("role").$type<BrandRole>().notNull(),
  },
  (t) => [
    primaryKey({ name: "brand_staff_pk", columns: [t.userId, t.brandId] }),
    index("brand_staff_brand_idx").on(t.brandId),
    check("brand_staff_role_known", sql`${t.role} in ('owner', 'merchandiser', 'advisor')`),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 (hex) of the cookie token: a leaked table does not let anyone sign in. */
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);
