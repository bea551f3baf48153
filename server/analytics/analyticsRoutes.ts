/** GET /api/brands/:brandId/analytics (shared/api/analytics.ts), mounted under `/api`. */
import type express from "express";
import { analytics } from "../../shared/api/index.ts";
import { currentUser } from "../accounts/guards.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { requireBrand } from "../http/brandOf.ts";
import { endpointRouter, route } from "../http/endpointRouter.ts";
import type { LimiterStore } from "../http/limiterStore.ts";
import { addressOf, createLimiter, waitSeconds } from "../http/rateLimit.ts";
import { recordViewerFact } from "./productFacts.ts";
import { brandAnalytics, rangeOf } from "./report.ts";

/** Viewer facts one address may send per minute: a browsing shopper sends a few, a script many. */
export const VIEWER_FACTS_PER_MINUTE = 240;
/**
 * Reports one person may ask for per minute: a report reads every rollup row of its range, so a
 * reader moving through date ranges asks a few, a script looping on it would load the database.
 */
export const REPORTS_PER_MINUTE = 30;

export function createAnalyticsRoutes({
  database,
  clock,
  limiterStore,
  viewerFactsPerMinute = VIEWER_FACTS_PER_MINUTE,
  reportsPerMinute = REPORTS_PER_MINUTE,
}: {
  database: Database;
  clock: Clock;
  /** Where the viewer-facts limit counts (Redis when scaled out); this process's memory when absent. */
  limiterStore?: LimiterStore;
  viewerFactsPerMinute?: number;
  reportsPerMinute?: number;
}): express.Router {
  const limitFacts = createLimiter(
    {
      keyPrefix: "viewer-facts:ip",
      points: viewerFactsPerMinute,
      durationSeconds: 60,
      message: (s) => `Too many viewer facts. Please wait ${waitSeconds(s)}.`,
    },
    limiterStore,
  );
  // Counted per person (the route is for signed-in staff), across brands: one budget per reader.
  const limitReports = createLimiter(
    {
      keyPrefix: "analytics-report:user",
      points: reportsPerMinute,
      durationSeconds: 60,
      message: (s) => `Too many analytics reports. Please wait ${waitSeconds(s)}.`,
    },
    limiterStore,
  );
  const routes = [
    route(analytics.brandAnalytics, {
      // The access rule has let the caller in: only staff of the brand (or admins) spend the budget.
      handle: async ({ params, query, user, res }) => {
        await limitReports(user.id, res);
        await requireBrand(database, params.brandId);
        return brandAnalytics(database, params.brandId, rangeOf(query, clock.now()));
      },
    }),
    route(analytics.viewerFact, {
      // Guests view pieces too: their views count (without a visitor), a session adds who it was.
      handle: async ({ params, body, req, res }) => {
        await limitFacts(addressOf(req), res);
        const user = await currentUser(database, req);
        recordViewerFact(params.productId, body, user ? { userId: user.id } : { anonymous: true });
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
