/**
 * Clienteling, the maison's side (declared in shared/api/clienteling.ts): the client book and the
 * audited card, reassignment, outreach within consent, cap and quiet hours, templates, settings,
 * follow-ups, availability, appointments, the live queue and selection lists. The access rule has
 * checked the brand in the path; the domain checks the role again and answers 404 for anything
 * (a client, an appointment, a list, a task) that is not that brand's.
 */
import type express from "express";
import { clienteling as api } from "../../shared/api/index.ts";
import { OutreachOccasion } from "../../shared/clienteling/templates.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { listBrandAppointments } from "../clienteling/appointments/appointmentViews.ts";
import { getAvailability, setAvailability } from "../clienteling/appointments/availability.ts";
import { advisorHeartbeat, advisorOffline, takeNextInQueue } from "../clienteling/appointments/queue.ts";
import { assignPreferredAdvisor, listClientBook } from "../clienteling/clientBook.ts";
import { readClientCard, updateClientCard } from "../clienteling/clientCard.ts";
import { completeFollowUp, listFollowUps } from "../clienteling/followUps.ts";
import { listBrandMessagesToClient } from "../clienteling/outreach/messages.ts";
import { sendOutreach } from "../clienteling/outreach/outreach.ts";
import { setProductPersonalisation } from "../clienteling/productOptions.ts";
import {
  addSelectionItem,
  createSelectionList,
  listBrandSelectionLists,
  removeSelectionItem,
} from "../clienteling/selectionLists.ts";
import {
  getClientelingSettings,
  setBrandTemplate,
  templateFor,
  updateClientelingSettings,
} from "../clienteling/settings.ts";
import { requireStaff } from "../clienteling/staff.ts";
import { DomainError } from "../errors.ts";
import type { ClientelingRoutesDeps } from "./clientelingRoutes.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

/** What staff see of a period when they do not name one: from now, four weeks ahead. */
const DEFAULT_PERIOD_MS = 28 * 86_400_000;

export function createClientelingStaffRoutes({
  database,
  clock,
  mailer,
}: ClientelingRoutesDeps): express.Router {
  const deps = { mailer, log: (message: string, error: unknown) => console.error(message, error) };
  const card = (user: { id: string }, brandId: string, clientId: string) => ({
    actorId: user.id,
    brandId,
    clientId,
  });
  const routes = [
    route(api.clientBook, {
      handle: ({ user, params, query }) =>
        listClientBook(database, { actorId: user.id, brandId: params.brandId, ...query }, clock),
    }),
    route(api.clientCard, {
      handle: ({ user, params }) =>
        readClientCard(database, card(user, params.brandId, params.clientId), clock),
    }),
    route(api.updateClientCard, {
      handle: ({ user, params, body }) =>
        updateClientCard(database, { ...card(user, params.brandId, params.clientId), patch: body }, clock),
    }),
    route(api.reassignClient, {
      handle: ({ user, params, body }) =>
        assignPreferredAdvisor(
          database,
          { ...card(user, params.brandId, params.clientId), advisorId: body.advisorId },
          clock,
        ),
    }),
    route(api.clientMessages, {
      handle: ({ user, params }) =>
        listBrandMessagesToClient(database, card(user, params.brandId, params.clientId), clock),
    }),
    route(api.clientSelectionLists, {
      handle: ({ user, params }) =>
        listBrandSelectionLists(database, card(user, params.brandId, params.clientId), clock),
    }),
    route(api.sendOutreach, {
      handle: async ({ user, params, body }) => {
        const request = { actorId: user.id, brandId: params.brandId, body };
        const answer = await sendOutreach(database, request, clock, deps);
        if (answer.outcome === "sent") return answer.message;
        const { outcome: _outcome, message, ...refusal } = answer;
        throw new DomainError(ErrorCode.conflict, message, { reason: "outreach_refused", ...refusal });
      },
    }),
    route(api.template, {
      handle: async ({ user, params }) => {
        await requireStaff(database, user.id, params.brandId);
        return templateFor(database, params.brandId, OutreachOccasion.parse(params.occasion));
      },
    }),
    route(api.setTemplate, {
      handle: ({ user, params, body }) =>
        setBrandTemplate(
          database,
          {
            actorId: user.id,
            brandId: params.brandId,
            occasion: OutreachOccasion.parse(params.occasion),
            template: body,
          },
          clock,
        ),
    }),
    route(api.settings, {
      handle: async ({ user, params }) => {
        await requireStaff(database, user.id, params.brandId);
        return getClientelingSettings(database, params.brandId);
      },
    }),
    route(api.updateSettings, {
      handle: ({ user, params, body }) =>
        updateClientelingSettings(
          database,
          { actorId: user.id, brandId: params.brandId, patch: body },
          clock,
        ),
    }),
    route(api.followUps, {
      handle: ({ user, params, query }) =>
        listFollowUps(database, { actorId: user.id, brandId: params.brandId, ...query }),
    }),
    route(api.completeFollowUp, {
      handle: ({ user, params, body }) =>
        completeFollowUp(
          database,
          { actorId: user.id, brandId: params.brandId, taskId: params.taskId, outcome: body.outcome },
          clock,
        ),
    }),
    route(api.availability, {
      handle: async ({ user, params }) => {
        await requireStaff(database, user.id, params.brandId);
        const found = await getAvailability(database, params.brandId, params.advisorId);
        if (found) return found;
        throw new DomainError(ErrorCode.notFound, "This advisor has not published any hours yet.", {
          reason: "availability_not_found",
          id: params.advisorId,
        });
      },
    }),
    route(api.setAvailability, {
      handle: ({ user, params, body }) =>
        setAvailability(
          database,
          { actorId: user.id, brandId: params.brandId, advisorId: params.advisorId, body },
          clock,
        ),
    }),
    route(api.brandAppointments, {
      handle: ({ user, params, query }) => {
        const from = query.from ? new Date(query.from) : clock.now();
        const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_PERIOD_MS);
        const request = { actorId: user.id, brandId: params.brandId, from, to, advisorId: query.advisorId };
        return listBrandAppointments(database, request);
      },
    }),
    route(api.advisorPresence, {
      handle: ({ user, params, body }) =>
        advisorHeartbeat(database, { actorId: user.id, brandId: params.brandId, status: body.status }, clock),
    }),
    route(api.advisorOffline, {
      handle: ({ user, params }) => advisorOffline(database, { actorId: user.id, brandId: params.brandId }),
    }),
    route(api.takeNext, {
      handle: async ({ user, params }) => ({
        appointment: await takeNextInQueue(database, { actorId: user.id, brandId: params.brandId }, clock),
      }),
    }),
    route(api.createSelectionList, {
      handle: ({ user, params, body }) =>
        createSelectionList(database, { actorId: user.id, brandId: params.brandId, body }, clock),
    }),
    route(api.addSelectionItem, {
      handle: async ({ user, params, body }) => {
        const request = { actorId: user.id, brandId: params.brandId, listId: params.listId, body };
        return addSelectionItem(database, request, clock);
      },
    }),
    route(api.removeSelectionItem, {
      handle: ({ user, params }) => {
        const { brandId, listId, itemId } = params;
        const request = { actorId: user.id, brandId, listId, itemId };
        return removeSelectionItem(database, request, clock);
      },
    }),
    route(api.setPersonalisation, {
      handle: ({ user, params, body }) => {
        const request = {
          actorId: user.id,
          brandId: params.brandId,
          productId: params.productId,
          options: body,
        };
        return setProductPersonalisation(database, request, clock);
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
