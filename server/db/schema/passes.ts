/**
 * Pass programmes: pass types (the programme and its entitlements) and the passes issued to people.
 * A pass is never deleted: revocation and expiry are states, so the audit trail keeps its subject.
 */
import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../../shared/catalog.ts";
import type { PassEntitlements } from "../../../shared/passes.ts";
import { users } from "./accounts.ts";
import { brands } from "./catalog.ts";

export const passTypes = pgTable(
  "pass_types",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** The brand that runs this programme, or null for a platform-wide programme (run by admins). */
    brandId: text("brand_id").references(() => brands.id, { onDelete: "restrict" }),
    /** Per language, English required (`ProgrammeName`). */
    name: jsonb("name").$type<LocalizedText>().notNull(),
    tier: text("tier").notNull(),
    /** Passes of this type are valid only inside this window (a pass may narrow it further). */
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    entitlements: jsonb("entitlements").$type<PassEntitlements>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("pass_types_window_ordered", sql`${t.validFrom} < ${t.validUntil}`),
    index("pass_types_brand_idx").on(t.brandId),
  ],
);

export const passes = pgTable(
  "passes",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    passTypeId: text("pass_type_id")
      .notNull()
      .references(() => passTypes.id, { onDelete: "restrict" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** `manual` (issued by a person, `issuedBy` is their user id) or `rule` (`issuedBy` names the rule). */
    source: text("source").$type<"manual" | "rule">().notNull(),
    issuedBy: text("issued_by").notNull(),
    validFrom: timestamp("valid_from", { withTimezone: true }).notNull(),
    validUntil: timestamp("valid_until", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("passes_user_idx").on(t.userId),
    // One live (unrevoked) pass per person and type: issuing twice, by hand or by a rule, is a no-op.
    uniqueIndex("passes_live_unique").on(t.passTypeId, t.userId).where(sql`${t.revokedAt} is null`),
    check("passes_source_known", sql`${t.source} in ('manual', 'rule')`),
    check("passes_window_ordered", sql`${t.validFrom} < ${t.validUntil}`),
  ],
);
