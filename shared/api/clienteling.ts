/**
 * Clienteling over HTTP: what a shopper keeps in their wallet (consent per brand, purpose and
 * channel; who read their card; preferences; selection lists; appointments; inbox), what a maison's
 * advisors and owners do with the clients who chose them (the book, the audited card, outreach
 * within consent, caps and quiet hours, templates, follow-ups, availability, appointments,
 * selection lists) and a product's personalisation options.
 *
 * Every advisor address names its brand in the path, so the access rule is checked against that
 * brand; the domain then answers 404 for a client, appointment, list or task of another brand.
 */
import { z } from "zod";
import {
  Appointment,
  BookAppointmentBody,
  BookingRefusalReason,
  CancelAppointmentBody,
  FreeSlot,
  FreeSlotsAnswer,
  GuestInvitation,
  InviteGuestBody,
  RescheduleAppointmentBody,
  SalonAccess,
} from "../clienteling/appointments.ts";
import { AdvisorAvailability, SetAvailabilityBody } from "../clienteling/availability.ts";
import { AccessLogEntry, ClientBookEntry, ClientCard, UpdateClientCardBody } from "../clienteling/card.ts";
import { BrandConsent, ConsentChange, SetConsentBody } from "../clienteling/consent.ts";
import { CompleteFollowUpBody, FollowUpStatus, FollowUpTask } from "../clienteling/followUps.ts";
import { InboxMessage, OutreachRefusal, SendOutreachBody } from "../clienteling/outreach.ts";
import { ClientPreferences, UpdatePreferencesBody } from "../clienteling/preferences.ts";
import { JoinQueueAnswer, QueueStatus } from "../clienteling/queue.ts";
import {
  AddSelectionItemBody,
  CreateSelectionListBody,
  HandoverAnswer,
  HandoverBody,
  SelectionList,
} from "../clienteling/selection.ts";
import { ClientelingSettings, UpdateClientelingSettingsBody } from "../clienteling/settings.ts";
import { OutreachOccasion, OutreachTemplate } from "../clienteling/templates.ts";
import { FieldIssue } from "../errors.ts";
import { PersonalisationChoice, ProductPersonalisation } from "../personalisation.ts";
import { anyone, BRAND_EDITORS, brandInPath, brandStaff, signedIn } from "./access.ts";
import { endpoint, NO_CONTENT } from "./endpoint.ts";

/** Advisors and owners work with clients; merchandisers see no client data. */
export const CLIENT_BOOK_ROLES = ["owner", "advisor"] as const;
const OWNERS = ["owner"] as const;
const BOOK = "work with its client book";

const Id = z.string().min(1).max(100);
const Instant = z.iso.datetime({ offset: true });
const Flag = z.enum(["true", "false"]).transform((v) => v === "true");

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

// The shopper's own side (their wallet).

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
  summary: "Whether and as whom the caller may enter the appointment's salon now",
  access: signedIn,
  answer: SalonAccess,
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

// The maison's side.

export const clientBook = endpoint({
  id: "clienteling.clientBook",
  method: "GET",
  path: "/api/brands/:brandId/clients",
  summary: "The clients who chose a relationship with the maison (optionally one advisor's)",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  query: z.object({ advisorId: Id.optional() }),
  answer: z.array(ClientBookEntry),
});

export const clientCard = endpoint({
  id: "clienteling.clientCard",
  method: "GET",
  path: "/api/brands/:brandId/clients/:clientId",
  summary: "A client's card as the maison may know it (each read is in the client's access log)",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: ClientCard,
});

export const updateClientCard = endpoint({
  id: "clienteling.updateClientCard",
  method: "PATCH",
  path: "/api/brands/:brandId/clients/:clientId",
  summary: "Change a client's notes, important dates or sizes",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  body: UpdateClientCardBody,
  answer: ClientCard,
});

export const reassignClient = endpoint({
  id: "clienteling.reassignClient",
  method: "PUT",
  path: "/api/brands/:brandId/clients/:clientId/advisor",
  summary: "Give a client to one of the maison's advisors (or none)",
  access: brandStaff(OWNERS, brandInPath, "reassign its clients"),
  body: AssignAdvisorBody,
  answer: NO_CONTENT,
});

export const clientMessages = endpoint({
  id: "clienteling.clientMessages",
  method: "GET",
  path: "/api/brands/:brandId/clients/:clientId/messages",
  summary: "What the maison wrote to a client",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: z.array(InboxMessage),
});

export const clientSelectionLists = endpoint({
  id: "clienteling.clientSelectionLists",
  method: "GET",
  path: "/api/brands/:brandId/clients/:clientId/selection-lists",
  summary: "The maison's selection lists for a client",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: z.array(SelectionList),
});

export const sendOutreach = endpoint({
  id: "clienteling.sendOutreach",
  method: "POST",
  path: "/api/brands/:brandId/outreach",
  summary: "Write to a client, within their consent, the maison's cap and their quiet hours",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  body: SendOutreachBody,
  answer: InboxMessage,
  status: 201,
  refusals: { conflict: OutreachRefusalDetails },
});

export const template = endpoint({
  id: "clienteling.template",
  method: "GET",
  path: "/api/brands/:brandId/outreach-templates/:occasion",
  summary: "The maison's wording of an occasion's template (or the default one)",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  params: { occasion: OutreachOccasion },
  answer: OutreachTemplate,
});

export const setTemplate = endpoint({
  id: "clienteling.setTemplate",
  method: "PUT",
  path: "/api/brands/:brandId/outreach-templates/:occasion",
  summary: "Store the maison's wording of an occasion's template",
  access: brandStaff(OWNERS, brandInPath, "word its outreach templates"),
  params: { occasion: OutreachOccasion },
  body: OutreachTemplate,
  answer: OutreachTemplate,
});

export const settings = endpoint({
  id: "clienteling.settings",
  method: "GET",
  path: "/api/brands/:brandId/clienteling-settings",
  summary: "The maison's outreach cap, slot length and booking horizons",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: ClientelingSettings,
});

export const updateSettings = endpoint({
  id: "clienteling.updateSettings",
  method: "PATCH",
  path: "/api/brands/:brandId/clienteling-settings",
  summary: "Change the maison's outreach cap, slot length or booking horizons",
  access: brandStaff(OWNERS, brandInPath, "change its clienteling settings"),
  body: UpdateClientelingSettingsBody,
  answer: ClientelingSettings,
});

export const followUps = endpoint({
  id: "clienteling.followUps",
  method: "GET",
  path: "/api/brands/:brandId/follow-ups",
  summary: "Follow-up tasks after appointments and claims",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  query: z.object({ status: FollowUpStatus.optional(), advisorId: Id.optional() }),
  answer: z.array(FollowUpTask),
});

export const completeFollowUp = endpoint({
  id: "clienteling.completeFollowUp",
  method: "POST",
  path: "/api/brands/:brandId/follow-ups/:taskId/complete",
  summary: "Mark a follow-up done, with its outcome",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  body: CompleteFollowUpBody,
  answer: FollowUpTask,
});

export const availability = endpoint({
  id: "clienteling.availability",
  method: "GET",
  path: "/api/brands/:brandId/advisors/:advisorId/availability",
  summary: "An advisor's weekly hours and exceptions, in the advisor's time zone",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: AdvisorAvailability,
});

export const setAvailability = endpoint({
  id: "clienteling.setAvailability",
  method: "PUT",
  path: "/api/brands/:brandId/advisors/:advisorId/availability",
  summary: "Publish an advisor's weekly hours and exceptions (advisors their own, owners anyone's)",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  body: SetAvailabilityBody,
  answer: AdvisorAvailability,
});

export const brandAppointments = endpoint({
  id: "clienteling.brandAppointments",
  method: "GET",
  path: "/api/brands/:brandId/appointments",
  summary: "The maison's appointments in a period (advisors their own, owners every advisor's)",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  query: z.object({ from: Instant.optional(), to: Instant.optional(), advisorId: Id.optional() }),
  answer: z.array(Appointment),
});

export const advisorPresence = endpoint({
  id: "clienteling.advisorPresence",
  method: "PUT",
  path: "/api/brands/:brandId/advisors/me/presence",
  summary: "The calling advisor is online now (available or in a session), for the live queue",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  body: AdvisorPresenceBody,
  answer: NO_CONTENT,
});

export const advisorOffline = endpoint({
  id: "clienteling.advisorOffline",
  method: "DELETE",
  path: "/api/brands/:brandId/advisors/me/presence",
  summary: "The calling advisor leaves the live queue",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: NO_CONTENT,
});

export const takeNext = endpoint({
  id: "clienteling.takeNext",
  method: "POST",
  path: "/api/brands/:brandId/queue/next",
  summary: "The calling advisor takes the next shopper of the live queue (a live appointment)",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: z.object({ appointment: Appointment.nullable() }),
});

export const createSelectionList = endpoint({
  id: "clienteling.createSelectionList",
  method: "POST",
  path: "/api/brands/:brandId/selection-lists",
  summary: "Start a selection list for a client",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  body: CreateSelectionListBody,
  answer: SelectionList,
  status: 201,
});

export const addSelectionItem = endpoint({
  id: "clienteling.addSelectionItem",
  method: "POST",
  path: "/api/brands/:brandId/selection-lists/:listId/items",
  summary: "Add a piece (variant and personalisation checked) to a selection list",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  body: AddSelectionItemBody,
  answer: SelectionList,
});

export const removeSelectionItem = endpoint({
  id: "clienteling.removeSelectionItem",
  method: "DELETE",
  path: "/api/brands/:brandId/selection-lists/:listId/items/:itemId",
  summary: "Take a piece off a selection list",
  access: brandStaff(CLIENT_BOOK_ROLES, brandInPath, BOOK),
  answer: SelectionList,
});

// A product's personalisation (engraving, initials, strap or stone).

export const personalisation = endpoint({
  id: "clienteling.personalisation",
  method: "GET",
  path: "/api/products/:productId/personalisation",
  summary: "The personalisation options a piece offers",
  access: anyone,
  answer: ProductPersonalisation,
  cache: "no-cache",
});

export const setPersonalisation = endpoint({
  id: "clienteling.setPersonalisation",
  method: "PUT",
  path: "/api/brands/:brandId/products/:productId/personalisation",
  summary: "Declare the personalisation options of one of the maison's pieces",
  access: brandStaff(BRAND_EDITORS, brandInPath, "declare its pieces' personalisation"),
  body: z.json(),
  answer: ProductPersonalisation,
});

export const validatePersonalisation = endpoint({
  id: "clienteling.validatePersonalisation",
  method: "POST",
  path: "/api/products/:productId/personalisation/validate",
  summary: "Check a personalisation choice against the piece's options (the server's own schema)",
  access: anyone,
  body: ValidatePersonalisationBody,
  answer: ValidatedPersonalisation,
  refusals: { validation_failed: PersonalisationRefusalDetails },
});

export const clientelingEndpoints = [
  myConsents,
  myConsentHistory,
  setMyConsent,
  withdrawMyConsent,
  myAccessLog,
  myPreferences,
  updateMyPreferences,
  mySelectionLists,
  handOver,
  myInbox,
  markRead,
  myAppointments,
  freeSlots,
  book,
  appointment,
  reschedule,
  cancel,
  inviteGuest,
  salonAccess,
  queueStatus,
  joinQueue,
  leaveQueue,
  clientBook,
  clientCard,
  updateClientCard,
  reassignClient,
  clientMessages,
  clientSelectionLists,
  sendOutreach,
  template,
  setTemplate,
  settings,
  updateSettings,
  followUps,
  completeFollowUp,
  availability,
  setAvailability,
  brandAppointments,
  advisorPresence,
  advisorOffline,
  takeNext,
  createSelectionList,
  addSelectionItem,
  removeSelectionItem,
  personalisation,
  setPersonalisation,
  validatePersonalisation,
] as const;
