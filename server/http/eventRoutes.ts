/** The event routes (declared in shared/api/events.ts), to mount under `/api` after the JSON parser. */
import type express from "express";
import { events } from "../../shared/api/index.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { RsvpAnswer } from "../../shared/events/guestList.ts";
import { currentUser } from "../accounts/guards.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { grantEventMedia } from "../events/eventMedia.ts";
import { getEventView, listEvents } from "../events/eventQueries.ts";
import { buildGuestList, listInvitationsOf } from "../events/invitations.ts";
import { rsvp } from "../events/rsvp.ts";
import { cancelEvent, scheduleEvent, updateEvent } from "../events/scheduling.ts";
import { readTimeline } from "../events/timeline.ts";
import type { StageMedia } from "../media/stageMedia.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export type EventRoutesDeps = {
  database: Database;
  clock: Clock;
  /** Told when an event's schedule changed (its live stage and shards reload it). */
  onEventChanged?: (eventId: string) => void;
  /** The stages' Janus (null without JANUS_URL: events run without live video). */
  media?: StageMedia | null;
};

/** A refused RSVP: not on the list is 403 (nothing to do about it), the rest 409. */
function rsvpRefusal(eventId: string, answer: Extract<RsvpAnswer, { outcome: "refused" }>): DomainError {
  const code = answer.reason === "not_invited" ? ErrorCode.forbidden : ErrorCode.conflict;
  return new DomainError(code, answer.message, { reason: answer.reason, eventId });
}

export function createEventRoutes({
  database,
  clock,
  onEventChanged = () => {},
  media = null,
}: EventRoutesDeps): express.Router {
  // `anyone` routes never resolve the session; the event views still differ for guests and staff,
  // so these read the caller themselves (a guest or an expired session is simply null).
  const viewer = (req: express.Request) => currentUser(database, req);
  const routes = [
    route(events.listEvents, { handle: async ({ req }) => listEvents(database, await viewer(req), clock) }),
    route(events.scheduleEvent, { handle: ({ user, body }) => scheduleEvent(database, user, body, clock) }),
    route(events.myInvitations, { handle: ({ user }) => listInvitationsOf(database, user, clock) }),
    route(events.getEvent, {
      handle: async ({ req, params }) => getEventView(database, params.eventId, await viewer(req), clock),
    }),
    route(events.updateEvent, {
      handle: async ({ user, params, body }) => {
        const view = await updateEvent(database, user, params.eventId, body, clock);
        onEventChanged(params.eventId);
        return view;
      },
    }),
    route(events.cancelEvent, {
      handle: async ({ user, params, body }) => {
        const view = await cancelEvent(database, user, params.eventId, body, clock);
        onEventChanged(params.eventId);
        return view;
      },
    }),
    route(events.buildGuestList, {
      handle: ({ user, params, body }) => buildGuestList(database, user, params.eventId, body, clock),
    }),
    route(events.rsvp, {
      handle: async ({ user, params, body }) => {
        const answer = await rsvp(database, user, params.eventId, body.answer, clock);
        if (answer.outcome === "refused") throw rsvpRefusal(params.eventId, answer);
        return { status: answer.status, respondedAt: answer.respondedAt, seatsLeft: answer.seatsLeft };
      },
    }),
    route(events.eventTimeline, {
      handle: async ({ req, params }) => readTimeline(database, params.eventId, await viewer(req), clock),
    }),
    route(events.eventMedia, {
      handle: async ({ req, params, body }) =>
        grantEventMedia({ database, clock, media }, await viewer(req), params.eventId, body.role),
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
