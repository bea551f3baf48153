/**
 * The host's authored scripts (the platform's, and each brand's part for its own boutique) and the
 * chat reports kept for moderators.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { brands } from "./catalog.ts";

export type ChatReportStatus = "open" | "dismissed" | "actioned";

/** One line of a report's context: who said what, when (epoch ms), and whether it is the reported one. */
export type ChatReportContextLine = {
  id: string;
  authorName: string;
  text: string;
  at: number;
  reported: boolean;
};

/**
 * One row per scope: `platform` (points of interest, tours, general lines and FAQ) or a brand id
 * (that brand's boutique lines and FAQ). The document is validated by the shared zod schema before
 * it is stored; `version` increases with every accepted edit.
 */
export const hostScripts = pgTable("host_scripts", {
  scope: text("scope").primaryKey(),
  brandId: text("brand_id").references(() => brands.id, { onDelete: "cascade" }),
  document: jsonb("document").$type<unknown>().notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** A chat message someone reported, copied as it was said (the chat itself is not stored). */
export const chatReports = pgTable(
  "chat_reports",
  {
    id: text("id").primaryKey(),
    reporterId: text("reporter_id").references(() => users.id, { onDelete: "set null" }),
    reporterName: text("reporter_name").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    messageId: text("message_id").notNull(),
    message: text("message").notNull(),
    channel: text("channel").notNull(),
    roomId: text("room_id").notNull(),
    reason: text("reason"),
    status: text("status").$type<ChatReportStatus>().notNull().default("open"),
    createdAt: at("created_at").notNull().defaultNow(),
    /** The lines said around it in the same room, as the server's buffer held them at report time. */
    context: jsonb("context").$type<ChatReportContextLine[]>().notNull().default([]),
    /** Who dismissed or acted on it, and when (null while open). */
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: at("resolved_at"),
  },
  (t) => [
    index("chat_reports_status_created_idx").on(t.status, t.createdAt),
    check("chat_reports_status_known", sql`${t.status} in ('open', 'dismissed', 'actioned')`),
  ],
);
