/**
 * Pass tokens: a pass travels as a compact JWS (EdDSA over Ed25519) signed with the platform key.
 * The signature proves the pass was issued; revocation is checked against the database by
 * `verifyPassToken` (offline verifiers see only the signature and the validity window).
 */

import type { KeyObject } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { type Pass, PassTokenClaims } from "../../shared/passes.ts";
import type { DbLike } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import type { SigningKeys } from "../keys/signingKeys.ts";
import { getPass } from "./passes.ts";
import { getPassType } from "./passTypes.ts";

const ISSUER = "vitrine";
const TYPE = "vitrine-pass+jwt";

/** Signs a token for a pass, valid over the pass's window. */
export async function signPassToken(
  pass: Pass,
  tier: string,
  keys: SigningKeys,
  clock: Clock,
): Promise<string> {
  return new SignJWT({ passTypeId: pass.passTypeId, tier })
    .setProtectedHeader({ alg: "EdDSA", typ: TYPE, kid: keys.keyId })
    .setIssuer(ISSUER)
    .setSubject(pass.userId)
    .setJti(pass.id)
    .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
    .setNotBefore(Math.floor(Date.parse(pass.validFrom) / 1000))
    .setExpirationTime(Math.floor(Date.parse(pass.validUntil) / 1000))
    .sign(keys.privateKey);
}

/** Issues the token of a pass after checking it is active. */
export async function issuePassToken(
  database: DbLike,
  passId: string,
  keys: SigningKeys,
  clock: Clock,
): Promise<{ token: string; pass: Pass }> {
  const pass = await getPass(database, passId, clock);
  const type = await getPassType(database, pass.passTypeId);
  return { token: await signPassToken(pass, type.tier, keys, clock), pass };
}

export type TokenCheck = { valid: true; claims: PassTokenClaims } | { valid: false; reason: string };

/** Checks a token's signature, issuer, type and validity window at the clock's time, offline. */
export async function checkPassTokenSignature(
  token: string,
  publicKey: KeyObject,
  clock: Clock,
): Promise<TokenCheck> {
  try {
    const { payload } = await jwtVerify(token, publicKey, {
      algorithms: ["EdDSA"],
      issuer: ISSUER,
      typ: TYPE,
      currentDate: clock.now(),
    });
    const claims = PassTokenClaims.safeParse(payload);
    return claims.success
      ? { valid: true, claims: claims.data }
      : { valid: false, reason: "malformed_claims" };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { valid: false, reason: "expired" };
    if (error instanceof errors.JWTClaimValidationFailed)
      return { valid: false, reason: `claim_${error.claim}` };
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return { valid: false, reason: "bad_signature" };
    if (error instanceof errors.JOSEError) return { valid: false, reason: "malformed" };
    throw error;
  }
}

/** Verifies a token and the pass behind it: signed by us, in its window, and not revoked. */
export async function verifyPassToken(
  database: DbLike,
  token: string,
  keys: Pick<SigningKeys, "publicKey">,
  clock: Clock,
): Promise<{ valid: boolean; reason: string | null; pass: Pass | null }> {
  const check = await checkPassTokenSignature(token, keys.publicKey, clock);
  if (!check.valid) return { valid: false, reason: check.reason, pass: null };
  const pass = await getPass(database, check.claims.jti, clock).catch(() => null);
  if (!pass || pass.userId !== check.claims.sub) return { valid: false, reason: "unknown_pass", pass: null };
  if (pass.status !== "active") return { valid: false, reason: pass.status, pass };
  return { valid: true, reason: null, pass };
}
