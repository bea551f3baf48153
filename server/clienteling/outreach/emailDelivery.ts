/**
 * Delivers the email copies of stored messages. A message with an email copy is stored `pending` in
 * the transaction that decides it may be sent; this sweep sends it afterwards and retries failures
 * with backoff, so a slow or failing mail server never holds a database lock or loses a message.
 * Several processes may sweep at once: each reserves its batch (SKIP LOCKED, then a lease).
 */
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { brands, clientMessages, users } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { emailText } from "./mailText.ts";

export type EmailDeliveryOptions = {
  maxAttempts?: number;
  baseDelayMs?: number;
  batchSize?: number;
  leaseMs?: number;
  /** Only this message (sent right after it was stored). */
  messageId?: string;
};

/** Sends due email copies once. @returns how many were sent and how many failed in this run. */
export async function deliverPendingEmails(
  database: DbLike,
  mailer: Mailer,
  clock: Clock,
  options: EmailDeliveryOptions = {},
): Promise<{ sent: number; failed: number }> {
  const { maxAttempts = 6, baseDelayMs = 60_000, batchSize = 25, leaseMs = 120_000 } = options;
  const db = drizzleOf(database);
  const now = clock.now();
  const due = db
    .select({ id: clientMessages.id })
    .from(clientMessages)
    .where(
      and(
        eq(clientMessages.emailStatus, "pending"),
        lte(clientMessages.emailNextAttemptAt, now),
        options.messageId === undefined ? undefined : eq(clientMessages.id, options.messageId),
      ),
    )
    .orderBy(asc(clientMessages.emailNextAttemptAt))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const batch = await db
    .update(clientMessages)
    .set({ emailNextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(inArray(clientMessages.id, due))
    .returning();
  let sent = 0;
  let failed = 0;
  for (const message of batch) {
    const [brand] = await db.select({ name: brands.name }).from(brands).where(eq(brands.id, message.brandId));
    const [recipient] = message.recipientId
      ? await db.select({ email: users.email }).from(users).where(eq(users.id, message.recipientId))
      : [];
    const to = message.recipientEmail ?? recipient?.email;
    const brandName = brand?.name ?? message.brandId;
    let error: string | null = to ? null : "The recipient has no email address.";
    if (to) {
      try {
        await mailer.send({
          to,
          subject: message.subject,
          text: emailText({ body: message.body, kind: message.kind, language: message.language, brandName }),
          fromName: `${brandName} via Vitrine`,
          headers: { "X-Vitrine-Message-Id": message.id },
        });
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
      }
    }
    const attempts = message.emailAttempts + 1;
    const at = clock.now();
    if (error === null) {
      sent += 1;
      await db
        .update(clientMessages)
        .set({ emailStatus: "sent", emailAttempts: attempts, emailSentAt: at, emailLastError: null })
        .where(eq(clientMessages.id, message.id));
      continue;
    }
    failed += 1;
    await db
      .update(clientMessages)
      .set({
        emailAttempts: attempts,
        emailLastError: error,
        emailStatus: attempts >= maxAttempts || !to ? "failed" : "pending",
        emailNextAttemptAt: new Date(at.getTime() + baseDelayMs * 2 ** (attempts - 1)),
      })
      .where(eq(clientMessages.id, message.id));
  }
  return { sent, failed };
}
