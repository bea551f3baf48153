/** Pass programmes: the shapes of pass types, passes, issuing rules and their HTTP bodies. */
import { z } from "zod";
import { LocalizedText, localizedTextOf } from "./catalog.ts";
import { StrictInstant } from "./instant.ts";
import { singleLine } from "./text.ts";

const Instant = StrictInstant;

/** What holding a pass of a type gives. */
export const PassEntitlements = z
  .object({
    /** Minutes before a drop's public start at which holders may claim (within its early-access window). */
    earlyAccessLeadMinutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 30),
    inviteOnlyEvents: z.boolean(),
    /** Replaces a drop's per-account limit for holders, when set. */
    perDropClaimLimit: z.number().int().min(1).max(100).nullable(),
    passOnlyCollectibleIds: z.array(z.string().min(1).max(100)).max(100),
  })
  .strict();
export type PassEntitlements = z.infer<typeof PassEntitlements>;

/** A programme's name per language (English required, the fallback), like the catalog's names. */
export const ProgrammeName = localizedTextOf(100, 2);

export const CreatePassTypeBody = z
  .object({
    /** The brand running the programme (its owners and merchandisers manage it); absent = platform-wide (admins). */
    brandId: z.string().min(2).max(48).optional(),
    name: ProgrammeName,
    tier: singleLine(z.string().trim().min(1).max(40)),
    validFrom: Instant,
    validUntil: Instant,
    entitlements: PassEntitlements,
  })
  .strict()
  .refine((b) => b.validFrom < b.validUntil, {
    message: "validFrom must be before validUntil",
    path: ["validUntil"],
  });
export type CreatePassTypeBody = z.infer<typeof CreatePassTypeBody>;

export const PassType = z.object({
  id: z.string(),
  brandId: z.string().nullable(),
  name: LocalizedText,
  tier: z.string(),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  entitlements: PassEntitlements,
});
export type PassType = z.infer<typeof PassType>;

export const PassStatus = z.enum(["active", "not_yet_valid", "expired", "revoked"]);
export type PassStatus = z.infer<typeof PassStatus>;

export const Pass = z.object({
  id: z.string(),
  passTypeId: z.string(),
  userId: z.string(),
  source: z.enum(["manual", "rule"]),
  issuedBy: z.string(),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  status: PassStatus,
});
export type Pass = z.infer<typeof Pass>;

/** A pass as its holder sees it in the wallet: with its programme's name, tier and entitlements. */
export const WalletPass = Pass.extend({ passType: PassType });
export type WalletPass = z.infer<typeof WalletPass>;

/** What `GET /api/passes/mine` answers. */
export const MyPassesAnswer = z.object({ passes: z.array(WalletPass) });
export type MyPassesAnswer = z.infer<typeof MyPassesAnswer>;

/** Issue to a person named by account id or by the email of their account (exactly one of the two). */
export const IssuePassBody = z
  .object({
    userId: z.string().min(1).max(100).optional(),
    email: z.email({ message: "Enter a valid email address" }).max(254).optional(),
    /** Narrows the pass type's window; defaults to it. */
    validFrom: Instant.optional(),
    validUntil: Instant.optional(),
  })
  .strict()
  .refine((b) => (b.userId === undefined) !== (b.email === undefined), {
    message: "Name the person by userId or by email (one of the two)",
    path: ["userId"],
  });
export type IssuePassBody = z.infer<typeof IssuePassBody>;

export const RevokePassBody = z.object({ reason: singleLine(z.string().trim().min(1).max(500)) }).strict();
export type RevokePassBody = z.infer<typeof RevokePassBody>;

/** Facts about one client that issuing rules look at (computed by whoever holds the client data). */
export const ClientStats = z.object({
  userId: z.string().min(1),
  /** Spend over the last twelve months, in minor units of `currency`. */
  yearlySpendMinor: z.number().int().min(0),
  currency: z.string().length(3),
  /** Ids of events the client attended. */
  attendedEventIds: z.array(z.string()),
});
export type ClientStats = z.infer<typeof ClientStats>;

/** A rule over client stats; a client qualifies when every given condition holds. */
export const IssueRule = z
  .object({
    id: z.string().min(1).max(100),
    minYearlySpendMinor: z.number().int().min(0).optional(),
    currency: z.string().length(3).optional(),
    attendedAnyOfEventIds: z.array(z.string()).min(1).optional(),
  })
  .strict()
  .refine((r) => r.minYearlySpendMinor !== undefined || r.attendedAnyOfEventIds !== undefined, {
    message: "A rule needs at least one condition",
  })
  .refine((r) => r.minYearlySpendMinor === undefined || r.currency !== undefined, {
    message: "A spend threshold needs its currency",
    path: ["currency"],
  });
export type IssueRule = z.infer<typeof IssueRule>;

export const IssueByRuleBody = z
  .object({ rule: IssueRule, clients: z.array(ClientStats).max(10_000) })
  .strict();
export type IssueByRuleBody = z.infer<typeof IssueByRuleBody>;

export const IssueByRuleAnswer = z.object({ issued: z.array(Pass), alreadyHeld: z.array(z.string()) });
export type IssueByRuleAnswer = z.infer<typeof IssueByRuleAnswer>;

/** The claims inside a signed pass token (a compact JWS, EdDSA over Ed25519). */
export const PassTokenClaims = z.object({
  iss: z.literal("vitrine"),
  sub: z.string(),
  jti: z.string(),
  passTypeId: z.string(),
  tier: z.string(),
  nbf: z.number(),
  exp: z.number(),
  iat: z.number(),
});
export type PassTokenClaims = z.infer<typeof PassTokenClaims>;

export const PassTokenAnswer = z.object({ token: z.string(), pass: Pass });
export type PassTokenAnswer = z.infer<typeof PassTokenAnswer>;

export const VerifyPassTokenBody = z.object({ token: z.string().min(1).max(4000) }).strict();
export const VerifyPassTokenAnswer = z.object({
  valid: z.boolean(),
  reason: z.string().nullable(),
  pass: Pass.nullable(),
});
export type VerifyPassTokenAnswer = z.infer<typeof VerifyPassTokenAnswer>;
