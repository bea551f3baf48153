/**
 * Collectible certificates: an Ed25519 signature over the RFC 8785 canonical JSON of a statement.
 *
 * Pure functions over keys and bytes, with no database and no server: the offline verifier
 * (bin/vitrine-verify.ts) runs exactly this code with only a public key file.
 *
 * A certificate FILE is the RFC 8785 canonical JSON of the whole certificate, with no trailing
 * newline. Verifying a file requires it to be byte-for-byte canonical, so any change to any byte
 * (even one JSON would tolerate, such as whitespace or key order) makes it fail.
 */
import {
  createPublicKey,
  type JsonWebKey,
  type KeyObject,
  sign as signBytes,
  verify as verifyBytes,
} from "node:crypto";
import canonicalize from "canonicalize";
import {
  CERTIFICATE_FORMAT,
  Certificate,
  type CertificateStatement,
  type VerifyResult,
} from "../../shared/collectibles.ts";

/** An Ed25519 signature is 64 bytes: 86 base64url characters without padding. */
const SIGNATURE_CHARS = 86;

/** The RFC 8785 canonical JSON of any JSON value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("This value has no JSON form");
  return text;
}

/** Signs a statement with the platform's private key. */
export function signStatement(
  statement: CertificateStatement,
  privateKey: KeyObject,
  keyId: string,
): Certificate {
  const signature = signBytes(null, Buffer.from(canonicalJson(statement), "utf8"), privateKey);
  return {
    format: CERTIFICATE_FORMAT,
    statement,
    keyId,
    algorithm: "Ed25519",
    signature: signature.toString("base64url"),
  };
}

/** The bytes of certificate.json: the canonical JSON of the certificate, UTF-8, no trailing newline. */
export function certificateFileBytes(certificate: Certificate): Uint8Array {
  return new TextEncoder().encode(canonicalJson(certificate));
}

/** A public key the verifier accepts, with the key id certificates name it by. */
export type VerificationKey = { keyId: string; publicKey: KeyObject };

/** The key id of a public key: the same rule as server/keys (derived from the key itself). */
export function keyIdOf(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: "jwk" });
  return `ed25519-${(jwk.x ?? "").slice(0, 16)}`;
}

/** The published JWKS entry of a public key. */
export function publicJwkEntry(publicKey: KeyObject, keyId: string) {
  const jwk = publicKey.export({ format: "jwk" });
  return { kty: "OKP", crv: "Ed25519", x: jwk.x ?? "", kid: keyId, use: "sig", alg: "EdDSA" } as const;
}

/**
 * Reads the keys of a key file: a JWKS (`{ keys: [...] }`), a single JWK, or a PEM public key.
 * Keys that are not Ed25519 are left out; a file with none is an error.
 * @throws Error saying what the file holds instead.
 */
export function parseVerificationKeys(text: string): VerificationKey[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("-----BEGIN")) {
    const publicKey = createPublicKey(trimmed);
    if (publicKey.asymmetricKeyType !== "ed25519") {
      throw new Error(`The PEM key is ${publicKey.asymmetricKeyType}, not Ed25519`);
    }
    return [{ keyId: keyIdOf(publicKey), publicKey }];
  }
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    throw new Error("The key file is neither JSON (a JWKS or a JWK) nor a PEM public key");
  }
  const entries =
    typeof json === "object" && json !== null && Array.isArray((json as { keys?: unknown }).keys)
      ? ((json as { keys: unknown[] }).keys as unknown[])
      : [json];
  const keys: VerificationKey[] = [];
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null) continue;
    const jwk = entry as JsonWebKey & { kid?: unknown };
    if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string") continue;
    // Only the public part: a JWK carrying `d` must not turn into a private key here.
    const publicKey = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: jwk.x }, format: "jwk" });
    keys.push({ keyId: typeof jwk.kid === "string" ? jwk.kid : keyIdOf(publicKey), publicKey });
  }
  if (keys.length === 0) throw new Error("The key file holds no Ed25519 public key");
  return keys;
}

function describeZodPath(path: readonly PropertyKey[]): string {
  return path.length > 0 ? path.map(String).join(".") : "(root)";
}

/**
 * Checks a certificate given as a JSON value: its shape, its key, its signature. Key order and
 * formatting do not matter here (the statement is canonicalized before checking); for a file, use
 * `verifyCertificateFile`, which also requires the exact canonical bytes.
 */
export function verifyCertificate(value: unknown, keys: readonly VerificationKey[]): VerifyResult {
  const parsed = Certificate.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${describeZodPath(first.path)}: ${first.message}` : "unknown problem";
    return { valid: false, reason: `not a certificate: ${where}` };
  }
  const certificate = parsed.data;
  const key = keys.find((k) => k.keyId === certificate.keyId);
  if (!key) return { valid: false, reason: `unknown key "${certificate.keyId}"` };
  const signature = Buffer.from(certificate.signature, "base64url");
  // base64url has several spellings of the same bytes (the last character's spare bits): only the
  // one canonical spelling of 64 bytes is accepted, so no character of the signature is free.
  if (
    certificate.signature.length !== SIGNATURE_CHARS ||
    signature.length !== 64 ||
    signature.toString("base64url") !== certificate.signature
  ) {
    return { valid: false, reason: "signature is not a canonical base64url Ed25519 signature" };
  }
  const message = Buffer.from(canonicalJson(certificate.statement), "utf8");
  if (!verifyBytes(null, message, key.publicKey, signature)) {
    return { valid: false, reason: "signature does not match" };
  }
  return { valid: true, statement: certificate.statement };
}

/**
 * Checks a certificate file's bytes: UTF-8, JSON, exactly canonical (RFC 8785), then as
 * `verifyCertificate`. Any change to any byte of a genuine file makes this fail.
 */
export function verifyCertificateFile(bytes: Uint8Array, keys: readonly VerificationKey[]): VerifyResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { valid: false, reason: "not a certificate: the file is not UTF-8 text" };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { valid: false, reason: `not a certificate: not JSON (${(error as Error).message})` };
  }
  let canonical: string;
  try {
    canonical = canonicalJson(value);
  } catch {
    return { valid: false, reason: "not a certificate: not a JSON object" };
  }
  if (canonical !== text) {
    return {
      valid: false,
      reason: "the file is not in canonical form (RFC 8785): it was changed after it was issued",
    };
  }
  return verifyCertificate(value, keys);
}

/** "#17 of 500, Étoile keepsake by Aubrelle, owner own_…, issued 2026-11-26" */
export function summarizeStatement(statement: CertificateStatement): string {
  return [
    `#${statement.edition} of ${statement.editionSize}`,
    `"${statement.collectibleName.en}" by ${statement.brandName}`,
    `owner ${statement.owner}`,
    `issued ${statement.issuedAt}`,
    `model sha256 ${statement.modelSha256}`,
    `certificate ${statement.certificateId}`,
  ].join("\n");
}
