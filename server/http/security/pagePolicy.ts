/**
 * Content-Security-Policy and Permissions-Policy for every answer (issue 10), and no source maps
 * served. The policy allows exactly what the app does, from our own origin:
 *
 * - scripts from self only, none inline; `'wasm-unsafe-eval'` for the Draco/Basis/meshopt decoders
 *   (WebAssembly.instantiate needs it), and `'unsafe-eval'` because the Basis Universal transcoder
 *   that three ships (emscripten's embind) builds its invokers with `new Function`: a worker started
 *   from a blob URL inherits this page's policy, so without it every KTX2 texture (what the model
 *   pipeline serves) hangs in the transcoder's worker. Nothing of ours evaluates strings (zod runs
 *   jitless, see scripts/vite/zodJitless.ts); serving that worker from its own URL with its own
 *   policy would let the page drop it again;
 * - workers from self and `blob:` (three's DRACOLoader and KTX2Loader start their workers from a
 *   blob URL);
 * - images, media and fetches from self, `blob:` and `data:` (textures inside a GLB are decoded
 *   through blob URLs; glTF may carry data: buffers); WebSockets to self (`'self'` covers ws/wss of
 *   the same host);
 * - Janus' public address, when configured, for live event video signalling.
 *
 * Camera and microphone are off everywhere except the pages that call people (appointments and
 * live events), where this origin may ask for them.
 */
import type express from "express";
import type { Config } from "../../config.ts";

/** Pages (path prefixes) that may ask for the camera and microphone. */
export const MEDIA_PAGE_PREFIXES = ["/events", "/salon"] as const;

/** The origin of Janus' browser-facing URL, or null. */
function janusOrigin(config: Pick<Config, "JANUS_URL" | "JANUS_PUBLIC_URL">): string | null {
  const url = config.JANUS_PUBLIC_URL ?? config.JANUS_URL;
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** The Content-Security-Policy header's value for this configuration. */
export function contentSecurityPolicy(config: Pick<Config, "JANUS_URL" | "JANUS_PUBLIC_URL">): string {
  const janus = janusOrigin(config);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'", "'unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "blob:", "data:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "blob:", "data:", ...(janus ? [janus] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

// Only features Chromium knows: an unknown one is reported as an error with the header on every page.
const LOCKED_FEATURES = ["geolocation=()", "payment=()", "usb=()", "serial=()", "hid=()"];

/** The Permissions-Policy for a path: camera and microphone only on the pages that call people. */
export function permissionsPolicy(pathname: string): string {
  const calls = MEDIA_PAGE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const media = calls
    ? ["camera=(self)", "microphone=(self)", "display-capture=(self)"]
    : ["camera=()", "microphone=()", "display-capture=()"];
  return [...media, ...LOCKED_FEATURES].join(", ");
}

/** Sets both policies on every answer, and answers 404 for source maps (never public). */
export function pagePolicy(config: Pick<Config, "JANUS_URL" | "JANUS_PUBLIC_URL">): express.RequestHandler {
  const csp = contentSecurityPolicy(config);
  return (req, res, next) => {
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("Permissions-Policy", permissionsPolicy(req.path));
    if (req.path.endsWith(".map")) {
      res.status(404).json({ error: { code: "not_found", message: "Source maps are not published." } });
      return;
    }
    next();
  };
}
