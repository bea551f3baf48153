/**
 * The pass routes (declared in shared/api/passes.ts), to mount under `/api` after the JSON parser.
 * Who runs a programme (admins for platform-wide ones, a brand's owners and merchandisers for the
 * brand's) is each endpoint's declared access rule.
 */
import type express from "express";
import { passes } from "../../shared/api/index.ts";
import { PassPublicKey } from "../../shared/api/passes.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import type { SigningKeys } from "../keys/signingKeys.ts";
import {
  getPass,
  issuePass,
  issuePassesByRule,
  listPassesOfUser,
  resolvePassRecipient,
  revokePass,
} from "../passes/passes.ts";
import { issuePassToken, verifyPassToken } from "../passes/passTokens.ts";
import { createPassType, listPassTypes } from "../passes/passTypes.ts";
import { endpointRouter, reply, route } from "./endpointRouter.ts";

export type PassRoutesDeps = { database: Database; clock: Clock; signingKeys: SigningKeys };

export function createPassRoutes({ database, clock, signingKeys }: PassRoutesDeps): express.Router {
  const routes = [
    route(passes.listPassTypes, {
      handle: async ({ query }) => ({ passTypes: await listPassTypes(database, { brandId: query.brandId }) }),
    }),
    route(passes.createPassType, {
      handle: ({ body, user }) => createPassType(database, body, user.id, clock),
    }),
    route(passes.issuePass, {
      handle: async ({ params, body, user }) => {
        const recipient = await resolvePassRecipient(database, body);
        const { validFrom, validUntil } = body;
        const issued = { source: "manual" as const, issuedBy: user.id, validFrom, validUntil };
        const result = await issuePass(database, params.passTypeId, recipient, issued, clock);
        return result.created ? result.pass : reply(200, result.pass);
      },
    }),
    route(passes.issueByRule, {
      handle: ({ params, body }) =>
        issuePassesByRule(database, params.passTypeId, body.rule, body.clients, clock),
    }),
    route(passes.verifyPassToken, {
      handle: ({ body }) => verifyPassToken(database, body.token, signingKeys, clock),
    }),
    route(passes.passPublicKey, {
      // Node types a JWK loosely: the declared schema says which members an Ed25519 key has.
      handle: () => PassPublicKey.parse({ kid: signingKeys.keyId, alg: "EdDSA", ...signingKeys.publicJwk }),
    }),
    route(passes.myPasses, {
      handle: async ({ user }) => ({ passes: await listPassesOfUser(database, user.id, clock) }),
    }),
    route(passes.revokePass, {
      handle: ({ params, body, user }) => revokePass(database, params.passId, body.reason, user.id, clock),
    }),
    route(passes.passToken, {
      handle: async ({ params, user }) => {
        const pass = await getPass(database, params.passId, clock);
        // Someone else's pass answers as missing: its existence is not ours to reveal.
        if (pass.userId !== user.id) throw new DomainError(ErrorCode.notFound, "You have no such pass.");
        if (pass.status !== "active") {
          throw new DomainError(ErrorCode.conflict, `This pass is ${pass.status.replaceAll("_", " ")}.`, {
            reason: pass.status,
          });
        }
        return issuePassToken(database, pass.id, signingKeys, clock);
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
