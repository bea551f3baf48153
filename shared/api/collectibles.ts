/**
 * Collectibles: a brand's, the caller's copies and their files, certificates, vitrines and their
 * links. Nothing here can be sold or change hands: every sale or transfer path is declared too, and
 * answers 403 `collectible_not_transferable` whoever asks.
 */
import { z } from "zod";
import {
  BrandCollectiblesAnswer,
  Certificate,
  CollectibleCreate,
  CollectibleView,
  GrantCollectibleAnswer,
  GrantCollectibleBody,
  MyCollectiblesAnswer,
  OwnedCopy,
  UpdateOwnedCopy,
  VerifyResult,
  VitrineShareAnswer,
  VitrineView,
} from "../collectibles.ts";
import { anyone, BRAND_EDITORS, BRAND_STAFF, brandInPath, brandStaff, signedIn } from "./access.ts";
import { type EndpointSpec, endpoint, fileAnswer } from "./endpoint.ts";

/** `details` of a 403 `collectible_not_transferable`: what was tried, and the path asked for. */
export const NotTransferableDetails = z.object({ reason: z.string(), path: z.string().optional() });
const notTransferable = { collectible_not_transferable: NotTransferableDetails };

/** Actions on a copy that would sell or move it: `POST /api/collectibles/mine/:copyId/<action>`. */
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
/** Actions on a collectible that would sell it: `POST /api/collectibles/:id/<action>`. */
export const SALE_ACTIONS = ["buy", "purchase", "sell", "list", "listings", "offers", "price"] as const;

const collectibleOfPath = { in: "resource", kind: "collectible", param: "id" } as const;

export const brandCollectibles = endpoint({
  id: "collectibles.ofBrand",
  method: "GET",
  path: "/api/brands/:brandId/collectibles",
  summary: "The brand's collectibles",
  access: brandStaff(BRAND_STAFF, brandInPath, "see its collectibles"),
  answer: BrandCollectiblesAnswer,
});

export const createCollectible = endpoint({
  id: "collectibles.create",
  method: "POST",
  path: "/api/brands/:brandId/collectibles",
  summary: "Create a collectible from one of the brand's processed models (no price accepted)",
  access: brandStaff(BRAND_EDITORS, brandInPath, "create its collectibles"),
  body: CollectibleCreate,
  answer: CollectibleView,
  status: 201,
});

export const grantCollectible = endpoint({
  id: "collectibles.grant",
  method: "POST",
  path: "/api/collectibles/:id/grants",
  summary: "Give copies by email (one per person, within the edition)",
  access: brandStaff(BRAND_EDITORS, collectibleOfPath, "grant its collectibles"),
  body: GrantCollectibleBody,
  answer: GrantCollectibleAnswer,
  refusals: notTransferable,
});

export const myCopies = endpoint({
  id: "collectibles.mine",
  method: "GET",
  path: "/api/collectibles/mine",
  summary: "The caller's copies",
  access: signedIn,
  answer: MyCollectiblesAnswer,
});

export const updateMyCopy = endpoint({
  id: "collectibles.updateMine",
  method: "PATCH",
  path: "/api/collectibles/mine/:copyId",
  summary: "Show or hide one of the caller's copies in their vitrine (the only change allowed)",
  access: signedIn,
  body: UpdateOwnedCopy,
  answer: OwnedCopy,
  refusals: notTransferable,
});

export const copyCertificateFile = endpoint({
  id: "collectibles.certificateFile",
  method: "GET",
  path: "/api/collectibles/mine/:copyId/certificate.json",
  summary: "The copy's certificate file (canonical JSON), as an attachment",
  access: signedIn,
  answer: fileAnswer("application/json"),
});

export const copyModelFile = endpoint({
  id: "collectibles.modelFile",
  method: "GET",
  path: "/api/collectibles/mine/:copyId/model.glb",
  summary: "The model the certificate names, as an attachment",
  access: signedIn,
  answer: fileAnswer("model/gltf-binary"),
});

export const copyExportZip = endpoint({
  id: "collectibles.exportZip",
  method: "GET",
  path: "/api/collectibles/mine/:copyId/export.zip",
  summary: "Model, certificate and a README in one zip",
  access: signedIn,
  answer: fileAnswer("application/zip"),
});

export const certificate = endpoint({
  id: "certificates.get",
  method: "GET",
  path: "/api/certificates/:id",
  summary: "A signed certificate",
  access: anyone,
  answer: Certificate,
});

export const verifyCertificate = endpoint({
  id: "certificates.verify",
  method: "POST",
  path: "/api/certificates/verify",
  summary: "Check a certificate (any JSON: a broken one answers valid: false with the reason)",
  access: anyone,
  body: z.json(),
  answer: VerifyResult,
});

/** The platform's certificate keys (outside /api, at a well-known address). */
export const CertificateKeys = z.object({
  keys: z.array(
    z.object({
      kty: z.literal("OKP"),
      crv: z.literal("Ed25519"),
      x: z.string(),
      kid: z.string(),
      use: z.literal("sig"),
      alg: z.literal("EdDSA"),
    }),
  ),
});

export const certificateKeys = endpoint({
  id: "certificates.keys",
  method: "GET",
  path: "/.well-known/vitrine-certificate-keys.json",
  summary: "The platform's Ed25519 public key as a JWKS, for offline verification",
  access: anyone,
  answer: CertificateKeys,
  cache: "public, max-age=300",
});

export const myShare = endpoint({
  id: "vitrines.share",
  method: "GET",
  path: "/api/vitrine/share",
  summary: "The caller's vitrine link, made on first ask",
  access: signedIn,
  answer: VitrineShareAnswer,
});

export const rotateShare = endpoint({
  id: "vitrines.rotateShare",
  method: "POST",
  path: "/api/vitrine/share/rotate",
  summary: "Replace the caller's vitrine link (the old one answers 404, visitors are shown out)",
  access: signedIn,
  answer: VitrineShareAnswer,
});

export const myVitrine = endpoint({
  id: "vitrines.mine",
  method: "GET",
  path: "/api/vitrines/mine",
  summary: "The caller's own vitrine (hidden copies left out)",
  access: signedIn,
  answer: VitrineView,
});

export const vitrineByToken = endpoint({
  id: "vitrines.byToken",
  method: "GET",
  path: "/api/vitrines/:token",
  summary: "Someone's vitrine through their link",
  access: anyone,
  answer: VitrineView,
});

/** A refused path: declared so that asking for it answers why, not 404. */
function refused(id: string, method: "POST" | "PUT", path: string): EndpointSpec {
  return endpoint({
    id,
    method,
    path,
    summary: "Refused: collectibles cannot be sold or transferred",
    access: anyone,
    answer: z.never(),
    refusals: notTransferable,
  });
}

/** Every sale or transfer path: each answers 403 `collectible_not_transferable`. */
export const refusedTransfers: readonly EndpointSpec[] = [
  ...TRANSFER_ACTIONS.map((action) =>
    refused(`collectibles.refused.copy_${action}`, "POST", `/api/collectibles/mine/:copyId/${action}`),
  ),
  ...SALE_ACTIONS.map((action) =>
    refused(`collectibles.refused.collectible_${action}`, "POST", `/api/collectibles/:id/${action}`),
  ),
  refused("collectibles.refused.copy_replace", "PUT", "/api/collectibles/mine/:copyId"),
];

export const collectibleEndpoints = [
  brandCollectibles,
  createCollectible,
  grantCollectible,
  myCopies,
  updateMyCopy,
  copyCertificateFile,
  copyModelFile,
  copyExportZip,
  certificate,
  verifyCertificate,
  certificateKeys,
  myShare,
  rotateShare,
  myVitrine,
  vitrineByToken,
] as const;
