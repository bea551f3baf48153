/**
 * Static files that are not part of the build (the shipped models, avatars and environment map, the
 * decoders) compressed once per process and kept in memory, where it helps: a file whose brotli and
 * gzip forms would not save a tenth is remembered as such and always sent as it is. Measured on the
 * shipped files: the robot avatar GLB shrinks to 0.25 (raw geometry and animations), the HDR
 * environment to 0.63, the Basis transcoder to 0.44; the product GLBs, whose textures are WebP or
 * KTX2 already, to 0.94–1.0, so they go out untouched.
 *
 * The first request for a file waits for its compression (async zlib, off the event loop; concurrent
 * requests share it), so even the very first visitor gets the small bytes.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type express from "express";
import { chooseContentCoding, varyOnAcceptEncoding } from "./contentEncoding.ts";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A twin must be at most this fraction of the file to be worth sending. */
const WORTH_RATIO = 0.9;
const MIN_BYTES = 1024;
/** Files bigger than this are sent as they are (no file we ship comes near it). */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Memory for every twin of the process together; past it, new files are sent as they are. */
const CACHE_BUDGET_BYTES = 96 * 1024 * 1024;

type Twins = { br: Buffer | null; gzip: Buffer | null };
type Entry = { key: string; twins: Promise<Twins> };

const cache = new Map<string, Entry>();
let cachedBytes = 0;

async function compressTwins(file: string): Promise<Twins> {
  const bytes = await fs.readFile(file);
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        // Quality 9: close to 11 on these files at a fraction of its time, once per process.
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzip(bytes, { level: 9 }),
  ]);
  const worth = (twin: Buffer) => (twin.length <= bytes.length * WORTH_RATIO ? twin : null);
  const twins = { br: worth(br), gzip: worth(gz) };
  cachedBytes += (twins.br?.length ?? 0) + (twins.gzip?.length ?? 0);
  return twins;
}

function twinsOf(file: string, stat: { size: number; mtimeMs: number }): Promise<Twins> | null {
  const key = `${stat.size}-${stat.mtimeMs}`;
  const known = cache.get(file);
  if (known?.key === key) return known.twins;
  if (cachedBytes >= CACHE_BUDGET_BYTES) return null;
  const twins = compressTwins(file).catch(() => ({ br: null, gzip: null }));
  cache.set(file, { key, twins });
  return twins;
}

type Options = { maxAge: number; contentType: (file: string) => string | undefined };

/**
 * Serves compressed twins of the files under `root` to clients that accept them; everything else
 * (identity, a file not worth compressing, a miss) falls through to express.static.
 */
export function serveCompressedOnce(root: string, options: Options): express.RequestHandler {
  const base = path.resolve(root);
  return async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let decoded: string;
    try {
      decoded = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const file = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
    if (decoded.includes("\0") || !file.startsWith(`${base}${path.sep}`)) return next();
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile() || stat.size < MIN_BYTES || stat.size > MAX_FILE_BYTES) return next();
    const pending = twinsOf(file, stat);
    if (!pending) return next();
    const twins = await pending;
    const available = (["br", "gzip"] as const).filter((c) => twins[c] !== null);
    if (available.length === 0) return next(); // not worth it: sent as it is, and it never varies
    // From here on the answer depends on Accept-Encoding, whichever coding it gets.
    res.setHeader("Vary", varyOnAcceptEncoding(res.getHeader("Vary")));
    const coding = chooseContentCoding(req.get("Accept-Encoding"), available);
    if (coding !== "br" && coding !== "gzip") return next();
    const body = twins[coding];
    if (!body) return next();
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${coding}"`;
    res.type(path.extname(file));
    const type = options.contentType(file);
    if (type) res.setHeader("Content-Type", type);
    res.setHeader("Content-Encoding", coding);
    res.setHeader("Cache-Control", `public, max-age=${options.maxAge}`);
    res.setHeader("Last-Modified", stat.mtime.toUTCString());
    res.setHeader("ETag", etag);
    const match = req.get("If-None-Match");
    if (match?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) {
      res.status(304).end();
      return;
    }
    res.setHeader("Content-Length", String(body.length));
    if (req.method === "HEAD") res.end();
    else res.end(body);
  };
}
