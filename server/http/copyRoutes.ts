/**
 * The caller's own collectible copies (declared in shared/api/collectibles.ts), mounted under `/api`:
 * the list, hiding one, and its files (model, certificate, both in a zip) as attachments.
 */
import type express from "express";
import { strToU8, zipSync } from "fflate";
import { collectibles as api } from "../../shared/api/index.ts";
import { COMMERCIAL_KEYS, OWNERSHIP_KEYS } from "../../shared/collectibles.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { certificateFileBytes } from "../collectibles/certificates.ts";
import { CollectibleNotTransferable } from "../collectibles/collectibleErrors.ts";
import { getCertificate, getOwnedCopy, listOwnedCopies, setCopyHidden } from "../collectibles/copies.ts";
import type { Database } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import type { BlobStore } from "../models/blobStore.ts";
import { bodyKeys } from "./collectibleRoutes.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export type CopyRoutesDeps = { database: Database; blobStore: BlobStore };

const README =
  "certificate.json is signed by Vitrine (Ed25519 over the RFC 8785 canonical JSON of its statement).\n" +
  "Check it offline: npx vitrine-verify certificate.json --key vitrine-certificate-keys.json\n" +
  "model.glb is the file the certificate names: its sha256 is the statement's modelSha256.\n";

/** A plain-ASCII file name stem for a copy: `aubrelle-etoile-no-17-of-250`. */
function fileStem(copy: { collectible: { id: string; editionSize: number }; edition: number }): string {
  return `${copy.collectible.id}-no-${copy.edition}-of-${copy.collectible.editionSize}`.replaceAll(
    /[^a-z0-9-]/g,
    "-",
  );
}

async function readBlob(blobStore: BlobStore, sha256: string): Promise<Buffer> {
  const blob = await blobStore.open(sha256);
  if (!blob) {
    throw new DomainError(ErrorCode.notFound, "The model file of this collectible is missing from storage.", {
      sha256,
    });
  }
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function createCopyRoutes({ database, blobStore }: CopyRoutesDeps): express.Router {
  const ownCopy = (userId: string, copyId: string) => getOwnedCopy(database, userId, copyId);
  const routes = [
    route(api.myCopies, {
      handle: async ({ user }) => ({ copies: await listOwnedCopies(database, user.id) }),
    }),
    route(api.updateMyCopy, {
      // Before the strict body schema, which would only call such keys unknown.
      before: ({ req }) => {
        const keys = bodyKeys(req);
        const moving = keys.filter((k) => (OWNERSHIP_KEYS as readonly string[]).includes(k));
        const selling = keys.filter((k) => (COMMERCIAL_KEYS as readonly string[]).includes(k));
        if (moving.length > 0 || selling.length > 0) {
          throw new CollectibleNotTransferable(`patch_${[...moving, ...selling].join("_")}`, req.path);
        }
      },
      handle: ({ user, params, body }) => setCopyHidden(database, user.id, params.copyId, body.hidden),
    }),
    route(api.copyCertificateFile, {
      handle: async ({ user, params, res }) => {
        const copy = await ownCopy(user.id, params.copyId);
        const bytes = certificateFileBytes(await getCertificate(database, copy.id));
        res.attachment(`${fileStem(copy)}-certificate.json`);
        res.type(api.copyCertificateFile.answer.contentType).send(Buffer.from(bytes));
      },
    }),
    route(api.copyModelFile, {
      handle: async ({ user, params, res }) => {
        const copy = await ownCopy(user.id, params.copyId);
        const glb = await readBlob(blobStore, copy.collectible.modelSha256);
        res.attachment(`${fileStem(copy)}.glb`);
        res.type(api.copyModelFile.answer.contentType).send(glb);
      },
    }),
    route(api.copyExportZip, {
      handle: async ({ user, params, res }) => {
        const copy = await ownCopy(user.id, params.copyId);
        const glb = await readBlob(blobStore, copy.collectible.modelSha256);
        const certificate = certificateFileBytes(await getCertificate(database, copy.id));
        // The model is already compressed (meshopt, WebP): store it as is.
        const zip = zipSync(
          {
            "model.glb": [glb, { level: 0 }],
            "certificate.json": certificate,
            "README.txt": strToU8(README),
          },
          { mtime: new Date(copy.grantedAt) },
        );
        res.attachment(`${fileStem(copy)}.zip`);
        res.type(api.copyExportZip.answer.contentType).send(Buffer.from(zip));
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
