/**
 * Drop routes, to mount under `/api` (after the JSON body parser, before the 404 and error handlers):
 *
 * - `GET  /drops`                                    current and upcoming drops, with names (anyone)
 * - `GET  /drops/:dropId`                            the drop, its phase on server time (anyone)
 * - `POST /brands/:brandId/drops`                    schedule a drop (brand owner or merchandiser)
 * - `PUT  /brands/:brandId/webhook`                  where orders go, and the signing secret (same)
 * - `POST /drops/:dropId/claims`                     claim one unit; `Idempotency-Key` header required
 * - `GET  /drops/:dropId/claims`                     the caller's claims on the drop
 * - `POST /drops/:dropId/claims/:claimId/confirm`    confirm a held unit
 * - `POST /drops/:dropId/entries`                    enter a raffle
 * - `POST /drops/:dropId/draw`                       draw a raffle once entries are closed (brand)
 * - `GET  /drops/:dropId/report`                     entries, claims, refusals by reason (brand)
 */
import express, { type Request } from "express";
import { type ClaimAnswer, IdempotencyKey, ScheduleDropBody, SetWebhookBody } from "../../shared/drops.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { Database } from "../db/database.ts";
import { claimDropUnit, confirmClaim, listClaimsOf } from "../drops/claims.ts";
import type { Clock } from "../drops/clock.ts";
import { listCurrentDrops } from "../drops/dropList.ts";
import { getDrop, getDropReport, getDropRow, scheduleDrop } from "../drops/drops.ts";
import { setBrandWebhook } from "../drops/orderWebhooks.ts";
import { drawRaffle, enterRaffle } from "../drops/raffleDraw.ts";
import {
  type ClaimRateLimits,
  createClaimLimiter,
  DEFAULT_CLAIM_RATE_LIMITS,
  requireBrandManager,
  requireUser,
} from "../drops/routeSupport.ts";
import { AppError } from "./errors.ts";
import { parseBody } from "./parseBody.ts";

export type DropRoutesDeps = {
  database: Database;
  clock: Clock;
  claimLimits?: Partial<ClaimRateLimits>;
  /** Told when a drop's stock may have changed (a unit held, a draw), so its live rooms reload it. */
  onDropChanged?: (dropId: string) => void;
};

/** Status of a refused claim: not yet open is 403 (come back later), the rest 409. */
function refusalError(answer: Extract<ClaimAnswer, { outcome: "refused" }>): AppError {
  const status = answer.reason === "not_open_yet" ? 403 : 409;
  const code = status === 403 ? ErrorCode.forbidden : ErrorCode.conflict;
  return new AppError(status, code, answer.message, { reason: answer.reason, opensAt: answer.opensAt });
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== "string" || value.length === 0 || value.length > 100) {
    throw new AppError(400, ErrorCode.badRequest, `The address is missing a valid ${name}.`);
  }
  return value;
}

export function createDropRoutes({
  database,
  clock,
  claimLimits,
  onDropChanged = () => {},
}: DropRoutesDeps): express.Router {
  const router = express.Router();
  const limitClaims = createClaimLimiter({ ...DEFAULT_CLAIM_RATE_LIMITS, ...claimLimits });

  // Drops change by the second (stock, phase): no answer may be cached.
  router.use("/drops", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  router.get("/drops", async (_req, res) => {
    res.json(await listCurrentDrops(database, clock));
  });

  router.get("/drops/:dropId", async (req, res) => {
    res.json(await getDrop(database, param(req, "dropId"), clock));
  });

  router.post("/brands/:brandId/drops", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = param(req, "brandId");
    requireBrandManager(user, brandId);
    const body = parseBody(ScheduleDropBody, req);
    res.status(201).json(await scheduleDrop(database, brandId, body, user.id, clock));
  });

  router.put("/brands/:brandId/webhook", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = param(req, "brandId");
    requireBrandManager(user, brandId);
    await setBrandWebhook(database, brandId, parseBody(SetWebhookBody, req));
    res.status(204).end();
  });

  router.post("/drops/:dropId/claims", async (req, res) => {
    const user = await requireUser(database, req);
    await limitClaims(req, res, user.id);
    const key = IdempotencyKey.safeParse(req.get("Idempotency-Key"));
    if (!key.success) {
      throw new AppError(
        400,
        ErrorCode.badRequest,
        "Send an Idempotency-Key header (8–100 letters, digits, _ . : -), the same one when you retry.",
        { header: "Idempotency-Key" },
      );
    }
    const result = await claimDropUnit(
      database,
      { dropId: param(req, "dropId"), userId: user.id, idempotencyKey: key.data },
      clock,
    );
    if (result.replayed) res.setHeader("Idempotent-Replayed", "true");
    if (result.answer.outcome === "refused") throw refusalError(result.answer);
    if (!result.replayed) onDropChanged(result.answer.claim.dropId);
    res.status(201).json(result.answer);
  });

  router.get("/drops/:dropId/claims", async (req, res) => {
    const user = await requireUser(database, req);
    res.json({ claims: await listClaimsOf(database, param(req, "dropId"), user.id) });
  });

  router.post("/drops/:dropId/claims/:claimId/confirm", async (req, res) => {
    const user = await requireUser(database, req);
    res.json(
      await confirmClaim(
        database,
        { claimId: param(req, "claimId"), userId: user.id, dropId: param(req, "dropId") },
        clock,
      ),
    );
  });

  router.post("/drops/:dropId/entries", async (req, res) => {
    const user = await requireUser(database, req);
    await limitClaims(req, res, user.id);
    res
      .status(201)
      .json(await enterRaffle(database, { dropId: param(req, "dropId"), userId: user.id }, clock));
  });

  router.post("/drops/:dropId/draw", async (req, res) => {
    const user = await requireUser(database, req);
    const drop = await getDropRow(database, param(req, "dropId"));
    requireBrandManager(user, drop.brandId);
    const draw = await drawRaffle(database, drop.id, user.id, clock);
    onDropChanged(drop.id);
    res.json(draw);
  });

  router.get("/drops/:dropId/report", async (req, res) => {
    const user = await requireUser(database, req);
    const drop = await getDropRow(database, param(req, "dropId"));
    requireBrandManager(user, drop.brandId);
    res.json(await getDropReport(database, drop.id));
  });

  return router;
}
