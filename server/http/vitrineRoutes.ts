/**
 * Certificates and vitrines (declared in shared/api/collectibles.ts): `/api/certificates/*`,
 * `/api/vitrine/share*`, `/api/vitrines/*` under `/api`, and the JWKS at
 * `/.well-known/vitrine-certificate-keys.json` at the root.
 */
import type express from "express";
import { collectibles as api } from "../../shared/api/index.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { registerCertificateSigner } from "../collectibles/certificateSigner.ts";
import { keyIdOf, publicJwkEntry, verifyCertificate } from "../collectibles/certificates.ts";
import { getCertificate } from "../collectibles/copies.ts";
import { rotateShare, shareOf, vitrineByToken, vitrineOfOwner } from "../collectibles/vitrines.ts";
import type { Database } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import type { SigningKeys } from "../keys/signingKeys.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export type VitrineRoutesDeps = { database: Database; signingKeys: SigningKeys };

export function createVitrineRoutes({ database, signingKeys }: VitrineRoutesDeps): express.Router {
  if (keyIdOf(signingKeys.publicKey) !== signingKeys.keyId) {
    throw new Error("The signing key id does not follow the certificate key id rule");
  }
  // Grants (through the collectible routes, claims and passes) sign with these keys.
  registerCertificateSigner(database, signingKeys);
  const verificationKeys = [{ keyId: signingKeys.keyId, publicKey: signingKeys.publicKey }];
  const routes = [
    route(api.certificate, { handle: ({ params }) => getCertificate(database, params.id) }),
    route(api.verifyCertificate, { handle: ({ body }) => verifyCertificate(body, verificationKeys) }),
    route(api.myShare, { handle: ({ user }) => shareOf(database, user.id) }),
    route(api.rotateShare, { handle: ({ user }) => rotateShare(database, user.id) }),
    route(api.myVitrine, { handle: async ({ user }) => (await vitrineOfOwner(database, user.id)).view }),
    route(api.vitrineByToken, {
      handle: async ({ params }) => {
        const shared = await vitrineByToken(database, params.token);
        if (shared) return shared.view;
        throw new DomainError(
          ErrorCode.notFound,
          "This vitrine link does not open any vitrine (it may have been replaced).",
          { reason: "vitrine_not_found" },
        );
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}

/** `GET /.well-known/vitrine-certificate-keys.json`, to mount on the app (outside `/api`). */
export function createCertificateKeysRoutes(database: Database, signingKeys: SigningKeys): express.Router {
  const keys = route(api.certificateKeys, {
    handle: ({ res }) => {
      // Anyone may verify a certificate offline, from any origin.
      res.setHeader("Access-Control-Allow-Origin", "*");
      return { keys: [publicJwkEntry(signingKeys.publicKey, signingKeys.keyId)] };
    },
  });
  return endpointRouter([keys], { database, mountedAt: "" });
}
