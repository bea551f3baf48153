/** The `vitrine_session` cookie: reading it from a Cookie header and writing Set-Cookie values. */
import { isWellFormedSessionToken } from "./sessionToken.ts";

export const SESSION_COOKIE_NAME = "vitrine_session";

/** Cookie headers longer than this are not ours to parse (browsers cap them near 8 KB anyway). */
const MAX_COOKIE_HEADER_LENGTH = 16_384;

export type SessionCookieOptions = {
  /** Send only over HTTPS (config COOKIE_SECURE). */
  secure: boolean;
};

/**
 * The session token from a Cookie header, or null when there is none or it is malformed.
 * Never throws, whatever the header holds; the first well-formed `vitrine_session` wins.
 */
export function readSessionToken(cookieHeader: unknown): string | null {
  if (typeof cookieHeader !== "string" || cookieHeader.length > MAX_COOKIE_HEADER_LENGTH) return null;
  for (const pair of cookieHeader.split(";")) {
    const eq = pair.indexOf("=");
    if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE_NAME) continue;
    let value = pair.slice(eq + 1).trim();
    // RFC 6265 allows a cookie value wrapped in double quotes.
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (isWellFormedSessionToken(value)) return value;
  }
  return null;
}

/** Set-Cookie value carrying a new session token for `maxAgeSeconds`. */
export function serializeSessionCookie(
  token: string,
  maxAgeSeconds: number,
  options: SessionCookieOptions,
): string {
  return [
    `${SESSION_COOKIE_NAME}=${token}`,
    "Path=/",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Set-Cookie value that makes the browser forget the session cookie. */
export function serializeClearedSessionCookie(options: SessionCookieOptions): string {
  return [
    `${SESSION_COOKIE_NAME}=`,
    "Path=/",
    "Max-Age=0",
    "Expires=Thu, 01 Jan 1970 00:00:00 GMT",
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}
