/**
 * Stored messages: the client's inbox (every brand's messages to them, outreach and service), the
 * advisor's own inbox (their reminders), and what one brand sent one client (the brand's side only).
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { ConsentChannel, ConsentPurpose } from "../../../shared/clienteling/consent.ts";
import type { InboxMessage } from "../../../shared/clienteling/outreach.ts";
import type { OutreachOccasion } from "../../../shared/clienteling/templates.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { brands, clientMessages, users } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { DomainError } from "../../errors.ts";
import { recordAccess } from "../accessLog.ts";
import { requireInBook } from "../consent.ts";
import { requireStaff } from "../staff.ts";

export type MessageRow = typeof clientMessages.$inferSelect;
const advisors = alias(users, "advisors");

function selectMessages(database: DbLike) {
  return drizzleOf(database)
    .select({ message: clientMessages, brandName: brands.name, advisorName: advisors.displayName })
    .from(clientMessages)
    .innerJoin(brands, eq(brands.id, clientMessages.brandId))
    .leftJoin(advisors, eq(advisors.id, clientMessages.advisorId));
}

export function toInboxMessage(row: MessageRow, brandName: string, advisorName: string | null): InboxMessage {
  return {
    id: row.id,
    brandId: row.brandId,
    brandName,
    advisorId: row.advisorId,
    advisorName,
    kind: row.kind,
    purpose: row.purpose as ConsentPurpose | null,
    occasion: row.occasion as OutreachOccasion | null,
    subject: row.subject,
    body: row.body,
    language: row.language,
    channels: [
      ...(row.inApp ? ["in_app" as const] : []),
      ...(row.email ? ["email" as const] : []),
    ] as ConsentChannel[],
    emailStatus: row.emailStatus,
    sentAt: row.sentAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** A message by id with its brand's and advisor's names. */
export async function getMessage(database: DbLike, messageId: string): Promise<InboxMessage | null> {
  const [row] = await selectMessages(database).where(eq(clientMessages.id, messageId));
  return row ? toInboxMessage(row.message, row.brandName, row.advisorName) : null;
}

/** The in-app inbox of an account (client or advisor), newest first. */
export async function listInbox(
  database: DbLike,
  recipientId: string,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<InboxMessage[]> {
  const rows = await selectMessages(database)
    .where(
      and(
        eq(clientMessages.recipientId, recipientId),
        eq(clientMessages.inApp, true),
        options.unreadOnly ? isNull(clientMessages.readAt) : undefined,
      ),
    )
    .orderBy(desc(clientMessages.sentAt))
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 500));
  return rows.map((r) => toInboxMessage(r.message, r.brandName, r.advisorName));
}

/**
 * Marks one of the recipient's messages as read (again is a no-op).
 * @throws DomainError not_found when it is not in their inbox.
 */
export async function markMessageRead(
  database: DbLike,
  recipientId: string,
  messageId: string,
  clock: Clock,
): Promise<void> {
  const db = drizzleOf(database);
  const [row] = await db
    .select({ readAt: clientMessages.readAt })
    .from(clientMessages)
    .where(and(eq(clientMessages.id, messageId), eq(clientMessages.recipientId, recipientId)));
  if (!row) throw DomainError.notFound("message", messageId);
  if (row.readAt) return;
  await db.update(clientMessages).set({ readAt: clock.now() }).where(eq(clientMessages.id, messageId));
}

/**
 * What the brand sent one client (outreach and service), for its advisors; logged as a read.
 * @throws DomainError forbidden, not_found (`client_not_in_book`).
 */
export async function listBrandMessagesToClient(
  database: DbLike,
  request: { actorId: string; brandId: string; clientId: string },
  clock: Clock,
): Promise<InboxMessage[]> {
  return drizzleOf(database).transaction(async (tx) => {
    const staff = await requireStaff(tx, request.actorId, request.brandId);
    await requireInBook(tx, request.brandId, request.clientId);
    const rows = await selectMessages(tx)
      .where(
        and(
          eq(clientMessages.brandId, request.brandId),
          eq(clientMessages.clientId, request.clientId),
          eq(clientMessages.recipientId, request.clientId),
        ),
      )
      .orderBy(desc(clientMessages.sentAt))
      .limit(200);
    await recordAccess(tx, {
      staff,
      clientId: request.clientId,
      action: "messages_read",
      sections: ["messages"],
      at: clock.now(),
    });
    return rows.map((r) => toInboxMessage(r.message, r.brandName, r.advisorName));
  });
}
