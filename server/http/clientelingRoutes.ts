/**
 * Clienteling, the shopper's side (declared in shared/api/clienteling.ts): consent, access log,
 * preferences, selection lists and hand-over, inbox, appointments, the live queue, and a product's
 * personalisation. The maison's side is in clientelingStaffRoutes.ts. Handlers only: every rule is
 * in server/clienteling/.
 */
import type express from "express";
import { clienteling as api } from "../../shared/api/index.ts";
import type { BookingAnswer } from "../../shared/clienteling/appointments.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { IceServers } from "../../shared/media.ts";
import { currentUser } from "../accounts/guards.ts";
import { listMyAccessLog } from "../clienteling/accessLog.ts";
import { getAppointment, listMyAppointments } from "../clienteling/appointments/appointmentViews.ts";
import { bookAppointment } from "../clienteling/appointments/booking.ts";
import { cancelAppointment, rescheduleAppointment } from "../clienteling/appointments/changes.ts";
import { freeSlotsOfBrand } from "../clienteling/appointments/freeSlots.ts";
import { inviteGuest, salonAccess } from "../clienteling/appointments/guests.ts";
import { joinQueue, leaveQueue, queueStatus } from "../clienteling/appointments/queue.ts";
import { consentHistory, listMyConsents, setConsent, withdrawAllConsent } from "../clienteling/consent.ts";
import { handOverSelectionItem } from "../clienteling/handover.ts";
import { listInbox, markMessageRead } from "../clienteling/outreach/messages.ts";
import { getPreferences, updatePreferences } from "../clienteling/preferences.ts";
import { getProductPersonalisation, validatePersonalisationChoice } from "../clienteling/productOptions.ts";
import { listMySelectionLists } from "../clienteling/selectionLists.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import type { Mailer } from "../mail/mailer.ts";
import { errorLogger } from "../observability/log.ts";
import { requireBrand } from "./brandOf.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export type ClientelingRoutesDeps = {
  database: Database;
  clock: Clock;
  /** Sends the email copies right away (the clienteling sweep retries what fails). */
  mailer?: Mailer;
  /** STUN/TURN servers for the salon's call (ICE_SERVERS). */
  iceServers?: IceServers;
};

/** A refused booking or reschedule is a 409 naming the reason, with the next slots to offer. */
export function bookedOrRefused(answer: BookingAnswer) {
  if (answer.outcome === "booked") return answer.appointment;
  throw new DomainError(ErrorCode.conflict, answer.message, {
    reason: answer.reason,
    nextSlots: answer.nextSlots,
  });
}

export function createClientelingRoutes({
  database,
  clock,
  mailer,
  iceServers,
}: ClientelingRoutesDeps): express.Router {
  const deps = { mailer, log: errorLogger("clienteling") };
  const routes = [
    route(api.myConsents, { handle: ({ user }) => listMyConsents(database, user.id) }),
    route(api.myConsentHistory, { handle: ({ user }) => consentHistory(database, user.id) }),
    route(api.setMyConsent, {
      handle: async ({ user, params, body }) => {
        await requireBrand(database, params.brandId);
        return setConsent(database, { clientId: user.id, brandId: params.brandId, body }, clock);
      },
    }),
    route(api.withdrawMyConsent, {
      handle: async ({ user, params }) => {
        await requireBrand(database, params.brandId);
        const input = { clientId: user.id, brandId: params.brandId, source: "wallet" as const };
        return withdrawAllConsent(database, input, clock);
      },
    }),
    route(api.myAccessLog, {
      handle: ({ user, query }) => listMyAccessLog(database, user.id, { limit: query.limit }),
    }),
    route(api.myPreferences, { handle: ({ user }) => getPreferences(database, user.id) }),
    route(api.updateMyPreferences, {
      handle: ({ user, body }) => updatePreferences(database, user.id, body, clock),
    }),
    route(api.mySelectionLists, { handle: ({ user }) => listMySelectionLists(database, user.id) }),
    route(api.handOver, {
      handle: ({ user, params, body }) =>
        handOverSelectionItem(
          database,
          { clientId: user.id, listId: params.listId, itemId: params.itemId, body },
          clock,
        ),
    }),
    route(api.myInbox, {
      handle: ({ user, query }) => listInbox(database, user.id, { unreadOnly: query.unreadOnly }),
    }),
    route(api.markRead, {
      handle: ({ user, params }) => markMessageRead(database, user.id, params.messageId, clock),
    }),
    route(api.myAppointments, { handle: ({ user }) => listMyAppointments(database, user.id, clock.now()) }),
    route(api.freeSlots, {
      handle: async ({ params, query, req }) => {
        await requireBrand(database, params.brandId);
        // Anyone may look; a signed-in pass holder of the maison sees further ahead.
        const caller = await currentUser(database, req);
        const request = { brandId: params.brandId, clientId: caller?.id ?? null, ...query };
        return freeSlotsOfBrand(database, request, clock);
      },
    }),
    route(api.book, {
      handle: async ({ user, params, body }) => {
        await requireBrand(database, params.brandId);
        const request = { clientId: user.id, brandId: params.brandId, body };
        return bookedOrRefused(await bookAppointment(database, request, clock, deps));
      },
    }),
    route(api.appointment, {
      handle: ({ user, params }) => getAppointment(database, user.id, params.appointmentId),
    }),
    route(api.reschedule, {
      handle: async ({ user, params, body }) => {
        const request = { actorId: user.id, appointmentId: params.appointmentId, body };
        return bookedOrRefused(await rescheduleAppointment(database, request, clock, deps));
      },
    }),
    route(api.cancel, {
      handle: ({ user, params, body }) =>
        cancelAppointment(
          database,
          { actorId: user.id, appointmentId: params.appointmentId, body },
          clock,
          deps,
        ),
    }),
    route(api.inviteGuest, {
      handle: ({ user, params, body }) =>
        inviteGuest(database, { clientId: user.id, appointmentId: params.appointmentId, body }, clock, deps),
    }),
    route(api.salonAccess, {
      handle: async ({ user, params }) => ({
        ...(await salonAccess(database, { appointmentId: params.appointmentId, userId: user.id }, clock)),
        iceServers: iceServers ?? [],
      }),
    }),
    route(api.queueStatus, {
      handle: async ({ user, params }) => {
        await requireBrand(database, params.brandId);
        const status = await queueStatus(database, { clientId: user.id, brandId: params.brandId }, clock);
        if (status) return status;
        throw new DomainError(ErrorCode.notFound, "You are not waiting for an advisor of this maison.", {
          reason: "queue_entry_not_found",
          id: params.brandId,
        });
      },
    }),
    route(api.joinQueue, {
      handle: async ({ user, params }) => {
        await requireBrand(database, params.brandId);
        return joinQueue(database, { clientId: user.id, brandId: params.brandId }, clock);
      },
    }),
    route(api.leaveQueue, {
      handle: async ({ user, params }) => {
        await requireBrand(database, params.brandId);
        await leaveQueue(database, { clientId: user.id, brandId: params.brandId }, clock);
      },
    }),
    route(api.personalisation, {
      handle: ({ params }) => getProductPersonalisation(database, params.productId),
    }),
    route(api.validatePersonalisation, {
      handle: async ({ params, body }) => ({
        choice: await validatePersonalisationChoice(database, params.productId, body.choice),
      }),
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
