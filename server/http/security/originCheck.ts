/**
 * Cross-site request refusal (issue 10): a state-changing request (POST, PUT, PATCH, DELETE) or a
 * WebSocket upgrade sent by a page of another site carries the visitor's cookie, so without this
 * any site could publish, rotate a vitrine link or enter a draw in their name. Browsers say where
 * a request comes from in `Origin` and `Sec-Fetch-Site`; we let in:
 *
 * - an `Origin` that is this server's own (its host is the request's `Host`) or listed in
 *   ALLOWED_ORIGINS (server/config.ts: the public origins behind a proxy that rewrites Host);
 * - `Sec-Fetch-Site: same-origin` or `none` (typed by the person), when there is no `Origin`;
 * - a request with neither header: not sent by a browser (the SDK in Node, curl), so no cookie
 *   of a visitor rides along without them knowing.
 *
 * Everything else answers 403 `forbidden` with `details.reason: "cross_origin"`.
 */
import type http from "node:http";
import { ErrorCode } from "../../../shared/errors.ts";
import type { Refusal, RequestCheck } from "./frontDoor.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function isUpgrade(req: http.IncomingMessage): boolean {
  return (req.headers.upgrade ?? "").toLowerCase() === "websocket";
}

/** `https://shop.example:8443` for an origin string, or null if it is not one (e.g. "null"). */
export function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return url.origin;
  } catch {
    return null;
  }
}

function refusal(origin: string | undefined, site: string | undefined): Refusal {
  return {
    code: ErrorCode.forbidden,
    message: "This request came from another site, so it was refused. Use Vitrine from its own address.",
    details: { reason: "cross_origin", origin: origin ?? null, secFetchSite: site ?? null },
  };
}

/** The check for the front door; `allowedOrigins` are added to the server's own origin. */
export function originCheck(allowedOrigins: readonly string[]): RequestCheck {
  const allowed = new Set(allowedOrigins.map((o) => normalizeOrigin(o)).filter((o) => o !== null));
  return (req) => {
    if (!STATE_CHANGING.has(req.method ?? "GET") && !isUpgrade(req)) return null;
    const origin = req.headers.origin;
    const site = req.headers["sec-fetch-site"];
    const siteValue = Array.isArray(site) ? site[0] : site;
    if (origin !== undefined) {
      const normalized = normalizeOrigin(origin);
      if (normalized === null) return refusal(origin, siteValue);
      if (allowed.has(normalized)) return null;
      // The server's own origin: the page was served by this host (scheme may differ behind TLS).
      if (new URL(normalized).host === (req.headers.host ?? "").toLowerCase()) return null;
      return refusal(origin, siteValue);
    }
    if (siteValue === undefined || siteValue === "same-origin" || siteValue === "none") return null;
    return refusal(origin, siteValue);
  };
}
