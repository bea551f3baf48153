import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import { serveCompressedOnce } from "./compressedOnce.ts";
import { servePrecompressed } from "./precompressed.ts";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const THREE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.resolve("three"))), "..");

const CONTENT_TYPES: Record<string, string> = {
  ".glb": "model/gltf-binary",
  ".gltf": "model/gltf+json",
  ".hdr": "image/vnd.radiance",
  ".wasm": "application/wasm",
};

const typeOf = (filePath: string) => CONTENT_TYPES[path.extname(filePath).toLowerCase()];

function setTypes(res: express.Response, filePath: string): void {
  const type = typeOf(filePath);
  if (type) res.setHeader("Content-Type", type);
}

/** Headers every answer carries, API and files alike. */
export function securityHeaders(
  _req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  next();
}

/**
 * Serves everything the browser needs from our own origin: the built client, the shipped demo
 * assets, and the Draco and Basis decoders (never a CDN).
 */
export function mountStatic(app: express.Application, clientDist: string): void {
  // Only the folders meant for browsers: never assets/seed (it holds the demo passwords).
  // Each of them goes out compressed where that helps (compressedOnce.ts), else as it is.
  for (const folder of ["models", "avatars", "environment"]) {
    const root = path.join(REPO_ROOT, "assets", folder);
    app.use(`/assets/${folder}`, serveCompressedOnce(root, { maxAge: 3600, contentType: typeOf }));
    app.use(
      `/assets/${folder}`,
      express.static(root, {
        maxAge: "1h",
        setHeaders: setTypes,
        fallthrough: false,
      }),
    );
  }
  const decoderOptions = { maxAge: "7d", setHeaders: setTypes, fallthrough: false };
  for (const [at, folder] of [
    ["/decoders/draco", "examples/jsm/libs/draco/gltf"],
    ["/decoders/basis", "examples/jsm/libs/basis"],
  ] as const) {
    const root = path.join(THREE_ROOT, folder);
    app.use(at, serveCompressedOnce(root, { maxAge: 7 * 86400, contentType: typeOf }));
    app.use(at, express.static(root, decoderOptions));
  }

  const indexHtml = path.join(clientDist, "index.html");
  // Hashed build files never change under the same name. The build's .br/.gz twins go first to
  // clients that accept them; the rest is compressed on the fly (compression.ts) or sent as it is.
  const hashed = { immutable: true, maxAge: "365d" };
  app.use("/static", servePrecompressed(path.join(clientDist, "static"), hashed));
  app.use("/static", express.static(path.join(clientDist, "static"), { ...hashed, fallthrough: false }));
  app.use(express.static(clientDist, { index: false, maxAge: 0 }));
  app.get(/^\/(?!api\/|matchmake\/|assets\/|decoders\/|static\/).*/, (_req, res) => {
    if (!fs.existsSync(indexHtml)) {
      res
        .status(503)
        .type("text/plain")
        .send("The client is not built yet: run `npm run build` (npm start does it for you).");
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(indexHtml);
  });
}
