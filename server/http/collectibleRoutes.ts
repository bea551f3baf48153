/**
 * Collectible routes, to mount under `/api` (before the drop routes: this router refuses drops that
 * would sell a collectible):
 *
 * - `GET   /brands/:brandId/collectibles`             the brand's collectibles (brand staff, admin)
 * - `POST  /brands/:brandId/collectibles`             create one (owner, merchandiser, admin)
 * - `POST  /collectibles/:id/grants`                  grant copies by email (owner, merchandiser, admin)
 * - `GET   /collectibles/mine`                        the caller's copies
 * - `PATCH /collectibles/mine/:copyId`                `{ hidden }`: show or hide it in the vitrine
 * - `GET   /collectibles/mine/:copyId/model.glb`      the model the certificate names (attachment)
 * - `GET   /collectibles/mine/:copyId/certificate.json` the certificate file (canonical JSON)
 * - `GET   /collectibles/mine/:copyId/export.zip`     both in one zip
 * - `GET   /certificates/:id`                         a certificate (anyone)
 * - `POST  /certificates/verify`                      check a certificate (anyone): VerifyResult
 * - `GET   /vitrine/share`, `POST /vitrine/share/rotate` the caller's vitrine link
 * - `GET   /vitrines/mine`, `GET /vitrines/:token`    a vitrine as VitrineView
 *
 * Every sale or transfer path (see TRANSFER_PATHS below) answers 403 `collectible_not_transferable`.
 * `createCertificateKeysRoutes` serves the JWKS at `/.well-known/vitrine-certificate-keys.json`.
 */
import express, { type NextFunction, type Request, type Response } from "express";
import { strToU8, zipSync } from "fflate";
import {
  COMMERCIAL_KEYS,
  CollectibleCreate,
  GrantCollectibleBody,
  OWNERSHIP_KEYS,
  UpdateOwnedCopy,
} from "../../shared/collectibles.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { registerCertificateSigner } from "../collectibles/certificateSigner.ts";
import {
  certificateFileBytes,
  keyIdOf,
  publicJwkEntry,
  type VerificationKey,
  verifyCertificate,
} from "../collectibles/certificates.ts";
import { CollectibleNotTransferable, NOT_TRANSFERABLE_CODE } from "../collectibles/collectibleErrors.ts";
import {
  createCollectible,
  getCollectibleRecord,
  listBrandCollectibles,
} from "../collectibles/collectibles.ts";
import {
  getCertificate,
  getOwnedCopy,
  isCollectibleId,
  listOwnedCopies,
  setCopyHidden,
} from "../collectibles/copies.ts";
import { grantByEmails, grantToCurrentPassHolders } from "../collectibles/grants.ts";
import { rotateShare, shareOf, vitrineByToken, vitrineOfOwner } from "../collectibles/vitrines.ts";
import type { Database } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import { requireBrandManager, requireUser } from "../drops/routeSupport.ts";
import type { SigningKeys } from "../keys/signingKeys.ts";
import type { BlobStore } from "../models/blobStore.ts";
import { requireBrandReader } from "../models/brandAccess.ts";
import { AppError } from "./errors.ts";
import { parseBody } from "./parseBody.ts";
import { requireBrand, routeParam } from "./productRoutes.ts";

export type CollectibleRoutesDeps = {
  database: Database;
  clock: Clock;
  signingKeys: SigningKeys;
  blobStore: BlobStore;
};

/** The well-known address of the platform's certificate keys. */
export const CERTIFICATE_KEYS_PATH = "/.well-known/vitrine-certificate-keys.json";

/** Actions on a copy that would sell or move it: all refused. */
export const TRANSFER_ACTIONS = [
  "transfer",
  "gift",
  "sell",
  "list",
  "offer",
  "offers",
  "buy",
  "trade",
] as const;
/** Actions on a collectible that would sell it: all refused. */
export const SALE_ACTIONS = ["buy", "purchase", "sell", "list", "listings", "offers", "price"] as const;

/** The JWKS of the platform's certificate key. */
export function certificateJwks(signingKeys: SigningKeys) {
  return { keys: [publicJwkEntry(signingKeys.publicKey, signingKeys.keyId)] };
}

/** `GET /.well-known/vitrine-certificate-keys.json`, to mount on the app (outside `/api`). */
export function createCertificateKeysRoutes(signingKeys: SigningKeys): express.Router {
  const router = express.Router();
  router.get(CERTIFICATE_KEYS_PATH, (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.json(certificateJwks(signingKeys));
  });
  return router;
}

function bodyKeys(req: Request): string[] {
  return typeof req.body === "object" && req.body !== null && !Array.isArray(req.body)
    ? Object.keys(req.body as object)
    : [];
}

/** A plain-ASCII file name stem for a copy: `aubrelle-etoile-no-17-of-250`. */
function fileStem(collectibleId: string, edition: number, editionSize: number): string {
  return `${collectibleId}-no-${edition}-of-${editionSize}`.replaceAll(/[^a-z0-9-]/g, "-");
}

async function readBlob(blobStore: BlobStore, sha256: string): Promise<Buffer> {
  const blob = await blobStore.open(sha256);
  if (!blob) {
    throw new AppError(
      404,
      ErrorCode.notFound,
      "The model file of this collectible is missing from storage.",
      {
        sha256,
      },
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function createCollectibleRoutes({
  database,
  clock,
  signingKeys,
  blobStore,
}: CollectibleRoutesDeps): express.Router {
  const router = express.Router();
  const verificationKeys: VerificationKey[] = [
    { keyId: signingKeys.keyId, publicKey: signingKeys.publicKey },
  ];
  if (keyIdOf(signingKeys.publicKey) !== signingKeys.keyId) {
    throw new Error("The signing key id does not follow the certificate key id rule");
  }
  // Grants made through this router (and through claims and passes) sign with these keys.
  registerCertificateSigner(database, signingKeys);

  router.use(
    ["/collectibles", "/vitrine", "/vitrines", "/certificates", "/brands/:brandId/collectibles"],
    (_req, res, next) => {
      res.setHeader("Cache-Control", "no-store");
      next();
    },
  );

  // --- Refusals: nothing here can be sold or change hands. ---------------------------------------

  router.post("/brands/:brandId/drops", async (req, _res, next) => {
    const productId = (req.body as { productId?: unknown } | undefined)?.productId;
    if (typeof productId === "string" && (await isCollectibleId(database, productId))) {
      throw new CollectibleNotTransferable(req.path, "drop_of_collectible");
    }
    next();
  });

  router.post("/collectibles/mine/:copyId/:action", (req, _res, next) => {
    if ((TRANSFER_ACTIONS as readonly string[]).includes(String(req.params.action))) {
      throw new CollectibleNotTransferable(req.path, `copy_${req.params.action}`);
    }
    next();
  });

  router.post("/collectibles/:id/:action", (req, _res, next) => {
    if ((SALE_ACTIONS as readonly string[]).includes(String(req.params.action))) {
      throw new CollectibleNotTransferable(req.path, `collectible_${req.params.action}`);
    }
    next();
  });

  router.put("/collectibles/mine/:copyId", (req) => {
    throw new CollectibleNotTransferable(req.path, "copy_replace");
  });

  // --- Brand staff. ------------------------------------------------------------------------------

  router.get("/brands/:brandId/collectibles", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = routeParam(req, "brandId");
    requireBrandReader(user, brandId);
    await requireBrand(database, brandId);
    res.json({ collectibles: await listBrandCollectibles(database, brandId) });
  });

  router.post("/brands/:brandId/collectibles", async (req, res) => {
    const user = await requireUser(database, req);
    const brandId = routeParam(req, "brandId");
    requireBrandManager(user, brandId);
    await requireBrand(database, brandId);
    const body = parseBody(CollectibleCreate, req);
    const created = await createCollectible(database, brandId, body, user, clock);
    if (created.obtainedBy === "pass" && created.sourceId !== null) {
      await grantToCurrentPassHolders(database, created.id, created.sourceId, clock);
      res.status(201).json((await listBrandCollectibles(database, brandId)).find((c) => c.id === created.id));
      return;
    }
    res.status(201).json(created);
  });

  router.post("/collectibles/:id/grants", async (req, res) => {
    const user = await requireUser(database, req);
    const collectible = await getCollectibleRecord(database, routeParam(req, "id"));
    requireBrandManager(user, collectible.brandId);
    const moving = bodyKeys(req).filter((k) =>
      ["copyId", "copyIds", "fromUserId", "fromEmail", ...OWNERSHIP_KEYS].includes(k),
    );
    if (moving.length > 0) {
      throw new CollectibleNotTransferable(req.path, `grant_names_${moving.join("_")}`);
    }
    const body = parseBody(GrantCollectibleBody, req);
    res.json(await grantByEmails(database, collectible.id, body, user.id, clock));
  });

  // --- Owners. -----------------------------------------------------------------------------------

  router.get("/collectibles/mine", async (req, res) => {
    const user = await requireUser(database, req);
    res.json({ copies: await listOwnedCopies(database, user.id) });
  });

  router.patch("/collectibles/mine/:copyId", async (req, res) => {
    const user = await requireUser(database, req);
    const keys = bodyKeys(req);
    const moving = keys.filter((k) => (OWNERSHIP_KEYS as readonly string[]).includes(k));
    const selling = keys.filter((k) => (COMMERCIAL_KEYS as readonly string[]).includes(k));
    if (moving.length > 0 || selling.length > 0) {
      throw new CollectibleNotTransferable(req.path, `patch_${[...moving, ...selling].join("_")}`);
    }
    const body = parseBody(UpdateOwnedCopy, req);
    res.json(await setCopyHidden(database, user.id, routeParam(req, "copyId"), body.hidden));
  });

  router.get("/collectibles/mine/:copyId/certificate.json", async (req, res) => {
    const user = await requireUser(database, req);
    const copy = await getOwnedCopy(database, user.id, routeParam(req, "copyId"));
    const bytes = certificateFileBytes(await getCertificate(database, copy.id));
    const stem = fileStem(copy.collectible.id, copy.edition, copy.collectible.editionSize);
    res.attachment(`${stem}-certificate.json`);
    res.type("application/json").send(Buffer.from(bytes));
  });

  router.get("/collectibles/mine/:copyId/model.glb", async (req, res) => {
    const user = await requireUser(database, req);
    const copy = await getOwnedCopy(database, user.id, routeParam(req, "copyId"));
    const glb = await readBlob(blobStore, copy.collectible.modelSha256);
    res.attachment(`${fileStem(copy.collectible.id, copy.edition, copy.collectible.editionSize)}.glb`);
    res.type("model/gltf-binary").send(glb);
  });

  router.get("/collectibles/mine/:copyId/export.zip", async (req, res) => {
    const user = await requireUser(database, req);
    const copy = await getOwnedCopy(database, user.id, routeParam(req, "copyId"));
    const glb = await readBlob(blobStore, copy.collectible.modelSha256);
    const certificate = certificateFileBytes(await getCertificate(database, copy.id));
    const readme = strToU8(
      "certificate.json is signed by Vitrine (Ed25519 over the RFC 8785 canonical JSON of its statement).\n" +
        "Check it offline: npx vitrine-verify certificate.json --key vitrine-certificate-keys.json\n" +
        "model.glb is the file the certificate names: its sha256 is the statement's modelSha256.\n",
    );
    // The model is already compressed (meshopt, WebP): store it as is.
    const zip = zipSync(
      { "model.glb": [glb, { level: 0 }], "certificate.json": certificate, "README.txt": readme },
      { mtime: new Date(copy.grantedAt) },
    );
    res.attachment(`${fileStem(copy.collectible.id, copy.edition, copy.collectible.editionSize)}.zip`);
    res.type("application/zip").send(Buffer.from(zip));
  });

  // --- Certificates (public). --------------------------------------------------------------------

  router.get("/certificates/:id", async (req, res) => {
    res.json(await getCertificate(database, routeParam(req, "id")));
  });

  router.post("/certificates/verify", (req, res) => {
    if (req.body === undefined) {
      throw new AppError(
        415,
        ErrorCode.badRequest,
        "Send the certificate as JSON, with the header Content-Type: application/json.",
      );
    }
    res.json(verifyCertificate(req.body, verificationKeys));
  });

  // --- Vitrines. ---------------------------------------------------------------------------------

  router.get("/vitrine/share", async (req, res) => {
    const user = await requireUser(database, req);
    res.json(await shareOf(database, user.id));
  });

  router.post("/vitrine/share/rotate", async (req, res) => {
    const user = await requireUser(database, req);
    res.json(await rotateShare(database, user.id));
  });

  router.get("/vitrines/mine", async (req, res) => {
    const user = await requireUser(database, req);
    res.json((await vitrineOfOwner(database, user.id)).view);
  });

  router.get("/vitrines/:token", async (req, res) => {
    const shared = await vitrineByToken(database, routeParam(req, "token"));
    if (!shared) {
      throw new AppError(
        404,
        ErrorCode.notFound,
        "This vitrine link does not open any vitrine (it may have been replaced).",
        {
          reason: "vitrine_not_found",
        },
      );
    }
    res.json(shared.view);
  });

  // The refusal has its own code; everything else goes on to the API's error middleware.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (!(error instanceof CollectibleNotTransferable) || res.headersSent) {
      next(error);
      return;
    }
    res
      .status(403)
      .json({ error: { code: NOT_TRANSFERABLE_CODE, message: error.message, details: error.details } });
  });

  return router;
}
