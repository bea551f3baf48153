/** The drop routes (declared in shared/api/drops.ts), to mount under `/api` after the JSON parser. */
import type express from "express";
import { drops } from "../../shared/api/index.ts";
import type { ClaimAnswer } from "../../shared/drops.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { currentUser } from "../accounts/guards.ts";
import { recordConfirmation, recordEntry } from "../analytics/productFacts.ts";
import type { Database } from "../db/database.ts";
import { claimDropUnit, confirmClaim, listClaimsOf } from "../drops/claims.ts";
import type { Clock } from "../drops/clock.ts";
import { listCurrentDrops } from "../drops/dropList.ts";
import { getDrop, getDropReport, listBrandDrops, scheduleDrop } from "../drops/drops.ts";
import { visibleDrop } from "../drops/dropVisibility.ts";
import { setBrandWebhook } from "../drops/orderWebhooks.ts";
import { drawRaffle, enterRaffle } from "../drops/raffleDraw.ts";
import { requirePublicWebhookUrl } from "../drops/webhookAddress.ts";
import { DomainError } from "../errors.ts";
import { endpointRouter, route } from "./endpointRouter.ts";
import type { LimiterStore } from "./limiterStore.ts";
import { type ClaimRateLimits, createClaimLimiter, DEFAULT_CLAIM_RATE_LIMITS } from "./rateLimit.ts";

export type DropRoutesDeps = {
  database: Database;
  clock: Clock;
  claimLimits?: Partial<ClaimRateLimits>;
  /** Where claim limits count (Redis when scaled out); this process's memory when absent. */
  limiterStore?: LimiterStore;
  /** Told when a drop's stock may have changed (a unit held, a draw), so its live rooms reload it. */
  onDropChanged?: (dropId: string) => void;
};

/** A refused claim or entry: not yet open is 403 (come back later), the rest 409. */
function refusalError(answer: Extract<ClaimAnswer, { outcome: "refused" }>): DomainError {
  const code = answer.reason === "not_open_yet" ? ErrorCode.forbidden : ErrorCode.conflict;
  return new DomainError(code, answer.message, { reason: answer.reason, opensAt: answer.opensAt });
}

export function createDropRoutes({
  database,
  clock,
  claimLimits,
  limiterStore,
  onDropChanged = () => {},
}: DropRoutesDeps): express.Router {
  const limitClaims = createClaimLimiter({ ...DEFAULT_CLAIM_RATE_LIMITS, ...claimLimits }, limiterStore);
  const routes = [
    route(drops.listDrops, { handle: () => listCurrentDrops(database, clock) }),
    route(drops.getDrop, {
      // `anyone` routes do not look the session up; an unannounced drop needs to know who asks.
      handle: async ({ params, req }) =>
        visibleDrop(await getDrop(database, params.dropId, clock), await currentUser(database, req)),
    }),
    route(drops.scheduleDrop, {
      handle: ({ params, body, user }) => scheduleDrop(database, params.brandId, body, user.id, clock),
    }),
    route(drops.listBrandDrops, { handle: ({ params }) => listBrandDrops(database, params.brandId, clock) }),
    route(drops.setWebhook, {
      handle: async ({ params, body }) => {
        await requirePublicWebhookUrl(body.url);
        await setBrandWebhook(database, params.brandId, body);
      },
    }),
    route(drops.claim, {
      before: ({ req, res, user }) => limitClaims(req, res, user.id),
      handle: async ({ params, headers, user, res }) => {
        const request = {
          dropId: params.dropId,
          userId: user.id,
          idempotencyKey: headers["Idempotency-Key"],
        };
        const result = await claimDropUnit(database, request, clock);
        if (result.replayed) res.setHeader("Idempotent-Replayed", "true");
        if (result.answer.outcome === "refused") throw refusalError(result.answer);
        if (!result.replayed) onDropChanged(result.answer.claim.dropId);
        return result.answer;
      },
    }),
    route(drops.myClaims, {
      handle: async ({ params, user }) => ({ claims: await listClaimsOf(database, params.dropId, user.id) }),
    }),
    route(drops.confirmClaim, {
      handle: async ({ params, user }) => {
        const confirmed = await confirmClaim(
          database,
          { claimId: params.claimId, userId: user.id, dropId: params.dropId },
          clock,
        );
        recordConfirmation(params.dropId, user.id);
        return confirmed;
      },
    }),
    route(drops.enterRaffle, {
      before: ({ req, res, user }) => limitClaims(req, res, user.id),
      handle: async ({ params, user }) => {
        const entry = await enterRaffle(database, { dropId: params.dropId, userId: user.id }, clock);
        recordEntry(params.dropId, user.id);
        return entry;
      },
    }),
    route(drops.drawRaffle, {
      handle: async ({ params, user }) => {
        const draw = await drawRaffle(database, params.dropId, user.id, clock);
        onDropChanged(params.dropId);
        return draw;
      },
    }),
    route(drops.dropReport, { handle: ({ params }) => getDropReport(database, params.dropId) }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
