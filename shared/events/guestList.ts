/**
 * Invite-only events ("one to few"): the rules a guest list is built from, invitations as their
 * guests and the brand's staff see them, and the RSVP.
 */
import { z } from "zod";
import { Email } from "../auth.ts";
import { CurrencyCode } from "../catalog.ts";

const RecordId = z.string().trim().min(1).max(100);
const Days = z.number().int().min(1).max(3650);

/**
 * A segment of the brand's clients; a client is in it when every condition it gives holds: holding
 * a live pass of a type, having spent at least an amount on the brand's drops (confirmed claims, at
 * the products' prices), having attended at least some of the brand's past events.
 */
export const GuestSegment = z
  .object({
    passTypeId: RecordId.optional(),
    minSpend: z
      .object({
        amountMinor: z.number().int().min(1).max(1_000_000_000_00),
        currency: CurrencyCode,
        withinDays: Days.default(365),
      })
      .strict()
      .optional(),
    attended: z
      .object({ minEvents: z.number().int().min(1).max(100).default(1), withinDays: Days.default(365) })
      .strict()
      .optional(),
  })
  .strict()
  .refine((s) => s.passTypeId !== undefined || s.minSpend !== undefined || s.attended !== undefined, {
    message: "A segment needs at least one condition (passTypeId, minSpend or attended)",
  });
export type GuestSegment = z.infer<typeof GuestSegment>;

/**
 * Who is invited: holders of any of the pass types, everyone in any of the segments, and the named
 * emails (people without an account yet get an invitation that waits for them to sign up).
 */
export const GuestListRules = z
  .object({
    passTypeIds: z.array(RecordId).max(20).default([]),
    segments: z.array(GuestSegment).max(5).default([]),
    emails: z.array(Email).max(500).default([]),
  })
  .strict()
  .refine((r) => r.passTypeIds.length + r.segments.length + r.emails.length > 0, {
    message: "Give at least one pass type, segment or email",
  });
export type GuestListRules = z.infer<typeof GuestListRules>;

export const InvitationStatus = z.enum(["invited", "yes", "no"]);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** Which rule invited a guest first. */
export const InvitationSource = z.enum(["pass", "segment", "email"]);
export type InvitationSource = z.infer<typeof InvitationSource>;

/** A guest as the brand's staff see them. */
export const GuestView = z.object({
  invitationId: z.string(),
  email: z.string(),
  /** Null while the invitation waits for its email to sign up. */
  userId: z.string().nullable(),
  displayName: z.string().nullable(),
  status: InvitationStatus,
  source: InvitationSource,
  invitedAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
});
export type GuestView = z.infer<typeof GuestView>;

/** What building a guest list did (running it again only adds whoever newly qualifies). */
export const BuildGuestListAnswer = z.object({
  added: z.number().int(),
  alreadyInvited: z.number().int(),
  /** Named emails with no account yet: invited, the invitation binds when they sign up or in. */
  pendingEmails: z.array(z.string()),
  total: z.number().int(),
});
export type BuildGuestListAnswer = z.infer<typeof BuildGuestListAnswer>;

export const RsvpBody = z.object({ answer: z.enum(["yes", "no"]) }).strict();
export type RsvpBody = z.infer<typeof RsvpBody>;

export const RsvpRefusal = z.enum(["not_invited", "seats_full", "ended", "cancelled"]);
export type RsvpRefusal = z.infer<typeof RsvpRefusal>;

/** The answer to an RSVP: the invitation as it now stands, or why not (one code per reason). */
export const RsvpAnswer = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("accepted"),
    status: InvitationStatus,
    respondedAt: z.iso.datetime().nullable(),
    seatsLeft: z.number().int(),
  }),
  z.object({ outcome: z.literal("refused"), reason: RsvpRefusal, message: z.string() }),
]);
export type RsvpAnswer = z.infer<typeof RsvpAnswer>;
