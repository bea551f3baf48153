/** The `/api` router: health, auth and catalog, with JSON bodies, 404s and errors handled here. */
import express from "express";
import { auth } from "../../shared/api/index.ts";
import { getCatalog } from "../catalog/catalogRepository.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { createAuthRoutes } from "./authRoutes.ts";
import { endpointRouter, route } from "./endpointRouter.ts";
import { apiNotFound, createErrorMiddleware, type ErrorMiddlewareOptions } from "./errors.ts";
import type { LimiterStore } from "./limiterStore.ts";
import { type AttemptLimits, DEFAULT_ATTEMPT_LIMITS } from "./rateLimit.ts";

/** Largest JSON body the API accepts; larger ones answer 413. */
export const API_JSON_LIMIT = "64kb";

export type ApiRouterDeps = {
  database: Database;
  config: Config;
  /** The app version reported by /api/health. */
  version: string;
  presence: "local" | "redis";
  /** `Date.now()` when the process started, for uptime. */
  startedAt: number;
  /** Sign-in and sign-up attempt limits; DEFAULT_ATTEMPT_LIMITS when absent. */
  attemptLimits?: Partial<AttemptLimits>;
  /** Where rate limits count (Redis when scaled out); this process's memory when absent. */
  limiterStore?: LimiterStore;
  /** Routers of other domains (passes, drops…), mounted at `/api` before the 404. */
  domainRouters?: express.Router[];
  /** Where unexpected errors are logged; the http component's logger when absent. */
  logUnexpected?: ErrorMiddlewareOptions["logUnexpected"];
};

/**
 * Builds the router to mount at `/api`. It ends with a JSON 404 for unknown `/api/*` paths and the
 * error middleware, so mount any other `/api` router before it, or inside it.
 */
export function createApiRouter(deps: ApiRouterDeps): express.Router {
  const { database, config } = deps;
  const router = express.Router();
  router.use(express.json({ limit: API_JSON_LIMIT }));

  const core = [
    route(auth.health, {
      handle: () => ({
        status: "ok" as const,
        version: deps.version,
        database: database.kind,
        presence: deps.presence,
        uptimeSeconds: Math.max(0, Math.round((Date.now() - deps.startedAt) / 1000)),
      }),
    }),
    route(auth.catalog, { handle: () => getCatalog(database) }),
  ];
  router.use(endpointRouter(core, { database, mountedAt: "/api" }));
  router.use(
    createAuthRoutes({
      database,
      config,
      limits: { ...DEFAULT_ATTEMPT_LIMITS, ...deps.attemptLimits },
      limiterStore: deps.limiterStore,
    }),
  );

  for (const domainRouter of deps.domainRouters ?? []) router.use(domainRouter);

  router.use(apiNotFound);
  router.use(createErrorMiddleware({ logUnexpected: deps.logUnexpected }));
  return router;
}
