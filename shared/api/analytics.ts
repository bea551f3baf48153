/** A brand's analytics (shared/analytics.ts): owners, merchandisers and advisors read them. */
import { AnalyticsQuery, AnalyticsReport, ViewerFactBody } from "../analytics.ts";
import { RateLimitedDetails } from "../errors.ts";
import { anyone, BRAND_STAFF, brandInPath, brandStaff } from "./access.ts";
import { endpoint, NO_CONTENT } from "./endpoint.ts";

export const brandAnalytics = endpoint({
  id: "analytics.brand",
  method: "GET",
  path: "/api/brands/:brandId/analytics",
  summary: "A brand's visits, dwell, funnel, top pieces and drops per UTC day over a date range",
  access: brandStaff(BRAND_STAFF, brandInPath, "read its analytics"),
  query: AnalyticsQuery,
  answer: AnalyticsReport,
  // Besides the shared answers (400 a bad range, 401, 403 another brand, 404 an unknown brand):
  // REPORTS_PER_MINUTE per reader (server/analytics/analyticsRoutes.ts), then 429.
  refusals: { rate_limited: RateLimitedDetails },
});

export const viewerFact = endpoint({
  id: "analytics.viewerFact",
  method: "POST",
  path: "/api/products/:productId/viewer-facts",
  summary: "The product viewer was opened, closed after a time, or a variant chosen (counted for the brand)",
  access: anyone,
  body: ViewerFactBody,
  answer: NO_CONTENT,
  // VIEWER_FACTS_PER_MINUTE per address, then 429.
  refusals: { rate_limited: RateLimitedDetails },
});

export const analyticsEndpoints = [brandAnalytics, viewerFact];
