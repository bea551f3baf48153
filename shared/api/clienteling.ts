/**
 * Clienteling over HTTP: what a shopper keeps in their wallet (consent per brand, purpose and
 * channel; who read their card; preferences; selection lists; appointments; inbox), what a maison's
 * advisors and owners do with the clients who chose them (the book, the audited card, outreach
 * within consent, caps and quiet hours, templates, follow-ups, availability, appointments,
 * selection lists) and a product's personalisation options.
 *
 * Every advisor address names its brand in the path, so the access rule is checked against that
 * brand; the domain then answers 404 for a client, appointment, list or task of another brand.
 *
 * The declarations live in clientelingShopper.ts (the wallet), clientelingStaff.ts (the maison's
 * side) and clientelingPersonalisation.ts, with what they share in clientelingCommon.ts; this
 * module gathers them under the one `clienteling` namespace, in their mounting order.
 */
import {
  personalisation,
  setPersonalisation,
  validatePersonalisation,
} from "./clientelingPersonalisation.ts";
import {
  appointment,
  book,
  cancel,
  freeSlots,
  handOver,
  inviteGuest,
  joinQueue,
  leaveQueue,
  markRead,
  myAccessLog,
  myAppointments,
  myConsentHistory,
  myConsents,
  myInbox,
  myPreferences,
  mySelectionLists,
  queueStatus,
  reschedule,
  salonAccess,
  setMyConsent,
  updateMyPreferences,
  withdrawMyConsent,
} from "./clientelingShopper.ts";
import {
  addSelectionItem,
  advisorOffline,
  advisorPresence,
  availability,
  brandAppointments,
  clientBook,
  clientCard,
  clientMessages,
  clientSelectionLists,
  completeFollowUp,
  createSelectionList,
  followUps,
  reassignClient,
  removeSelectionItem,
  sendOutreach,
  setAvailability,
  setTemplate,
  settings,
  takeNext,
  template,
  updateClientCard,
  updateSettings,
} from "./clientelingStaff.ts";

export {
  AdvisorPresenceBody,
  AssignAdvisorBody,
  BookingRefusalDetails,
  CLIENT_BOOK_ROLES,
  ConsentList,
  OutreachRefusalDetails,
  PersonalisationRefusalDetails,
  ValidatedPersonalisation,
  ValidatePersonalisationBody,
} from "./clientelingCommon.ts";
export * from "./clientelingPersonalisation.ts";
export * from "./clientelingShopper.ts";
export * from "./clientelingStaff.ts";

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
