/** What operators read: the process' Prometheus metrics. */
import { z } from "zod";
import { anyone } from "./access.ts";
import { endpoint, fileAnswer } from "./endpoint.ts";

/** `details` of a 401 from /metrics: the bearer token is missing or wrong. */
export const MetricsRefusedDetails = z.object({ reason: z.literal("metrics_token") });

export const metrics = endpoint({
  id: "ops.metrics",
  method: "GET",
  path: "/metrics",
  summary:
    "Prometheus metrics of this process (text exposition format); needs `Authorization: Bearer <METRICS_TOKEN>`, and answers 404 when no token is configured",
  // Not a person's session: a scraper's token, checked by the handler against METRICS_TOKEN.
  access: anyone,
  headers: {
    Authorization: z.string().max(1000).optional().describe("Send Authorization: Bearer <METRICS_TOKEN>."),
  },
  answer: fileAnswer("text/plain; version=0.0.4; charset=utf-8"),
  refusals: { unauthenticated: MetricsRefusedDetails },
});

export const opsEndpoints = [metrics];
