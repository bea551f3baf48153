/**
 * Outreach: what an advisor sends a client and what the server answers. A message that would break
 * a rule is not an error but a refusal naming the rule and the first instant it would be allowed.
 */
import { z } from "zod";
import { ConsentChannel, ConsentPurpose } from "./consent.ts";
import { OutreachOccasion } from "./templates.ts";

export const OUTREACH_RULES = ["consent_missing", "frequency_cap", "quiet_hours"] as const;
export const OutreachRule = z.enum(OUTREACH_RULES);
export type OutreachRule = z.infer<typeof OutreachRule>;

const Id = z.string().min(1).max(100);
const Note = z.string().trim().min(1).max(1000).optional();

/** A template of an occasion, with what the server needs to fill its fields. */
const TemplateContent = z.discriminatedUnion("occasion", [
  z.object({ occasion: z.literal("wishlist_piece_new"), productId: Id, note: Note }).strict(),
  z.object({ occasion: z.literal("wishlist_piece_available"), productId: Id, note: Note }).strict(),
  z.object({ occasion: z.literal("drop_suggestion"), dropId: Id, note: Note }).strict(),
  z
    .object({
      occasion: z.literal("event_invitation"),
      eventTitle: z.string().trim().min(2).max(120),
      eventStartsAt: z.iso.datetime({ offset: true }),
      note: Note,
    })
    .strict(),
  z.object({ occasion: z.literal("birthday"), note: Note }).strict(),
]);

/** A message the advisor wrote themselves. */
const FreeContent = z
  .object({
    occasion: z.null(),
    subject: z.string().trim().min(2).max(150),
    body: z.string().trim().min(2).max(5000),
  })
  .strict();

export const OutreachContent = z.union([TemplateContent, FreeContent]);
export type OutreachContent = z.infer<typeof OutreachContent>;

export const SendOutreachBody = z
  .object({
    clientId: Id,
    purpose: ConsentPurpose,
    channels: z
      .array(ConsentChannel)
      .min(1)
      .max(2)
      .refine((c) => new Set(c).size === c.length, { message: "Name each channel once" }),
    content: OutreachContent,
  })
  .strict();
export type SendOutreachBody = z.infer<typeof SendOutreachBody>;

export const MessageKind = z.enum(["outreach", "service"]);
export type MessageKind = z.infer<typeof MessageKind>;

export const EmailStatus = z.enum(["none", "pending", "sent", "failed"]);
export type EmailStatus = z.infer<typeof EmailStatus>;

/** A message in a client's inbox (and in the brand's record of what it sent). */
export const InboxMessage = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  advisorId: z.string().nullable(),
  advisorName: z.string().nullable(),
  kind: MessageKind,
  purpose: ConsentPurpose.nullable(),
  occasion: OutreachOccasion.nullable(),
  subject: z.string(),
  body: z.string(),
  language: z.string(),
  channels: z.array(ConsentChannel),
  emailStatus: EmailStatus,
  sentAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type InboxMessage = z.infer<typeof InboxMessage>;

export const OutreachRefusal = z.object({
  outcome: z.literal("refused"),
  rule: OutreachRule,
  /** The first instant every time-bound rule passes; null when only the client can lift it (consent). */
  allowedAt: z.iso.datetime().nullable(),
  message: z.string(),
  details: z.object({
    /** Every rule that refuses now, the first one being `rule`. */
    blockedBy: z.array(OutreachRule),
    /** Channels the client has not consented to for this purpose. */
    missingChannels: z.array(ConsentChannel),
  }),
});
export type OutreachRefusal = z.infer<typeof OutreachRefusal>;

export const OutreachAnswer = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("sent"), message: InboxMessage }),
  OutreachRefusal,
]);
export type OutreachAnswer = z.infer<typeof OutreachAnswer>;
