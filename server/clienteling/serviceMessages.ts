/**
 * Stores a service message (in-app, with an email copy when asked): booking notices, reminders and
 * guest invitations. Never counted by the cap (`counts_toward_cap` false), never gated by marketing
 * consent. The email copy is delivered by the email sweep like any other.
 */
import { type DbLike, drizzleOf } from "../db/database.ts";
import { clientMessages } from "../db/schema.ts";
import { type ServiceKind, serviceText } from "./serviceTexts.ts";

export type ServiceMessageInput = {
  kind: ServiceKind;
  brandId: string;
  /** The client the message is about. */
  clientId: string;
  /** The inbox it goes to (client or advisor), or an email address for a guest without an account. */
  to: { userId: string } | { email: string };
  advisorId: string | null;
  appointmentId: string | null;
  language: string;
  values: Record<string, string>;
  inApp: boolean;
  email: boolean;
  at: Date;
};

/** Stores the message; returns its id. */
export async function storeServiceMessage(database: DbLike, input: ServiceMessageInput): Promise<string> {
  const text = serviceText(input.kind, input.language, input.values);
  const [row] = await drizzleOf(database)
    .insert(clientMessages)
    .values({
      brandId: input.brandId,
      clientId: input.clientId,
      recipientId: "userId" in input.to ? input.to.userId : null,
      recipientEmail: "email" in input.to ? input.to.email : null,
      advisorId: input.advisorId,
      kind: "service",
      purpose: null,
      occasion: null,
      subject: text.subject,
      body: text.body,
      language: text.language,
      inApp: input.inApp && "userId" in input.to,
      email: input.email,
      countsTowardCap: false,
      appointmentId: input.appointmentId,
      sentAt: input.at,
      emailStatus: input.email ? "pending" : "none",
      emailNextAttemptAt: input.email ? input.at : null,
    })
    .returning({ id: clientMessages.id });
  if (!row) throw new Error("insert returned nothing");
  return row.id;
}
