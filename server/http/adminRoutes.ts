/**
 * The admin console's routes (declared in shared/api/admin.ts), to mount under `/api`. Handlers only
 * delegate to server/admin/, which audits every change; brand changes are announced so the avenue
 * redraws its façades.
 */
import type express from "express";
import { admin } from "../../shared/api/index.ts";
import { readAuditLog } from "../admin/auditLog.ts";
import { createBrand, editBrand, listBrands, removeStaff, setStaff, staffOf } from "../admin/brands.ts";
import { actOnReport, moderationQueue } from "../admin/moderation.ts";
import { listDrops, listEvents, listProgrammes } from "../admin/overview.ts";
import {
  endSessionsOf,
  findPeople,
  getPerson,
  setPersonRole,
  suspendPerson,
  unsuspendPerson,
} from "../admin/people.ts";
import type { DbLike } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export type AdminRoutesDeps = {
  database: DbLike;
  clock: Clock;
  /** Tells every process that the catalog (a brand) changed. */
  onCatalogChanged: () => void;
};

export function createAdminRoutes({ database, clock, onCatalogChanged }: AdminRoutesDeps): express.Router {
  const routes = [
    route(admin.listBrands, { handle: async () => ({ brands: await listBrands(database) }) }),
    route(admin.createBrand, {
      handle: async ({ body, user }) => {
        const created = await createBrand(database, user.id, body, clock);
        onCatalogChanged();
        return created;
      },
    }),
    route(admin.editBrand, {
      handle: async ({ params, body, user }) => {
        const edited = await editBrand(database, user.id, params.brandId, body, clock);
        onCatalogChanged();
        return edited;
      },
    }),
    route(admin.brandStaff, { handle: ({ params }) => staffOf(database, params.brandId) }),
    route(admin.setBrandStaff, {
      handle: ({ params, body, user }) => setStaff(database, user.id, params.brandId, body, clock),
    }),
    route(admin.removeBrandStaff, {
      handle: ({ params, user }) => removeStaff(database, user.id, params.brandId, params.userId, clock),
    }),
    route(admin.findPeople, {
      handle: async ({ query }) => ({ people: await findPeople(database, query.q, clock) }),
    }),
    route(admin.setPersonRole, {
      handle: ({ params, body, user }) => setPersonRole(database, user.id, params.userId, body.role, clock),
    }),
    route(admin.suspendPerson, {
      handle: async ({ params, body, user }) => {
        await suspendPerson(database, user.id, params.userId, body.reason, clock);
        return getPerson(database, params.userId, clock);
      },
    }),
    route(admin.unsuspendPerson, {
      handle: ({ params, user }) => unsuspendPerson(database, user.id, params.userId, clock),
    }),
    route(admin.endSessions, {
      handle: async ({ params, user }) => ({
        ended: await endSessionsOf(database, user.id, params.userId, clock),
      }),
    }),
    route(admin.listProgrammes, {
      handle: async () => ({ programmes: await listProgrammes(database, clock) }),
    }),
    route(admin.moderationQueue, {
      handle: async ({ query }) => ({ reports: await moderationQueue(database, query.status, clock) }),
    }),
    route(admin.actOnReport, {
      handle: ({ params, body, user }) => actOnReport(database, user.id, params.reportId, body, clock),
    }),
    route(admin.listEvents, { handle: async () => ({ events: await listEvents(database, clock) }) }),
    route(admin.listDrops, { handle: async () => ({ drops: await listDrops(database, clock) }) }),
    route(admin.auditLog, { handle: ({ query }) => readAuditLog(database, query) }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
