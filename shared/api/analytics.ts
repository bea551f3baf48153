/** A brand's analytics (shared/analytics.ts): owners, merchandisers and advisors read them. */
import { AnalyticsQuery, AnalyticsReport, ViewerFactBody } from "../analytics.ts";
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
});

export const viewerFact = endpoint({
  id: "analytics.viewerFact",
  method: "POST",
  path: "/api/products/:productId/viewer-facts",
  summary: "The product viewer was opened, closed after a time, or a variant chosen (counted for the brand)",
  access: anyone,
  body: ViewerFactBody,
  answer: NO_CONTENT,
});

export const analyticsEndpoints = [brandAnalytics, viewerFact];
