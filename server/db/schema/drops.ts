/**
 * Drops, their claims and raffle entries, the idempotency record of claim requests, the audit trail,
 * and the outbox of orders handed to brands' commerce systems.
 *
 * Stock is counted in `drops.remaining` and each account's live units in `drop_accounts.active`:
 * both only ever change through conditional updates, so the database enforces the limits under any
 * concurrency and across processes.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { AuditKind } from "../../../shared/admin.ts";
import type { LocalizedText } from "../../../shared/catalog.ts";
import type { ClaimAnswer, DropMode } from "../../../shared/drops.ts";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { brands, products } from "./catalog.ts";

export const drops = pgTable(
  "drops",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    brandId: text("brand_id")
      .notNull()
      .references(() => brands.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    /** Per language, English required (`DropTitle`). */
    title: jsonb("title").$type<LocalizedText>().notNull(),
    /** Per language (`DropDescription`), or null when the brand wrote none. */
    description: jsonb("description").$type<LocalizedText>(),
    mode: text("mode").$type<DropMode>().notNull(),
    stock: integer("stock").notNull(),
    remaining: integer("remaining").notNull(),
    perAccountLimit: integer("per_account_limit").notNull(),
    /** Pass types whose holders may claim (or enter) before the public start. */
    earlyAccessPassTypeIds: jsonb("early_access_pass_type_ids").$type<string[]>().notNull(),
    announceAt: at("announce_at").notNull(),
    earlyAccessStartsAt: at("early_access_starts_at").notNull(),
    publicStartsAt: at("public_starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    /** Raffle only: entries are taken until then, the draw happens after. */
    entriesCloseAt: at("entries_close_at"),
    holdSeconds: integer("hold_seconds").notNull(),
    /** Raffle only: sha256(seed) in hex, published from the moment entries open. */
    seedCommitment: text("seed_commitment"),
    /** Raffle only: the secret seed (hex); published only once `drawnAt` is set. */
    seed: text("seed"),
    drawnAt: at("drawn_at"),
    soldOutAt: at("sold_out_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("drops_brand_idx").on(t.brandId),
    check("drops_mode_known", sql`${t.mode} in ('fcfs', 'raffle')`),
    check("drops_remaining_in_stock", sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.stock}`),
    check("drops_limit_positive", sql`${t.perAccountLimit} >= 1`),
    check(
      "drops_times_ordered",
      sql`${t.announceAt} <= ${t.earlyAccessStartsAt} and ${t.earlyAccessStartsAt} <= ${t.publicStartsAt} and ${t.publicStartsAt} < ${t.endsAt}`,
    ),
  ],
);

/** Units an account currently holds or has confirmed in a drop; `active <= limit` is kept by updates. */
export const dropAccounts = pgTable(
  "drop_accounts",
  {
    dropId: text("drop_id")
      .notNull()
      .references(() => drops.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    active: integer("active").notNull(),
  },
  (t) => [
    primaryKey({ name: "drop_accounts_pk", columns: [t.dropId, t.userId] }),
    check("drop_accounts_active_nonnegative", sql`${t.active} >= 0`),
  ],
);

export const dropClaims = pgTable(
  "drop_claims",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    dropId: text("drop_id")
      .notNull()
      .references(() => drops.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status").$type<"held" | "confirmed" | "expired">().notNull(),
    holdExpiresAt: at("hold_expires_at").notNull(),
    createdAt: at("created_at").notNull(),
    confirmedAt: at("confirmed_at"),
    expiredAt: at("expired_at"),
  },
  (t) => [
    index("drop_claims_drop_user_idx").on(t.dropId, t.userId),
    index("drop_claims_held_expiry_idx").on(t.holdExpiresAt).where(sql`${t.status} = 'held'`),
    check("drop_claims_status_known", sql`${t.status} in ('held', 'confirmed', 'expired')`),
  ],
);

/** The stored answer of each claim request, per account, drop and Idempotency-Key. */
export const dropClaimRequests = pgTable(
  "drop_claim_requests",
  {
    dropId: text("drop_id")
      .notNull()
      .references(() => drops.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    answer: jsonb("answer").$type<ClaimAnswer>(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ name: "drop_claim_requests_pk", columns: [t.dropId, t.userId, t.idempotencyKey] })],
);

export const dropEntries = pgTable(
  "drop_entries",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    dropId: text("drop_id")
      .notNull()
      .references(() => drops.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("drop_entries_drop_user_unique").on(t.dropId, t.userId)],
);

/** Every grant, revocation, hold, refusal, expiry, confirmation and draw, in order. */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: at("at").notNull(),
    /** One of AUDIT_KINDS (shared/admin.ts): the console labels each one. */
    kind: text("kind").$type<AuditKind>().notNull(),
    actorUserId: text("actor_user_id"),
    subjectUserId: text("subject_user_id"),
    dropId: text("drop_id"),
    passId: text("pass_id"),
    claimId: text("claim_id"),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_events_drop_idx").on(t.dropId, t.kind),
    index("audit_events_pass_idx").on(t.passId),
    // The admin console's audit log reads newest first within a date range.
    index("audit_events_at_idx").on(t.at),
  ],
);

/** Where a brand's commerce system takes orders, and the secret its webhook signatures use. */
export const brandWebhooks = pgTable("brand_webhooks", {
  brandId: text("brand_id")
    .primaryKey()
    .references(() => brands.id, { onDelete: "cascade" }),
  url: text("url").notNull(),
  secret: text("secret").notNull(),
});

/** Outbox: written in the transaction that confirms a claim, delivered (and retried) afterwards. */
export const orderDeliveries = pgTable(
  "order_deliveries",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** The confirmed claim; null for an order handed over from a selection list (clienteling). */
    claimId: text("claim_id")
      .unique("order_deliveries_claim_unique")
      .references(() => dropClaims.id, { onDelete: "cascade" }),
    brandId: text("brand_id").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<"pending" | "delivered" | "failed">().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull(),
    lastError: text("last_error"),
    deliveredAt: at("delivered_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("order_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check("order_deliveries_status_known", sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);

export const orderDeliveryAttempts = pgTable(
  "order_delivery_attempts",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => orderDeliveries.id, { onDelete: "cascade" }),
    at: at("at").notNull(),
    httpStatus: integer("http_status"),
    error: text("error"),
  },
  (t) => [index("order_delivery_attempts_delivery_idx").on(t.deliveryId)],
);
