/**
 * Janus signed tokens ("signed mode" of token_auth, with token_auth_secret): `<expiry>,janus,<descriptors>`
 * followed by `:` and the base64 HMAC-SHA1 of that text under the shared secret. Janus checks the
 * expiry (Unix seconds), the realm `janus`, and that a descriptor names the plugin a handle attaches
 * to. A browser's token therefore opens the VideoRoom only, until it expires, and reveals no secret;
 * which room it may join is then decided by that room's pin, and whether it may publish by the room's
 * allow-list (stageSecrets.ts).
 */
import { createHmac } from "node:crypto";

/** The VideoRoom plugin's package name, as Janus matches it against token descriptors. */
export const VIDEOROOM_PLUGIN = "janus.plugin.videoroom";

/** Descriptors may not contain the token's separators. */
const DESCRIPTOR = /^[^,:\s]{1,200}$/;

/** Mints a token valid until `expiresAt` for the given descriptors (plugin package names). */
export function signJanusToken(secret: string, expiresAt: Date, descriptors: readonly string[]): string {
  for (const d of descriptors) {
    if (!DESCRIPTOR.test(d))
      throw new Error(`A Janus token descriptor cannot contain commas, colons or spaces: ${d}`);
  }
  const data = [String(Math.floor(expiresAt.getTime() / 1000)), "janus", ...descriptors].join(",");
  const signature = createHmac("sha1", secret).update(data).digest("base64");
  return `${data}:${signature}`;
}
