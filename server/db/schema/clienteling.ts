/**
 * Clienteling (issue 12): a shopper's preferences and consent per brand, the brand's card on them,
 * the access log the client can read, products' personalisation options, selection lists and the
 * personalisation of claims. Outreach (messages, their cap counter, templates, settings, follow-up
 * tasks) is in `clientelingOutreach.ts`; appointments, availability and the live queue are in
 * `clientelingAppointments.ts`.
 *
 * A brand's staff read a card only while the client has consent granted to that brand: the domain
 * checks `client_consents`, never a cached flag.
 */
import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import type { ClientSizes, ImportantDate } from "../../../shared/clienteling/card.ts";
import type { PersonalisationChoice, ProductPersonalisation } from "../../../shared/personalisation.ts";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { products } from "./catalog.ts";
import { brandRef, clientRef, id } from "./clientelingColumns.ts";
import { dropClaims, orderDeliveries } from "./drops.ts";

export const clientPreferences = pgTable("client_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  timeZone: text("time_zone").notNull(),
  language: text("language").notNull(),
  quietStart: text("quiet_start").notNull(),
  quietEnd: text("quiet_end").notNull(),
  updatedAt: at("updated_at").notNull(),
});

/** The current consent matrix: one row per brand, client, purpose and channel ever set. */
export const clientConsents = pgTable(
  "client_consents",
  {
    brandId: brandRef(),
    clientId: clientRef(),
    purpose: text("purpose").notNull(),
    channel: text("channel").notNull(),
    granted: boolean("granted").notNull(),
    source: text("source").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "client_consents_pk", columns: [t.brandId, t.clientId, t.purpose, t.channel] }),
    index("client_consents_granted_idx").on(t.brandId, t.clientId).where(sql`${t.granted}`),
    index("client_consents_client_idx").on(t.clientId),
    check("client_consents_purpose_known", sql`${t.purpose} in ('appointments', 'new_pieces', 'events')`),
    check("client_consents_channel_known", sql`${t.channel} in ('in_app', 'email')`),
  ],
);

/** Every consent change, in order: who can know what, since when, and where it was decided. */
export const clientConsentEvents = pgTable(
  "client_consent_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    brandId: brandRef(),
    clientId: clientRef(),
    purpose: text("purpose").notNull(),
    channel: text("channel").notNull(),
    granted: boolean("granted").notNull(),
    source: text("source").notNull(),
    at: at("at").notNull(),
  },
  (t) => [index("client_consent_events_client_idx").on(t.clientId, t.brandId, t.seq)],
);

/** What the brand keeps on a client; erased when the client withdraws every consent. */
export const clientRelationships = pgTable(
  "client_relationships",
  {
    brandId: brandRef(),
    clientId: clientRef(),
    preferredAdvisorId: text("preferred_advisor_id").references(() => users.id, { onDelete: "set null" }),
    notes: text("notes").notNull().default(""),
    importantDates: jsonb("important_dates").$type<ImportantDate[]>().notNull().default([]),
    sizes: jsonb("sizes").$type<ClientSizes>().notNull().default({}),
    /** Set when the client first grants a consent; null while they are out of the book. */
    inBookSince: at("in_book_since"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "client_relationships_pk", columns: [t.brandId, t.clientId] }),
    index("client_relationships_advisor_idx").on(t.brandId, t.preferredAdvisorId),
  ],
);

/** Every read (and change) of a client's card by staff; the client may read their own entries. */
export const clientAccessLog = pgTable(
  "client_access_log",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    brandId: brandRef(),
    clientId: clientRef(),
    staffId: text("staff_id").references(() => users.id, { onDelete: "set null" }),
    /** Copied at the time, so the entry still says who it was if the account goes. */
    staffName: text("staff_name").notNull(),
    staffRole: text("staff_role").notNull(),
    action: text("action").notNull(),
    sections: jsonb("sections").$type<string[]>().notNull(),
    at: at("at").notNull(),
  },
  (t) => [
    index("client_access_log_client_idx").on(t.clientId, t.seq),
    index("client_access_log_brand_idx").on(t.brandId, t.seq),
  ],
);

/** The personalisation a product offers, validated against the product when set. */
export const productPersonalisation = pgTable("product_personalisation", {
  productId: text("product_id")
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  brandId: brandRef(),
  options: jsonb("options").$type<ProductPersonalisation>().notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: at("updated_at").notNull(),
});

export const selectionLists = pgTable(
  "selection_lists",
  {
    id: id(),
    brandId: brandRef(),
    clientId: clientRef(),
    advisorId: text("advisor_id").references(() => users.id, { onDelete: "set null" }),
    appointmentId: text("appointment_id"),
    title: text("title").notNull(),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [index("selection_lists_client_idx").on(t.clientId, t.brandId)],
);

export const selectionItems = pgTable(
  "selection_items",
  {
    id: id(),
    listId: text("list_id")
      .notNull()
      .references(() => selectionLists.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    variant: text("variant"),
    personalisation: jsonb("personalisation").$type<PersonalisationChoice>(),
    note: text("note"),
    addedBy: text("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: at("added_at").notNull(),
    handoverStatus: text("handover_status")
      .$type<"none" | "claim_held" | "order_sent">()
      .notNull()
      .default("none"),
    claimId: text("claim_id").references(() => dropClaims.id, { onDelete: "set null" }),
    orderDeliveryId: text("order_delivery_id").references(() => orderDeliveries.id, { onDelete: "set null" }),
    handedOverAt: at("handed_over_at"),
  },
  (t) => [
    index("selection_items_list_idx").on(t.listId, t.addedAt),
    check("selection_items_handover_known", sql`${t.handoverStatus} in ('none', 'claim_held', 'order_sent')`),
  ],
);

/** The personalisation that travels with a claim (and into its order when confirmed). */
export const claimPersonalisations = pgTable("claim_personalisations", {
  claimId: text("claim_id")
    .primaryKey()
    .references(() => dropClaims.id, { onDelete: "cascade" }),
  productId: text("product_id").notNull(),
  variant: text("variant"),
  choice: jsonb("choice").$type<PersonalisationChoice>(),
  selectionItemId: text("selection_item_id"),
  createdAt: at("created_at").notNull(),
});

export * from "./clientelingAppointments.ts";
