/**
 * Who may enter an event's stage (and its audience shards), and in which role; or why not, with one
 * code per reason and, when it is a matter of time, when it opens.
 */
import { z } from "zod";

/**
 * `presenter`: named presenter (console, stage channel); `moderator`: the brand's other staff and
 * admins (moderation, stage channel); `guest`: an invited guest who answered yes; `viewer`: the
 * audience of an open event.
 */
export const StageRole = z.enum(["presenter", "moderator", "guest", "viewer"]);
export type StageRole = z.infer<typeof StageRole>;

export const AdmissionRefusal = z.enum([
  "not_found",
  "cancelled",
  "not_open_yet",
  "invite_only",
  "rsvp_required",
  "ended",
]);
export type AdmissionRefusal = z.infer<typeof AdmissionRefusal>;

export const StageAdmission = z.discriminatedUnion("allowed", [
  z.object({
    allowed: z.literal(true),
    eventId: z.string(),
    role: StageRole,
    /** Null for a visitor without an account (open events only). */
    userId: z.string().nullable(),
  }),
  z.object({
    allowed: z.literal(false),
    eventId: z.string(),
    reason: AdmissionRefusal,
    message: z.string(),
    /** For not_open_yet: when the doors open. */
    opensAt: z.iso.datetime().nullable(),
  }),
]);
export type StageAdmission = z.infer<typeof StageAdmission>;

/** Messages for people, one per refusal. */
export const ADMISSION_MESSAGES: Record<AdmissionRefusal, string> = {
  not_found: "There is no such event.",
  cancelled: "This event was cancelled.",
  not_open_yet: "The doors are not open yet. Come back when they open.",
  invite_only: "This salon is by invitation only.",
  rsvp_required: "You are invited: answer the invitation (RSVP yes) to enter.",
  ended: "This event has ended. Its replay may be on its page.",
};
