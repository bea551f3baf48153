/**
 * Clienteling over HTTP, the maison's side: what its advisors and owners do with the clients who
 * chose them (the book, the audited card, outreach within consent, caps and quiet hours, templates,
 * follow-ups, availability, appointments, presence and the queue, selection lists).
 *
 * Every address names its brand in the path, so the access rule is checked against that brand; the
 * domain then answers 404 for a client, appointment, list or task of another brand.
 */
import { z } from "zod";
import { Appointment } from "../clienteling/appointments.ts";
import { AdvisorAvailability, SetAvailabilityBody } from "../clienteling/availability.ts";
import { ClientBookEntry, ClientCard, UpdateClientCardBody } from "../clienteling/card.ts";
import { CompleteFollowUpBody, FollowUpStatus, FollowUpTask } from "../clienteling/followUps.ts";
import { InboxMessage, SendOutreachBody } from "../clienteling/outreach.ts";
import { AddSelectionItemBody, CreateSelectionListBody, SelectionList } from "../clienteling/selection.ts";
import { ClientelingSettings, UpdateClientelingSettingsBody } from "../clienteling/settings.ts";
import { OutreachOccasion, OutreachTemplate } from "../clienteling/templates.ts";
import { brandInPath, brandStaff } from "./access.ts";
import {
  AdvisorPresenceBody,
  AssignAdvisorBody,
  BOOK,
  CLIENT_BOOK_ROLES,
  Id,
  Instant,
  OutreachRefusalDetails,
  OWNERS,
} from "./clientelingCommon.ts";
import { endpoint, NO_CONTENT } from "./endpoint.ts";

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
