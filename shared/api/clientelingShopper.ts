/**
 * Clienteling over HTTP, the shopper's own side (their wallet): consent per brand, purpose and
 * channel; who read their card; preferences; selection lists; inbox; appointments and the salon
 * queue. Most addresses are under /api/me; booking and the queue name the brand or the appointment.
 */
import { z } from "zod";
import {
  Appointment,
  BookAppointmentBody,
  CancelAppointmentBody,
  FreeSlotsAnswer,
  GuestInvitation,
  InviteGuestBody,
  RescheduleAppointmentBody,
  SalonEntry,
} from "../clienteling/appointments.ts";
import { AccessLogEntry } from "../clienteling/card.ts";
import { BrandConsent, ConsentChange, SetConsentBody } from "../clienteling/consent.ts";
import { InboxMessage } from "../clienteling/outreach.ts";
import { ClientPreferences, UpdatePreferencesBody } from "../clienteling/preferences.ts";
import { JoinQueueAnswer, QueueStatus } from "../clienteling/queue.ts";
import { HandoverAnswer, HandoverBody, SelectionList } from "../clienteling/selection.ts";
import { anyone, signedIn } from "./access.ts";
import { BookingRefusalDetails, ConsentList, Flag, Id } from "./clientelingCommon.ts";
import { endpoint, NO_CONTENT } from "./endpoint.ts";

export const myConsents = endpoint({
  id: "clienteling.myConsents",
  method: "GET",
  path: "/api/me/consents",
  summary: "The caller's consent with every maison, per purpose and channel",
  access: signedIn,
  answer: ConsentList,
});

export const myConsentHistory = endpoint({
  id: "clienteling.myConsentHistory",
  method: "GET",
  path: "/api/me/consents/history",
  summary: "Every consent change the caller made, newest first",
  access: signedIn,
  answer: z.array(ConsentChange),
});

export const setMyConsent = endpoint({
  id: "clienteling.setMyConsent",
  method: "PUT",
  path: "/api/me/consents/:brandId",
  summary: "Grant or withdraw some purposes and channels with one maison",
  access: signedIn,
  body: SetConsentBody,
  answer: BrandConsent,
});

export const withdrawMyConsent = endpoint({
  id: "clienteling.withdrawMyConsent",
  method: "DELETE",
  path: "/api/me/consents/:brandId",
  summary: "Withdraw every consent with one maison (leaves its client book)",
  access: signedIn,
  answer: BrandConsent,
});

export const myAccessLog = endpoint({
  id: "clienteling.myAccessLog",
  method: "GET",
  path: "/api/me/access-log",
  summary: "Who at which maison read or changed the caller's client card, newest first",
  access: signedIn,
  query: z.object({ limit: z.coerce.number().int().min(1).max(500).optional() }),
  answer: z.array(AccessLogEntry),
});

export const myPreferences = endpoint({
  id: "clienteling.myPreferences",
  method: "GET",
  path: "/api/me/preferences",
  summary: "The caller's language, time zone and quiet hours",
  access: signedIn,
  answer: ClientPreferences,
});

export const updateMyPreferences = endpoint({
  id: "clienteling.updateMyPreferences",
  method: "PATCH",
  path: "/api/me/preferences",
  summary: "Change the caller's language, time zone or quiet hours",
  access: signedIn,
  body: UpdatePreferencesBody,
  answer: ClientPreferences,
});

export const mySelectionLists = endpoint({
  id: "clienteling.mySelectionLists",
  method: "GET",
  path: "/api/me/selection-lists",
  summary: "Every selection list maisons built for the caller",
  access: signedIn,
  answer: z.array(SelectionList),
});

export const handOver = endpoint({
  id: "clienteling.handOver",
  method: "POST",
  path: "/api/me/selection-lists/:listId/items/:itemId/handover",
  summary: "Decide on a piece of a selection list: to the drop's claim, or as an order to the maison",
  access: signedIn,
  body: HandoverBody,
  answer: HandoverAnswer,
});

export const myInbox = endpoint({
  id: "clienteling.myInbox",
  method: "GET",
  path: "/api/me/messages",
  summary: "Messages from maisons (outreach and service), newest first",
  access: signedIn,
  query: z.object({ unreadOnly: Flag.optional() }),
  answer: z.array(InboxMessage),
});

export const markRead = endpoint({
  id: "clienteling.markRead",
  method: "POST",
  path: "/api/me/messages/:messageId/read",
  summary: "Mark one of the caller's messages read",
  access: signedIn,
  answer: NO_CONTENT,
});

export const myAppointments = endpoint({
  id: "clienteling.myAppointments",
  method: "GET",
  path: "/api/me/appointments",
  summary: "The caller's appointments from now on",
  access: signedIn,
  answer: z.array(Appointment),
});

export const freeSlots = endpoint({
  id: "clienteling.freeSlots",
  method: "GET",
  path: "/api/brands/:brandId/free-slots",
  summary: "The maison's next free appointment slots (pass holders see further ahead)",
  access: anyone,
  query: z.object({
    advisorId: Id.optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
  }),
  answer: FreeSlotsAnswer,
});

export const book = endpoint({
  id: "clienteling.book",
  method: "POST",
  path: "/api/brands/:brandId/appointments",
  summary: "Book a free slot with one of the maison's advisors",
  access: signedIn,
  body: BookAppointmentBody,
  answer: Appointment,
  status: 201,
  refusals: { conflict: BookingRefusalDetails },
});

export const appointment = endpoint({
  id: "clienteling.appointment",
  method: "GET",
  path: "/api/appointments/:appointmentId",
  summary: "One appointment the caller takes part in (client, advisor or owner)",
  access: signedIn,
  answer: Appointment,
});

export const reschedule = endpoint({
  id: "clienteling.reschedule",
  method: "POST",
  path: "/api/appointments/:appointmentId/reschedule",
  summary: "Move an appointment to another free slot (its client or advisor)",
  access: signedIn,
  body: RescheduleAppointmentBody,
  answer: Appointment,
  refusals: { conflict: BookingRefusalDetails },
});

export const cancel = endpoint({
  id: "clienteling.cancel",
  method: "POST",
  path: "/api/appointments/:appointmentId/cancel",
  summary: "Cancel an appointment (its client or advisor); both are told",
  access: signedIn,
  body: CancelAppointmentBody,
  answer: Appointment,
});

export const inviteGuest = endpoint({
  id: "clienteling.inviteGuest",
  method: "POST",
  path: "/api/appointments/:appointmentId/guest",
  summary: "The client invites one more person to the salon (a new link replaces the old one)",
  access: signedIn,
  body: InviteGuestBody,
  answer: GuestInvitation,
  status: 201,
});

export const salonAccess = endpoint({
  id: "clienteling.salonAccess",
  method: "GET",
  path: "/api/appointments/:appointmentId/salon",
  summary:
    "Whether and as whom the caller may enter the appointment's salon now, with the call's ICE servers",
  access: signedIn,
  answer: SalonEntry,
});

export const queueStatus = endpoint({
  id: "clienteling.queueStatus",
  method: "GET",
  path: "/api/brands/:brandId/queue/me",
  summary: "The caller's place in the maison's live queue and the estimated wait",
  access: signedIn,
  answer: QueueStatus,
});

export const joinQueue = endpoint({
  id: "clienteling.joinQueue",
  method: "POST",
  path: "/api/brands/:brandId/queue",
  summary: "Wait for an advisor now (or get the next slots when none is online)",
  access: signedIn,
  answer: JoinQueueAnswer,
});

export const leaveQueue = endpoint({
  id: "clienteling.leaveQueue",
  method: "DELETE",
  path: "/api/brands/:brandId/queue/me",
  summary: "Stop waiting in the maison's live queue",
  access: signedIn,
  answer: NO_CONTENT,
});
