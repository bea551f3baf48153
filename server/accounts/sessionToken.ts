/**
 * Session tokens: 32 random bytes in base64url travel in the cookie; only their SHA-256 is stored,
 * so a copy of the sessions table lets nobody sign in.
 */
import { createHash, randomBytes } from "node:crypto";

const TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url are exactly 43 characters of this alphabet. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new unguessable session token. */
export function createSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** True when the string has the shape of a token we issue; anything else is not worth a query. */
export function isWellFormedSessionToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The value stored in `sessions.token_hash`: SHA-256 of the token, in hex. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
