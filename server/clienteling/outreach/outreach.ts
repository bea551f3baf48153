/**
 * An advisor writes to a client. Why two advisors cannot both take the cap's last place: every send
 * to one client of one brand first takes that pair's `outreach_counters` row FOR UPDATE (upserted),
 * and only then counts the messages in the window. A second sender waits on the row, and under READ
 * COMMITTED its count, a new statement, sees the first one's message once it commits.
 * The client's relationship row is held FOR SHARE before consent is read, so a withdrawal being
 * committed at that moment either lands first (and the message is refused) or waits for it.
 * Lock order: relationship (share) → counter (update); consent changes take only the first.
 */
import { and, eq, gt } from "drizzle-orm";
import type {
  OutreachAnswer,
  OutreachRefusal,
  SendOutreachBody,
} from "../../../shared/clienteling/outreach.ts";
import type { ClientPreferences } from "../../../shared/clienteling/preferences.ts";
import { type Db, type DbLike, drizzleOf } from "../../db/database.ts";
import { brands, clientMessages, clientRelationships, outreachCounters, users } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { errorLogger } from "../../observability/log.ts";
import { consentMatrixOf } from "../consent.ts";
import { getPreferences } from "../preferences.ts";
import { getClientelingSettings } from "../settings.ts";
import { requireStaff, type StaffMember } from "../staff.ts";
import { composeOutreach } from "./compose.ts";
import { deliverPendingEmails } from "./emailDelivery.ts";
import { getMessage } from "./messages.ts";
import { decideOutreach } from "./outreachRules.ts";

export type OutreachDeps = {
  /** Sends the email copy right after the message is stored (the sweep retries any failure). */
  mailer?: Mailer;
  log?: (message: string, error: unknown) => void;
};

/**
 * Sends an outreach message if the client's consent, the brand's cap and the client's quiet hours
 * allow it now; otherwise answers the refusal (nothing is stored then).
 * @throws DomainError forbidden (not the brand's advisor or owner), validation_failed (content),
 * not_found (a product or drop that is not the brand's).
 */
export async function sendOutreach(
  database: DbLike,
  request: { actorId: string; brandId: string; body: SendOutreachBody },
  clock: Clock,
  deps: OutreachDeps = {},
): Promise<OutreachAnswer> {
  const { brandId, body } = request;
  const clientId = body.clientId;
  type Decided = { refusal: OutreachRefusal } | { messageId: string; email: boolean };
  const decided = await drizzleOf(database).transaction(async (tx): Promise<Decided> => {
    const now = clock.now();
    const staff = await requireStaff(tx, request.actorId, brandId);
    await tx
      .select({ clientId: clientRelationships.clientId })
      .from(clientRelationships)
      .where(and(eq(clientRelationships.brandId, brandId), eq(clientRelationships.clientId, clientId)))
      .for("share");
    const consent = await consentMatrixOf(tx, brandId, clientId);
    const settings = await getClientelingSettings(tx, brandId);
    const preferences = await getPreferences(tx, clientId);
    const base = {
      now,
      consent,
      purpose: body.purpose,
      channels: body.channels,
      ...preferences,
      ...settings,
    };
    // Without consent nothing else is looked at (or stored): the answer names only that rule.
    if (body.channels.some((channel) => !consent[body.purpose][channel])) {
      const refusal = decideOutreach({ ...base, countedSentAt: [] });
      if (refusal) return { refusal };
    }

    const windowStart = new Date(now.getTime() - settings.capWindowDays * 86_400_000);
    const counted = await countedUnderLock(tx, brandId, clientId, windowStart);
    const refusal = decideOutreach({ ...base, countedSentAt: counted.map((c) => c.sentAt) });
    if (refusal) return { refusal };

    const email = body.channels.includes("email");
    const message = await composeAndStore(tx, { staff, body, preferences, now });
    return { messageId: message, email };
  });
  if ("refusal" in decided) return decided.refusal;
  if (decided.email && deps.mailer) {
    await deliverPendingEmails(database, deps.mailer, clock, { messageId: decided.messageId }).catch(
      (error: unknown) =>
        (deps.log ?? errorLogger("clienteling"))("email copy not sent yet (the sweep retries):", error),
    );
  }
  const message = await getMessage(database, decided.messageId);
  if (!message) throw new Error("stored message vanished");
  return { outcome: "sent", message };
}

/** Takes the pair's counter row FOR UPDATE, then reads when the counted messages in the window went. */
async function countedUnderLock(tx: Db, brandId: string, clientId: string, windowStart: Date) {
  await tx.insert(outreachCounters).values({ brandId, clientId }).onConflictDoNothing();
  await tx
    .select()
    .from(outreachCounters)
    .where(and(eq(outreachCounters.brandId, brandId), eq(outreachCounters.clientId, clientId)))
    .for("update");
  return tx
    .select({ sentAt: clientMessages.sentAt })
    .from(clientMessages)
    .where(
      and(
        eq(clientMessages.brandId, brandId),
        eq(clientMessages.clientId, clientId),
        eq(clientMessages.countsTowardCap, true),
        gt(clientMessages.sentAt, windowStart),
      ),
    );
}

/** Composes the message in the client's language and stores it (counted by the cap); returns its id. */
async function composeAndStore(
  tx: Db,
  input: { staff: StaffMember; body: SendOutreachBody; preferences: ClientPreferences; now: Date },
): Promise<string> {
  const { staff, body, now } = input;
  const { brandId } = staff;
  const clientId = body.clientId;
  const [brand] = await tx.select({ name: brands.name }).from(brands).where(eq(brands.id, brandId));
  const [client] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, clientId));
  const composed = await composeOutreach(tx, body.content, {
    brandId,
    brandName: brand?.name ?? brandId,
    clientName: client?.name ?? "",
    advisorName: staff.name,
    preferences: input.preferences,
    purpose: body.purpose,
  });
  const email = body.channels.includes("email");
  const [message] = await tx
    .insert(clientMessages)
    .values({
      brandId,
      clientId,
      recipientId: clientId,
      advisorId: staff.userId,
      kind: "outreach",
      purpose: body.purpose,
      occasion: composed.occasion,
      subject: composed.subject,
      body: composed.body,
      language: composed.language,
      inApp: body.channels.includes("in_app"),
      email,
      countsTowardCap: true,
      sentAt: now,
      emailStatus: email ? "pending" : "none",
      emailNextAttemptAt: email ? now : null,
    })
    .returning({ id: clientMessages.id });
  if (!message) throw new Error("insert returned nothing");
  await tx
    .update(outreachCounters)
    .set({ lastSentAt: now })
    .where(and(eq(outreachCounters.brandId, brandId), eq(outreachCounters.clientId, clientId)));
  return message.id;
}
