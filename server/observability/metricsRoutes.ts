/** GET /metrics: the registry in Prometheus' text format, for a scraper holding METRICS_TOKEN. */
import { createHash, timingSafeEqual } from "node:crypto";
import type express from "express";
import { ops } from "../../shared/api/index.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { DbLike } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import { endpointRouter, route } from "../http/endpointRouter.ts";
import { metricsRegistry } from "./metrics.ts";

/** Compares digests, so neither the length nor the bytes of the token leak through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Without a configured token the address does not exist (404): metrics are never public by
 * accident. With one, a missing or wrong bearer token answers 401 with `WWW-Authenticate: Bearer`.
 */
export function createMetricsRoutes(database: DbLike, token: string | undefined): express.Router {
  const metrics = route(ops.metrics, {
    handle: async ({ headers, res }) => {
      if (!token) throw new DomainError(ErrorCode.notFound, "There is no endpoint GET /metrics.");
      const given = /^Bearer (.+)$/.exec(headers.Authorization ?? "")?.[1];
      if (!given || !sameToken(given, token)) {
        res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
        throw new DomainError(
          ErrorCode.unauthenticated,
          "Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.",
          {
            reason: "metrics_token",
          },
        );
      }
      res.setHeader("Content-Type", metricsRegistry.contentType);
      res.send(await metricsRegistry.metrics());
    },
  });
  return endpointRouter([metrics], { database, mountedAt: "" });
}
