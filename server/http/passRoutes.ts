/**
 * Pass routes, to mount under `/api` (after the JSON body parser, before the 404 and error handlers):
 *
 * Programmes are platform-wide (run by admins) or run by one brand (`brandId`, run by its owners and
 * merchandisers; admins may act on them too). "Manager" below means whoever runs the programme.
 *
 * - `GET  /pass-types[?brandId=]`               the pass programmes (admin: all; brand managers: their brand's)
 * - `POST /pass-types`                          create one (admin; a brand manager with `brandId`)
 * - `POST /pass-types/:passTypeId/passes`       issue a pass to a person by hand, by `userId` or `email` (manager)
 * - `POST /pass-types/:passTypeId/rule-issues`  issue to every client a rule selects (manager)
 * - `POST /passes/:passId/revoke`               revoke (manager)
 * - `GET  /passes/mine`                         the caller's passes
 * - `POST /passes/:passId/token`                a signed token of the caller's own pass
 * - `POST /passes/verify`                       check a token: signature, window, revocation (anyone)
 * - `GET  /passes/public-key`                   the platform's Ed25519 public key as a JWK (anyone)
 */
import express, { type Request } from "express";
import type { SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import {
  CreatePassTypeBody,
  IssueByRuleBody,
  IssuePassBody,
  RevokePassBody,
  VerifyPassTokenBody,
} from "../../shared/passes.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { requireAdmin, requireBrandManager, requireUser } from "../drops/routeSupport.ts";
import type { SigningKeys } from "../keys/signingKeys.ts";
import {
  brandOfPass,
  createPassType,
  getPass,
  getPassType,
  issuePass,
  issuePassesByRule,
  listPassesOfUser,
  listPassTypes,
  resolvePassRecipient,
  revokePass,
} from "../passes/passes.ts";
import { issuePassToken, verifyPassToken } from "../passes/passTokens.ts";
import { AppError } from "./errors.ts";
import { parseBody } from "./parseBody.ts";

export type PassRoutesDeps = { database: Database; clock: Clock; signingKeys: SigningKeys };

/** Admins run platform programmes; a brand's owners and merchandisers (and admins) run the brand's. */
function requireProgrammeManager(user: SessionUser, brandId: string | null): void {
  if (brandId === null) requireAdmin(user);
  else requireBrandManager(user, brandId);
}

function param(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== "string" || value.length === 0 || value.length > 100) {
    throw new AppError(400, ErrorCode.badRequest, `The address is missing a valid ${name}.`);
  }
  return value;
}

export function createPassRoutes({ database, clock, signingKeys }: PassRoutesDeps): express.Router {
  const router = express.Router();
  router.use(["/pass-types", "/passes"], (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  router.get("/pass-types", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = typeof req.query.brandId === "string" ? req.query.brandId : undefined;
    if (brandId === undefined) requireAdmin(user);
    else requireBrandManager(user, brandId);
    res.json({ passTypes: await listPassTypes(database, { brandId }) });
  });

  router.post("/pass-types", async (req, res) => {
    const user = await requireUser(database, req);
    const body = parseBody(CreatePassTypeBody, req);
    requireProgrammeManager(user, body.brandId ?? null);
    res.status(201).json(await createPassType(database, body, user.id, clock));
  });

  router.post("/pass-types/:passTypeId/passes", async (req, res) => {
    const user = await requireUser(database, req);
    const passType = await getPassType(database, param(req, "passTypeId"));
    requireProgrammeManager(user, passType.brandId);
    const body = parseBody(IssuePassBody, req);
    const result = await issuePass(
      database,
      passType.id,
      await resolvePassRecipient(database, body),
      { source: "manual", issuedBy: user.id, validFrom: body.validFrom, validUntil: body.validUntil },
      clock,
    );
    res.status(result.created ? 201 : 200).json(result.pass);
  });

  router.post("/pass-types/:passTypeId/rule-issues", async (req, res) => {
    const user = await requireUser(database, req);
    const passType = await getPassType(database, param(req, "passTypeId"));
    requireProgrammeManager(user, passType.brandId);
    const body = parseBody(IssueByRuleBody, req);
    res.json(await issuePassesByRule(database, passType.id, body.rule, body.clients, clock));
  });

  router.post("/passes/verify", async (req, res) => {
    const body = parseBody(VerifyPassTokenBody, req);
    res.json(await verifyPassToken(database, body.token, signingKeys, clock));
  });

  router.get("/passes/public-key", (_req, res) => {
    res.json({ kid: signingKeys.keyId, alg: "EdDSA", ...signingKeys.publicJwk });
  });

  router.get("/passes/mine", async (req, res) => {
    const user = await requireUser(database, req);
    res.json({ passes: await listPassesOfUser(database, user.id, clock) });
  });

  router.post("/passes/:passId/revoke", async (req, res) => {
    const user = await requireUser(database, req);
    requireProgrammeManager(user, await brandOfPass(database, param(req, "passId")));
    const body = parseBody(RevokePassBody, req);
    res.json(await revokePass(database, param(req, "passId"), body.reason, user.id, clock));
  });

  router.post("/passes/:passId/token", async (req, res) => {
    const user = await requireUser(database, req);
    const pass = await getPass(database, param(req, "passId"), clock);
    // Someone else's pass answers as missing: its existence is not ours to reveal.
    if (pass.userId !== user.id) throw new AppError(404, ErrorCode.notFound, "You have no such pass.");
    if (pass.status !== "active") {
      throw new AppError(409, ErrorCode.conflict, `This pass is ${pass.status.replaceAll("_", " ")}.`, {
        reason: pass.status,
      });
    }
    res.json(await issuePassToken(database, pass.id, signingKeys, clock));
  });

  return router;
}
