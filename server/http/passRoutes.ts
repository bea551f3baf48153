/**
 * Pass routes, to mount under `/api` (after the JSON body parser, before the 404 and error handlers):
 *
 * - `GET  /pass-types`                          the pass programmes (admin)
 * - `POST /pass-types`                          create one (admin)
 * - `POST /pass-types/:passTypeId/passes`       issue a pass to a person by hand (admin)
 * - `POST /pass-types/:passTypeId/rule-issues`  issue to every client a rule selects (admin)
 * - `POST /passes/:passId/revoke`               revoke (admin)
 * - `GET  /passes/mine`                         the caller's passes
 * - `POST /passes/:passId/token`                a signed token of the caller's own pass
 * - `POST /passes/verify`                       check a token: signature, window, revocation (anyone)
 * - `GET  /passes/public-key`                   the platform's Ed25519 public key as a JWK (anyone)
 */
import express, { type Request } from "express";
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
import { requireAdmin, requireUser } from "../drops/routeSupport.ts";
import type { SigningKeys } from "../keys/signingKeys.ts";
import {
  createPassType,
  getPass,
  issuePass,
  issuePassesByRule,
  listPassesOfUser,
  listPassTypes,
  revokePass,
} from "../passes/passes.ts";
import { issuePassToken, verifyPassToken } from "../passes/passTokens.ts";
import { AppError } from "./errors.ts";
import { parseBody } from "./parseBody.ts";

export type PassRoutesDeps = { database: Database; clock: Clock; signingKeys: SigningKeys };

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
    requireAdmin(await requireUser(database, req));
    res.json({ passTypes: await listPassTypes(database) });
  });

  router.post("/pass-types", async (req, res) => {
    const user = await requireUser(database, req);
    requireAdmin(user);
    res.status(201).json(await createPassType(database, parseBody(CreatePassTypeBody, req), user.id, clock));
  });

  router.post("/pass-types/:passTypeId/passes", async (req, res) => {
    const user = await requireUser(database, req);
    requireAdmin(user);
    const body = parseBody(IssuePassBody, req);
    const result = await issuePass(
      database,
      param(req, "passTypeId"),
      body.userId,
      { source: "manual", issuedBy: user.id, validFrom: body.validFrom, validUntil: body.validUntil },
      clock,
    );
    res.status(result.created ? 201 : 200).json(result.pass);
  });

  router.post("/pass-types/:passTypeId/rule-issues", async (req, res) => {
    requireAdmin(await requireUser(database, req));
    const body = parseBody(IssueByRuleBody, req);
    res.json(await issuePassesByRule(database, param(req, "passTypeId"), body.rule, body.clients, clock));
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
    requireAdmin(user);
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
