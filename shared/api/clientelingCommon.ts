/**
 * What the clienteling declarations share: the roles that may open a client book, the ids, instants
 * and flags of their paths and queries, and the `details` of their refusals and small bodies.
 */
import { z } from "zod";
import { BookingRefusalReason, FreeSlot } from "../clienteling/appointments.ts";
import { BrandConsent } from "../clienteling/consent.ts";
import { OutreachRefusal } from "../clienteling/outreach.ts";
import { FieldIssue } from "../errors.ts";
import { PersonalisationChoice } from "../personalisation.ts";

/** Advisors and owners work with clients; merchandisers see no client data. */
export const CLIENT_BOOK_ROLES = ["owner", "advisor"] as const;
export const OWNERS = ["owner"] as const;
export const BOOK = "work with its client book";

export const Id = z.string().min(1).max(100);
export const Instant = z.iso.datetime({ offset: true });
export const Flag = z.enum(["true", "false"]).transform((v) => v === "true");

/** `details` of a 409 `conflict` refusing a booking or a reschedule: why, and what to offer instead. */
export const BookingRefusalDetails = z.object({
  reason: BookingRefusalReason,
  nextSlots: z.array(FreeSlot),
});
export type BookingRefusalDetails = z.infer<typeof BookingRefusalDetails>;

/** `details` of a 409 `conflict` refusing an outreach: the rule, and when it would be allowed. */
export const OutreachRefusalDetails = OutreachRefusal.omit({ outcome: true, message: true }).extend({
  reason: z.literal("outreach_refused"),
});
export type OutreachRefusalDetails = z.infer<typeof OutreachRefusalDetails>;

/** `details` of a 400 for a personalisation the piece does not offer: every problem with its path. */
export const PersonalisationRefusalDetails = z.object({
  reason: z.literal("invalid_personalisation"),
  issues: z.array(FieldIssue),
});

export const ConsentList = z.array(BrandConsent);
export const AssignAdvisorBody = z.object({ advisorId: Id.nullable() }).strict();
export const AdvisorPresenceBody = z.object({ status: z.enum(["available", "in_session"]) }).strict();
export const ValidatePersonalisationBody = z.object({ choice: z.unknown() }).strict();
export const ValidatedPersonalisation = z.object({ choice: PersonalisationChoice.nullable() });
