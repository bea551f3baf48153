/**
 * Pass programmes: platform-wide ones are run by admins, a brand's by its owners and merchandisers
 * (admins too); the wallet, signed tokens and their verification.
 */
import { z } from "zod";
import {
  CreatePassTypeBody,
  IssueByRuleAnswer,
  IssueByRuleBody,
  IssuePassBody,
  MyPassesAnswer,
  Pass,
  PassStatus,
  PassTokenAnswer,
  PassType,
  RevokePassBody,
  VerifyPassTokenAnswer,
  VerifyPassTokenBody,
} from "../passes.ts";
import { anyone, BRAND_EDITORS, brandStaff, signedIn } from "./access.ts";
import { endpoint } from "./endpoint.ts";

export const PassTypeList = z.object({ passTypes: z.array(PassType) });
export type PassTypeList = z.infer<typeof PassTypeList>;

/** The platform's Ed25519 public key as a JWK, with its key id. */
export const PassPublicKey = z.object({
  kid: z.string(),
  alg: z.literal("EdDSA"),
  kty: z.literal("OKP"),
  crv: z.literal("Ed25519"),
  x: z.string(),
});

const MANAGE = "manage pass programmes";
const passTypeOfPath = { in: "resource", kind: "passType", param: "passTypeId" } as const;

export const listPassTypes = endpoint({
  id: "passes.listTypes",
  method: "GET",
  path: "/api/pass-types",
  summary: "Pass programmes: platform-wide ones (admins), or a brand's with ?brandId=",
  access: brandStaff(BRAND_EDITORS, { in: "query", field: "brandId" }, MANAGE),
  query: z.object({ brandId: z.string().min(1).max(100).optional() }),
  answer: PassTypeList,
});

export const createPassType = endpoint({
  id: "passes.createType",
  method: "POST",
  path: "/api/pass-types",
  summary: "Create a programme (platform-wide, or a brand's with brandId)",
  access: brandStaff(BRAND_EDITORS, { in: "body", field: "brandId" }, MANAGE),
  body: CreatePassTypeBody,
  answer: PassType,
  status: 201,
});

export const issuePass = endpoint({
  id: "passes.issue",
  method: "POST",
  path: "/api/pass-types/:passTypeId/passes",
  summary: "Issue a pass by hand to a person named by userId or email (201 new, 200 already held)",
  access: brandStaff(BRAND_EDITORS, passTypeOfPath, MANAGE),
  body: IssuePassBody,
  answer: Pass,
  status: 201,
});

export const issueByRule = endpoint({
  id: "passes.issueByRule",
  method: "POST",
  path: "/api/pass-types/:passTypeId/rule-issues",
  summary: "Issue to every client a rule selects",
  access: brandStaff(BRAND_EDITORS, passTypeOfPath, MANAGE),
  body: IssueByRuleBody,
  answer: IssueByRuleAnswer,
});

export const revokePass = endpoint({
  id: "passes.revoke",
  method: "POST",
  path: "/api/passes/:passId/revoke",
  summary: "Revoke a pass",
  access: brandStaff(BRAND_EDITORS, { in: "resource", kind: "pass", param: "passId" }, MANAGE),
  body: RevokePassBody,
  answer: Pass,
});

export const myPasses = endpoint({
  id: "passes.mine",
  method: "GET",
  path: "/api/passes/mine",
  summary: "The caller's passes, whatever their status, with their programmes",
  access: signedIn,
  answer: MyPassesAnswer,
});

export const passToken = endpoint({
  id: "passes.token",
  method: "POST",
  path: "/api/passes/:passId/token",
  summary: "A freshly signed token of one of the caller's own active passes",
  access: signedIn,
  answer: PassTokenAnswer,
  refusals: { conflict: z.object({ reason: PassStatus }) },
});

export const verifyPassToken = endpoint({
  id: "passes.verify",
  method: "POST",
  path: "/api/passes/verify",
  summary: "Check a token: signature, validity window, revocation",
  access: anyone,
  body: VerifyPassTokenBody,
  answer: VerifyPassTokenAnswer,
});

export const passPublicKey = endpoint({
  id: "passes.publicKey",
  method: "GET",
  path: "/api/passes/public-key",
  summary: "The platform's Ed25519 public key as a JWK",
  access: anyone,
  answer: PassPublicKey,
});

export const passEndpoints = [
  listPassTypes,
  createPassType,
  issuePass,
  issueByRule,
  revokePass,
  myPasses,
  passToken,
  verifyPassToken,
  passPublicKey,
] as const;
