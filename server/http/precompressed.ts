/**
 * Serves the build's precompressed files: for `/static/index-abc.js` the build wrote
 * `index-abc.js.br` and `index-abc.js.gz` beside it (vite.config.ts, build/precompress.ts), made once
 * with the slowest, best settings. A client that accepts one of them gets it with the original's
 * Content-Type, `Content-Encoding`, `Vary: Accept-Encoding` and the variant's own ETag (each
 * representation has its own validator); anything else falls through to express.static.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type express from "express";
import { chooseContentCoding, varyOnAcceptEncoding } from "./contentEncoding.ts";

/** The suffix the build gives each coding's file. */
export const PRECOMPRESSED_SUFFIX = { br: ".br", gzip: ".gz" } as const;

type Options = { maxAge: string; immutable: boolean };

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file under `root` a request path names, or null for anything that tries to leave it. */
function fileUnder(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file.startsWith(`${root}${path.sep}`) ? file : null;
}

export function servePrecompressed(root: string, options: Options): express.RequestHandler {
  const base = path.resolve(root);
  return async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = fileUnder(base, req.path);
    if (!file || file.endsWith(".br") || file.endsWith(".gz")) return next();
    const available: ("br" | "gzip")[] = [];
    for (const coding of ["br", "gzip"] as const) {
      if (await isFile(file + PRECOMPRESSED_SUFFIX[coding])) available.push(coding);
    }
    if (available.length === 0) return next();
    const coding = chooseContentCoding(req.get("Accept-Encoding"), available);
    if (coding !== "br" && coding !== "gzip") return next(); // identity: express.static (still Vary)
    res.type(path.extname(file));
    res.setHeader("Content-Encoding", coding);
    res.setHeader("Vary", varyOnAcceptEncoding(res.getHeader("Vary")));
    res.sendFile(
      file + PRECOMPRESSED_SUFFIX[coding],
      {
        maxAge: options.maxAge,
        immutable: options.immutable,
        dotfiles: "deny",
      },
      (error?: Error) => {
        // The variant vanished between stat and send (a rebuild): the plain file may still be there.
        if (error && !res.headersSent) {
          res.removeHeader("Content-Encoding");
          res.removeHeader("Content-Type");
          next();
        }
      },
    );
  };
}
