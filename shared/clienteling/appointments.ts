/**
 * Appointments with a maison's advisor: free slots, booking (a refusal is an answer that says why),
 * rescheduling, cancelling, the guest a client invites, and who may enter the private salon.
 */
import { z } from "zod";
import { IceServers } from "../media.ts";

const Id = z.string().min(1).max(100);
const Instant = z.iso.datetime({ offset: true });

/** Where the shopper booked from. */
export const AppointmentSource = z.enum(["boutique", "viewer", "host", "outreach", "queue", "wallet"]);
export type AppointmentSource = z.infer<typeof AppointmentSource>;

export const AppointmentStatus = z.enum(["booked", "cancelled", "completed", "no_show"]);
export type AppointmentStatus = z.infer<typeof AppointmentStatus>;

/** `scheduled`: booked on a slot; `live`: taken from the live queue, starting at once. */
export const AppointmentKind = z.enum(["scheduled", "live"]);
export type AppointmentKind = z.infer<typeof AppointmentKind>;

export const FreeSlot = z.object({
  brandId: z.string(),
  advisorId: z.string(),
  advisorName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});
export type FreeSlot = z.infer<typeof FreeSlot>;

export const FreeSlotsAnswer = z.object({
  slots: z.array(FreeSlot),
  /** How far ahead this shopper may book (further for the brand's pass holders). */
  horizonEndsAt: z.iso.datetime(),
  passHolder: z.boolean(),
});
export type FreeSlotsAnswer = z.infer<typeof FreeSlotsAnswer>;

export const BookAppointmentBody = z
  .object({
    advisorId: Id,
    startsAt: Instant,
    source: AppointmentSource,
    /** What the client would like to see or talk about (the advisor reads it). */
    note: z.string().trim().min(1).max(1000).optional(),
    /** Also opt in to hear from the maison about appointments, in-app (recorded as from an appointment). */
    keepInTouch: z.boolean().default(false),
  })
  .strict();
export type BookAppointmentBody = z.infer<typeof BookAppointmentBody>;

export const RescheduleAppointmentBody = z.object({ advisorId: Id.optional(), startsAt: Instant }).strict();
export type RescheduleAppointmentBody = z.infer<typeof RescheduleAppointmentBody>;

export const CancelAppointmentBody = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict();
export type CancelAppointmentBody = z.infer<typeof CancelAppointmentBody>;

export const Appointment = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  advisorId: z.string(),
  advisorName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  kind: AppointmentKind,
  status: AppointmentStatus,
  source: AppointmentSource,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  note: z.string().nullable(),
  /** The private salon's room id (client, advisor and the one guest the client invites). */
  roomId: z.string(),
  guestInvited: z.boolean(),
  createdAt: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
  startedAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
});
export type Appointment = z.infer<typeof Appointment>;

export const BookingRefusalReason = z.enum([
  "slot_taken",
  "not_offered",
  "outside_horizon",
  "too_soon",
  "too_many_upcoming",
  "own_appointment",
  "not_booked",
]);
export type BookingRefusalReason = z.infer<typeof BookingRefusalReason>;

export const BookingAnswer = z.discriminatedUnion("outcome", [
  z.object({ outcome: z.literal("booked"), appointment: Appointment }),
  z.object({
    outcome: z.literal("refused"),
    reason: BookingRefusalReason,
    message: z.string(),
    /** The next free slots of the brand, to offer instead. */
    nextSlots: z.array(FreeSlot),
  }),
]);
export type BookingAnswer = z.infer<typeof BookingAnswer>;

/** The client invites one more person: by email (we send the link) or just for a link to share. */
export const InviteGuestBody = z
  .object({ email: z.email({ message: "Enter a valid email address" }).max(254).optional() })
  .strict();
export type InviteGuestBody = z.infer<typeof InviteGuestBody>;

export const GuestInvitation = z.object({
  appointmentId: z.string(),
  /** Secret of the link; replaced (and the old link shut) when the client invites again. */
  token: z.string(),
  path: z.string(),
  emailedTo: z.string().nullable(),
});
export type GuestInvitation = z.infer<typeof GuestInvitation>;

export const SalonRole = z.enum(["client", "advisor", "guest"]);
export type SalonRole = z.infer<typeof SalonRole>;

export const SalonAccess = z.object({
  appointmentId: z.string(),
  roomId: z.string(),
  brandId: z.string(),
  role: SalonRole,
  displayName: z.string(),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
});
export type SalonAccess = z.infer<typeof SalonAccess>;

/**
 * What the salon's page needs to enter: the access, and the STUN/TURN servers of the call
 * (ICE_SERVERS on the server; empty means host candidates only).
 */
export const SalonEntry = SalonAccess.extend({ iceServers: IceServers });
export type SalonEntry = z.infer<typeof SalonEntry>;
