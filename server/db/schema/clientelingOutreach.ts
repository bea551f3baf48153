/**
 * Clienteling outreach (issue 12): a brand's settings and templates, the messages sent to clients
 * and their cap counter, and advisors' follow-up tasks. The cap counter row is the lock that
 * serialises two advisors writing to one client at once (see server/clienteling/outreach/outreach.ts).
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
} from "drizzle-orm/pg-core";
import type { ClientelingSettings } from "../../../shared/clienteling/settings.ts";
import type { OutreachTemplate } from "../../../shared/clienteling/templates.ts";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { brands } from "./catalog.ts";
import { brandRef, clientRef, id } from "./clientelingColumns.ts";

export const clientelingSettings = pgTable("clienteling_settings", {
  brandId: text("brand_id")
    .primaryKey()
    .references(() => brands.id, { onDelete: "cascade" }),
  settings: jsonb("settings").$type<ClientelingSettings>().notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: at("updated_at").notNull(),
});

/** A brand's own wording of an occasion's template (checked against its merge fields). */
export const clientelingTemplates = pgTable(
  "clienteling_templates",
  {
    brandId: brandRef(),
    occasion: text("occasion").notNull(),
    template: jsonb("template").$type<OutreachTemplate>().notNull(),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [primaryKey({ name: "clienteling_templates_pk", columns: [t.brandId, t.occasion] })],
);

/**
 * Messages from a brand: outreach (counted by the cap) and service messages (reminders, booking
 * notices, guest invitations). `recipientId` is the account whose inbox holds it (the client, or the
 * advisor for their reminders); `recipientEmail` is for a guest without an account.
 */
export const clientMessages = pgTable(
  "client_messages",
  {
    id: id(),
    brandId: brandRef(),
    clientId: clientRef(),
    recipientId: text("recipient_id").references(() => users.id, { onDelete: "cascade" }),
    recipientEmail: text("recipient_email"),
    advisorId: text("advisor_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<"outreach" | "service">().notNull(),
    purpose: text("purpose"),
    occasion: text("occasion"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    language: text("language").notNull(),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    countsTowardCap: boolean("counts_toward_cap").notNull(),
    appointmentId: text("appointment_id"),
    sentAt: at("sent_at").notNull(),
    readAt: at("read_at"),
    emailStatus: text("email_status").$type<"none" | "pending" | "sent" | "failed">().notNull(),
    emailAttempts: integer("email_attempts").notNull().default(0),
    emailNextAttemptAt: at("email_next_attempt_at"),
    emailLastError: text("email_last_error"),
    emailSentAt: at("email_sent_at"),
  },
  (t) => [
    index("client_messages_cap_idx").on(t.brandId, t.clientId, t.sentAt).where(sql`${t.countsTowardCap}`),
    index("client_messages_inbox_idx").on(t.recipientId, t.sentAt),
    index("client_messages_email_due_idx").on(t.emailNextAttemptAt).where(sql`${t.emailStatus} = 'pending'`),
    check("client_messages_kind_known", sql`${t.kind} in ('outreach', 'service')`),
    check(
      "client_messages_email_status_known",
      sql`${t.emailStatus} in ('none', 'pending', 'sent', 'failed')`,
    ),
    check("client_messages_recipient", sql`${t.recipientId} is not null or ${t.recipientEmail} is not null`),
    check("client_messages_outreach_counted", sql`${t.kind} = 'service' or ${t.countsTowardCap}`),
  ],
);

/** One row per brand and client, locked by every outreach send: the cap is counted under it. */
export const outreachCounters = pgTable(
  "outreach_counters",
  {
    brandId: brandRef(),
    clientId: clientRef(),
    lastSentAt: at("last_sent_at"),
  },
  (t) => [primaryKey({ name: "outreach_counters_pk", columns: [t.brandId, t.clientId] })],
);

export const followUps = pgTable(
  "follow_ups",
  {
    id: id(),
    brandId: brandRef(),
    advisorId: text("advisor_id").references(() => users.id, { onDelete: "set null" }),
    clientId: clientRef(),
    kind: text("kind").$type<"after_appointment" | "after_claim">().notNull(),
    sourceId: text("source_id").notNull(),
    dueAt: at("due_at").notNull(),
    status: text("status").$type<"open" | "done">().notNull(),
    createdAt: at("created_at").notNull(),
    completedAt: at("completed_at"),
    completedBy: text("completed_by").references(() => users.id, { onDelete: "set null" }),
    outcome: text("outcome"),
  },
  (t) => [
    // Made by sweeps that may run in several processes: one task per appointment or claim.
    unique("follow_ups_source_unique").on(t.kind, t.sourceId),
    index("follow_ups_brand_idx").on(t.brandId, t.status, t.dueAt),
    check("follow_ups_kind_known", sql`${t.kind} in ('after_appointment', 'after_claim')`),
    check("follow_ups_status_known", sql`${t.status} in ('open', 'done')`),
  ],
);
