/** GET /api/brands/:brandId/analytics (shared/api/analytics.ts), mounted under `/api`. */
import type express from "express";
import { analytics } from "../../shared/api/index.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { requireBrand } from "../http/brandOf.ts";
import { endpointRouter, route } from "../http/endpointRouter.ts";
import { brandAnalytics, rangeOf } from "./report.ts";

export function createAnalyticsRoutes({
  database,
  clock,
}: {
  database: Database;
  clock: Clock;
}): express.Router {
  const routes = [
    route(analytics.brandAnalytics, {
      handle: async ({ params, query }) => {
        await requireBrand(database, params.brandId);
        return brandAnalytics(database, params.brandId, rangeOf(query, clock.now()));
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
