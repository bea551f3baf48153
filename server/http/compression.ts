/**
 * On-the-fly compression for answers that are not precompressed: the API's JSON, the decoders and
 * anything else of a compressible type, over node:zlib streams (the `compression` package is not
 * among our dependencies, and this is all of it we need).
 *
 * The decision is made once, when the status line and headers go out (Node routes every implicit
 * header through `writeHead`): by then the handler has set Content-Type, Content-Length, ETag and
 * Cache-Control, so the middleware can skip what must not or need not be compressed.
 */
import zlib from "node:zlib";
import type express from "express";
import { type ContentCoding, chooseContentCoding, varyOnAcceptEncoding } from "./contentEncoding.ts";

/**
 * Types worth compressing. Model binaries (GLB) are left out on purpose: their textures are WebP or
 * KTX2 already, and gzip gains 0–6 % on our shipped models for the CPU it costs (see bench/firstload).
 */
const COMPRESSIBLE =
  /^(text\/(html|css|plain|javascript|xml|csv)|application\/(json|javascript|xml|wasm|manifest\+json|[a-z.+-]+\+json)|image\/svg\+xml|model\/gltf\+json)\b/i;

/** Below this many bytes a compressed answer is barely smaller and costs a zlib context. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export function isCompressibleType(contentType: string | number | string[] | undefined): boolean {
  return typeof contentType === "string" && COMPRESSIBLE.test(contentType);
}

function encoder(coding: Exclude<ContentCoding, "identity">): zlib.Gzip | zlib.BrotliCompress {
  // Fast settings: these run per request. Build files get the slow, best settings ahead of time.
  if (coding === "br") {
    return zlib.createBrotliCompress({
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_MODE]: 1 },
    });
  }
  return zlib.createGzip({ level: 6 });
}

/** Whether this answer, about to get its headers, should be compressed, and with what. */
function codingFor(req: express.Request, res: express.Response): Exclude<ContentCoding, "identity"> | null {
  const status = res.statusCode;
  if (status < 200 || status === 204 || status === 206 || status === 304) return null;
  if (res.getHeader("Content-Encoding")) return null; // already encoded (a precompressed file)
  if (!isCompressibleType(res.getHeader("Content-Type"))) return null;
  // Every answer of a compressible type varies on Accept-Encoding, compressed or not, so that a
  // shared cache never hands the gzip bytes to a client that did not ask for them.
  res.setHeader("Vary", varyOnAcceptEncoding(res.getHeader("Vary")));
  if (/\bno-transform\b/i.test(String(res.getHeader("Cache-Control") ?? ""))) return null;
  const length = Number(res.getHeader("Content-Length"));
  if (Number.isFinite(length) && length < COMPRESSION_THRESHOLD_BYTES) return null;
  const coding = chooseContentCoding(req.get("Accept-Encoding"), ["br", "gzip"]);
  return coding === "br" || coding === "gzip" ? coding : null;
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

/** The middleware: mount it before every route whose answers should be compressed. */
export function compressResponses(): express.RequestHandler {
  return (req, res, next) => {
    // The response's own methods, called with their original arguments when not compressing.
    const originalWrite = res.write as (...args: unknown[]) => boolean;
    const originalEnd = res.end as (...args: unknown[]) => express.Response;
    const originalWriteHead = res.writeHead as (...args: unknown[]) => express.Response;
    const write = (data: Buffer) => originalWrite.call(res, data);
    let stream: zlib.Gzip | zlib.BrotliCompress | null = null;

    res.writeHead = ((...args: unknown[]) => {
      // Headers given to writeHead directly are applied first, so that the decision sees them.
      const last = args[args.length - 1];
      if (last && typeof last === "object" && !Array.isArray(last)) {
        for (const [name, value] of Object.entries(last)) {
          if (value !== undefined) res.setHeader(name, value as string | string[]);
        }
        args.pop();
      }
      const coding = res.headersSent ? null : codingFor(req, res);
      if (coding) {
        res.setHeader("Content-Encoding", coding);
        res.removeHeader("Content-Length");
        // The compressed bytes are a different representation: a strong validator would lie.
        const etag = res.getHeader("ETag");
        if (typeof etag === "string" && etag.startsWith('"')) res.setHeader("ETag", `W/${etag}`);
        stream = encoder(coding);
        stream.on("data", (data: Buffer) => {
          if (!write(data)) {
            stream?.pause();
            res.once("drain", () => stream?.resume());
          }
        });
        stream.on("drain", () => res.emit("drain"));
      }
      return originalWriteHead.apply(res, args);
    }) as typeof res.writeHead;

    res.write = ((chunk: Chunk, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback) => {
      if (!res.headersSent) res.writeHead(res.statusCode);
      if (!stream) return originalWrite.call(res, chunk, encodingOrCallback, callback);
      return typeof encodingOrCallback === "string"
        ? stream.write(chunk, encodingOrCallback, callback)
        : stream.write(chunk, encodingOrCallback);
    }) as typeof res.write;

    res.end = ((
      chunk?: Chunk | (() => void),
      encodingOrCallback?: BufferEncoding | (() => void),
      callback?: () => void,
    ) => {
      const done = [chunk, encodingOrCallback, callback].find((a) => typeof a === "function") as
        | (() => void)
        | undefined;
      const body = typeof chunk === "function" ? undefined : chunk;
      const encoding = typeof encodingOrCallback === "string" ? encodingOrCallback : undefined;
      if (!res.headersSent) {
        // Express's send sets Content-Length; a body given only to end() sets it here.
        if (body !== undefined && res.getHeader("Content-Length") === undefined) {
          res.setHeader("Content-Length", Buffer.byteLength(body as string, encoding));
        }
        res.writeHead(res.statusCode);
      }
      const compressing = stream;
      if (!compressing) {
        return originalEnd.call(res, chunk, encodingOrCallback, callback);
      }
      compressing.once("end", () => originalEnd.call(res, done));
      if (body !== undefined) compressing.end(body, encoding ?? "utf8");
      else compressing.end();
      return res;
    }) as typeof res.end;

    res.once("close", () => {
      // A client that went away mid-answer must not leave a zlib context behind.
      if (stream && !res.writableFinished) stream.destroy();
    });
    next();
  };
}
