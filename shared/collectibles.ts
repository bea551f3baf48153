/**
 * Non-commercial 3D collectibles: what a brand creates, the copies people own, their signed
 * certificates and the vitrines that show them. The HTTP bodies and answers of issue 5.
 *
 * No schema here has a price, and none can name a new owner: collectibles cannot be sold or
 * transferred. Unknown keys are refused by name rather than ignored, so `price` never slips through.
 */
import { z } from "zod";
import { LocalizedText } from "./catalog.ts";
import { singleLine } from "./text.ts";

/** How a collectible reaches people. */
export const CollectibleObtainedBy = z.enum(["drop", "event", "pass", "manual"]);
export type CollectibleObtainedBy = z.infer<typeof CollectibleObtainedBy>;

/** Why one copy was granted (stored on the copy). */
export const CollectibleGrantReason = z.enum(["drop_claim", "event_attendance", "pass_holder", "manual"]);
export type CollectibleGrantReason = z.infer<typeof CollectibleGrantReason>;

/** Keys that would make a collectible a commodity; named in the refusal when someone sends one. */
export const COMMERCIAL_KEYS = [
  "price",
  "priceMinor",
  "amountMinor",
  "currency",
  "salePrice",
  "resalePrice",
  "royalty",
] as const;

/** Keys that would move a copy to someone else; a PATCH naming one is refused as a transfer. */
export const OWNERSHIP_KEYS = ["owner", "ownerId", "userId", "recipient", "to", "transferTo"] as const;

export const MAX_EDITION_SIZE = 100_000;

/** The refusal for any key a strict body does not know, with a word on prices when that is the key. */
function unknownKeyMessage(issue: { code?: string; keys?: readonly PropertyKey[] }): string | undefined {
  if (issue.code !== "unrecognized_keys" || issue.keys === undefined) return undefined;
  const keys = issue.keys.map(String);
  const commercial = keys.filter((k) => (COMMERCIAL_KEYS as readonly string[]).includes(k));
  const named = keys.map((k) => `"${k}"`).join(", ");
  if (commercial.length > 0) {
    return `Unknown key ${named}: collectibles have no price and cannot be sold`;
  }
  return `Unknown key ${named}`;
}

/** A collectible's id: a slug, lowercase letters, digits and single dashes. */
export const CollectibleId = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");

/** What a brand sends to create a collectible (`POST /api/brands/:brandId/collectibles`). */
export const CollectibleCreate = z
  .strictObject(
    {
      /** Chosen from the name when absent. */
      id: CollectibleId.optional(),
      /** One of the brand's processed models (`GET /api/brands/:brandId/models`). */
      modelId: z.string().min(1).max(100),
      name: LocalizedText,
      story: LocalizedText,
      editionSize: z.number().int().min(1).max(MAX_EDITION_SIZE),
      obtainedBy: CollectibleObtainedBy,
      /** The drop id, pass type id or event id that grants it; required for drop and pass. */
      sourceId: singleLine(z.string().trim().min(1).max(100)).optional(),
    },
    { error: unknownKeyMessage },
  )
  .refine((b) => !(b.obtainedBy === "drop" || b.obtainedBy === "pass") || b.sourceId !== undefined, {
    message: "A collectible obtained by drop or pass needs sourceId (the drop id or the pass type id)",
    path: ["sourceId"],
  });
export type CollectibleCreate = z.infer<typeof CollectibleCreate>;

/** A collectible as brand staff and owners see it. */
export const CollectibleView = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  name: LocalizedText,
  story: LocalizedText,
  editionSize: z.number().int(),
  issued: z.number().int(),
  obtainedBy: CollectibleObtainedBy,
  sourceId: z.string().nullable(),
  modelSha256: z.string().regex(/^[0-9a-f]{64}$/),
  modelBytes: z.number().int(),
  /** `/blobs/<sha256>.glb` */
  modelUrl: z.string(),
  /** Height the model is shown at on a pedestal, in metres. */
  displayHeight: z.number().positive(),
  createdAt: z.iso.datetime(),
});
export type CollectibleView = z.infer<typeof CollectibleView>;

/** A copy its owner holds (`GET /api/collectibles/mine`). */
export const OwnedCopy = z.object({
  /** Also the certificate's id. */
  id: z.string(),
  collectible: CollectibleView,
  edition: z.number().int().min(1),
  grantedAt: z.iso.datetime(),
  grantReason: CollectibleGrantReason,
  hidden: z.boolean(),
  /** `/api/certificates/<id>` */
  certificateUrl: z.string(),
  /** `/api/collectibles/mine/<id>/export.zip` */
  exportUrl: z.string(),
});
export type OwnedCopy = z.infer<typeof OwnedCopy>;

export const MyCollectiblesAnswer = z.object({ copies: z.array(OwnedCopy) });
export type MyCollectiblesAnswer = z.infer<typeof MyCollectiblesAnswer>;

export const BrandCollectiblesAnswer = z.object({ collectibles: z.array(CollectibleView) });
export type BrandCollectiblesAnswer = z.infer<typeof BrandCollectiblesAnswer>;

/** `PATCH /api/collectibles/mine/:copyId`: the only thing an owner may change is visibility. */
export const UpdateOwnedCopy = z.strictObject({ hidden: z.boolean() }, { error: unknownKeyMessage });
export type UpdateOwnedCopy = z.infer<typeof UpdateOwnedCopy>;

/** `POST /api/collectibles/:id/grants`: brand staff give copies by email. */
export const GrantCollectibleBody = z.strictObject(
  {
    emails: z
      .array(z.email({ message: "Enter valid email addresses" }).max(254))
      .min(1)
      .max(500),
    reason: z.enum(["manual", "event_attendance"]),
    eventId: singleLine(z.string().trim().min(1).max(100)).optional(),
  },
  { error: unknownKeyMessage },
);
export type GrantCollectibleBody = z.infer<typeof GrantCollectibleBody>;

export const GrantedCopy = z.object({ email: z.string(), copyId: z.string(), edition: z.number().int() });
export const GrantCollectibleAnswer = z.object({
  granted: z.array(GrantedCopy),
  /** Emails whose account already owns a copy (one copy per person). */
  alreadyOwned: z.array(GrantedCopy),
  /** Emails with no account. */
  unknown: z.array(z.string()),
  /** Present when the edition ran out before every email got a copy. */
  soldOut: z.literal(true).optional(),
  /** Emails left without a copy because the edition ran out. */
  notGranted: z.array(z.string()).optional(),
});
export type GrantCollectibleAnswer = z.infer<typeof GrantCollectibleAnswer>;

export const CERTIFICATE_FORMAT = "vitrine-certificate/1";

/** What a certificate states; the signature covers the RFC 8785 canonical JSON of exactly this. */
export const CertificateStatement = z.strictObject({
  certificateId: singleLine(z.string().min(1).max(100)),
  collectibleId: singleLine(z.string().min(1).max(100)),
  collectibleName: LocalizedText,
  brandId: singleLine(z.string().min(1).max(100)),
  brandName: singleLine(z.string().min(1).max(200)),
  edition: z.number().int().min(1),
  editionSize: z.number().int().min(1),
  /** A stable pseudonymous id of the owner (never an email or the account id). */
  owner: singleLine(z.string().min(1).max(100)),
  modelSha256: z.string().regex(/^[0-9a-f]{64}$/, "modelSha256 must be 64 lowercase hex digits"),
  issuedAt: z.iso.datetime({ offset: true }),
  issuer: z.literal("vitrine"),
});
export type CertificateStatement = z.infer<typeof CertificateStatement>;

/** A signed certificate: what `GET /api/certificates/:id` answers and what certificate.json holds. */
export const Certificate = z.strictObject({
  format: z.literal(CERTIFICATE_FORMAT),
  statement: CertificateStatement,
  keyId: singleLine(z.string().min(1).max(200)),
  algorithm: z.literal("Ed25519"),
  /** base64url (no padding) Ed25519 signature over the canonical JSON of `statement`. */
  signature: z.string().regex(/^[A-Za-z0-9_-]+$/, "signature must be base64url"),
});
export type Certificate = z.infer<typeof Certificate>;

/** What `POST /api/certificates/verify` answers. */
export const VerifyResult = z.object({
  valid: z.boolean(),
  /** Why not, when not valid. */
  reason: z.string().optional(),
  statement: CertificateStatement.optional(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

/** One copy standing in a vitrine. */
export const VitrineCopy = z.object({
  id: z.string(),
  edition: z.number().int(),
  editionSize: z.number().int(),
  collectibleId: z.string(),
  name: LocalizedText,
  story: LocalizedText,
  brandName: z.string(),
  modelUrl: z.string(),
  displayHeight: z.number().positive(),
});
export type VitrineCopy = z.infer<typeof VitrineCopy>;

/** A collection as a visitor or the owner sees it (hidden copies left out). */
export const VitrineView = z.object({
  ownerName: z.string(),
  ownerPseudonym: z.string(),
  copies: z.array(VitrineCopy),
});
export type VitrineView = z.infer<typeof VitrineView>;

/** `GET /api/vitrine/share` and `POST /api/vitrine/share/rotate`. */
export const VitrineShareAnswer = z.object({ token: z.string(), path: z.string() });
export type VitrineShareAnswer = z.infer<typeof VitrineShareAnswer>;

/** A vitrine share token: random, URL-safe. */
export const VitrineToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "Not a vitrine link");

/** Formats "#17 of 500". */
export function editionLabel(edition: number, editionSize: number): string {
  return `#${edition} of ${editionSize}`;
}
