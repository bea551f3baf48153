/**
 * Live shopping events: the list, one event, scheduling, changing and cancelling it (its brand's
 * owners and merchandisers; admins for platform events), its guest list, the caller's invitations,
 * the RSVP and the replay's timeline.
 */
import { z } from "zod";
import { EventMediaBody, EventMediaRefusalDetails } from "../events/eventMedia.ts";
import {
  CancelEventBody,
  EventId as EventIdSchema,
  ScheduleEventBody,
  UpdateEventBody,
} from "../events/eventSchedule.ts";
import { EventList, EventView, MyInvitations } from "../events/eventView.ts";
import { BuildGuestListAnswer, GuestListRules, RsvpBody, RsvpRefusal } from "../events/guestList.ts";
import { Timeline } from "../events/timeline.ts";
import { MediaGrant } from "../media.ts";
import { anyone, BRAND_EDITORS, type BrandSource, brandStaff, signedIn } from "./access.ts";
import { endpoint } from "./endpoint.ts";

/** An event id as addresses accept it. */
const EventIdParam = EventIdSchema.describe("an event id (lowercase letters, digits and single dashes)");

/** The brand of the event named by `:eventId` (null for a platform event: admins only). */
const eventOfPath = { in: "resource", kind: "event", param: "eventId" } as const satisfies BrandSource;

/** `details` of a refused RSVP: 403 for not_invited, 409 for the rest. */
export const RsvpRefusalDetails = z.object({ reason: RsvpRefusal, eventId: z.string() });
export type RsvpRefusalDetails = z.infer<typeof RsvpRefusalDetails>;

/** An accepted RSVP: the invitation as it now stands. */
export const RsvpAccepted = z.object({
  status: z.enum(["invited", "yes", "no"]),
  respondedAt: z.iso.datetime().nullable(),
  seatsLeft: z.number().int(),
});
export type RsvpAccepted = z.infer<typeof RsvpAccepted>;

/** `details` of a refused change (409): why, and the field when it is about one. */
export const EventChangeRefusalDetails = z.looseObject({
  reason: z.string(),
  eventId: z.string().optional(),
});

/** `details` of a replay that is not (yet) the caller's (403). */
export const TimelineRefusalDetails = z.object({
  reason: z.enum(["not_ended", "invite_only"]),
  eventId: z.string(),
});

export const listEvents = endpoint({
  id: "events.list",
  method: "GET",
  path: "/api/events",
  summary: "Live and upcoming events, then recent ones with a replay (with the caller's invitations)",
  access: anyone,
  answer: EventList,
});

export const getEvent = endpoint({
  id: "events.get",
  method: "GET",
  path: "/api/events/:eventId",
  summary: "One event as the caller may see it, its phase on server time",
  access: anyone,
  params: { eventId: EventIdParam },
  answer: EventView,
});

export const scheduleEvent = endpoint({
  id: "events.schedule",
  method: "POST",
  path: "/api/events",
  summary: "Schedule an event of a brand (its owners and merchandisers) or of the platform (admins)",
  access: brandStaff(BRAND_EDITORS, { in: "body", field: "brandId" }, "schedule its events"),
  body: ScheduleEventBody,
  answer: EventView,
  status: 201,
  refusals: { conflict: EventChangeRefusalDetails },
});

export const updateEvent = endpoint({
  id: "events.update",
  method: "PATCH",
  path: "/api/events/:eventId",
  summary: "Change an event before it starts",
  access: brandStaff(BRAND_EDITORS, eventOfPath, "change its events"),
  params: { eventId: EventIdParam },
  body: UpdateEventBody,
  answer: EventView,
  refusals: { conflict: EventChangeRefusalDetails },
});

export const cancelEvent = endpoint({
  id: "events.cancel",
  method: "DELETE",
  path: "/api/events/:eventId",
  summary: "Cancel an event before it starts (with a reason its guests see)",
  access: brandStaff(BRAND_EDITORS, eventOfPath, "cancel its events"),
  params: { eventId: EventIdParam },
  body: CancelEventBody,
  answer: EventView,
  refusals: { conflict: EventChangeRefusalDetails },
});

export const buildGuestList = endpoint({
  id: "events.buildGuestList",
  method: "POST",
  path: "/api/events/:eventId/guests",
  summary: "Invite pass holders, segments of the brand's clients and named emails to an invite-only event",
  access: brandStaff(BRAND_EDITORS, eventOfPath, "build its guest lists"),
  params: { eventId: EventIdParam },
  body: GuestListRules,
  answer: BuildGuestListAnswer,
  refusals: { conflict: EventChangeRefusalDetails },
});

export const myInvitations = endpoint({
  id: "events.myInvitations",
  method: "GET",
  path: "/api/invitations/mine",
  summary: "The caller's invitations to events not long ended, soonest first",
  access: signedIn,
  answer: MyInvitations,
});

export const rsvp = endpoint({
  id: "events.rsvp",
  method: "PUT",
  path: "/api/events/:eventId/rsvp",
  summary: "Answer an invitation yes (taking a seat, never past the cap) or no (giving it back)",
  access: signedIn,
  params: { eventId: EventIdParam },
  body: RsvpBody,
  answer: RsvpAccepted,
  refusals: { forbidden: RsvpRefusalDetails, conflict: RsvpRefusalDetails },
});

export const eventTimeline = endpoint({
  id: "events.timeline",
  method: "GET",
  path: "/api/events/:eventId/timeline",
  summary: "An ended show's timeline, for its replay (its staff any time)",
  access: anyone,
  params: { eventId: EventIdParam },
  answer: Timeline,
  refusals: { forbidden: TimelineRefusalDetails },
});

export const eventMedia = endpoint({
  id: "events.media",
  method: "POST",
  path: "/api/events/:eventId/media",
  summary:
    "A Janus grant for the show's live video: its presenters publish, the admitted audience watches (404 media_not_configured without Janus)",
  // Guests watch open shows; who may publish is the event's to say (its presenters), not a role's.
  access: anyone,
  params: { eventId: EventIdParam },
  body: EventMediaBody,
  answer: MediaGrant,
  refusals: {
    unauthenticated: EventMediaRefusalDetails,
    forbidden: EventMediaRefusalDetails,
    not_found: EventMediaRefusalDetails,
  },
});

export const eventEndpoints = [
  listEvents,
  scheduleEvent,
  myInvitations,
  getEvent,
  updateEvent,
  cancelEvent,
  buildGuestList,
  rsvp,
  eventTimeline,
  eventMedia,
] as const;
