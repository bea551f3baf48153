/** A brand's analytics (shared/analytics.ts): owners, merchandisers and advisors read them. */
import { AnalyticsQuery, AnalyticsReport } from "../analytics.ts";
import { BRAND_STAFF, brandInPath, brandStaff } from "./access.ts";
import { endpoint } from "./endpoint.ts";

export const brandAnalytics = endpoint({
  id: "analytics.brand",
  method: "GET",
  path: "/api/brands/:brandId/analytics",
  summary: "A brand's visits, dwell, funnel, top pieces and drops per UTC day over a date range",
  access: brandStaff(BRAND_STAFF, brandInPath, "read its analytics"),
  query: AnalyticsQuery,
  answer: AnalyticsReport,
});

export const analyticsEndpoints = [brandAnalytics];
