/**
 * The front door: checks that run on the HTTP server itself, before Colyseus' matchmaking router,
 * Express or the WebSocket upgrade see a request. Colyseus reads a `/matchmake/*` body of any size
 * into memory (one 100 MB request took the process from 612 to 1,139 MB), and its routes are not
 * Express middleware we could put a parser in front of; intercepting the server's `request` and
 * `upgrade` events is the one place that sees every request first, whoever registered later.
 */
import type http from "node:http";
import type { Duplex } from "node:stream";
import { ErrorCode as Codes, type ErrorCode } from "../../../shared/errors.ts";
import { STATUS_BY_CODE } from "../errors.ts";

/** Largest matchmaking body (join options: a protocol version, a few ids); the SDK sends under 1 KB. */
export const MATCHMAKE_BODY_LIMIT_BYTES = 16 * 1024;

/** A check on a request before anything else reads it: a refusal, or null to let it in. */
export type Refusal = { code: ErrorCode; message: string; details?: unknown; status?: number };
export type RequestCheck = (req: http.IncomingMessage) => Refusal | null;

export type FrontDoorOptions = {
  /** Checks every HTTP request and every WebSocket upgrade runs, in order (the Origin check). */
  checks?: readonly RequestCheck[];
  matchmakeBodyLimitBytes?: number;
};

function errorBody(refusal: Refusal): string {
  return JSON.stringify({
    error: { code: refusal.code, message: refusal.message, details: refusal.details },
  });
}

function statusOf(refusal: Refusal): number {
  return refusal.status ?? STATUS_BY_CODE[refusal.code];
}

/** Answers with the error shape and closes the connection: whatever the client still sends is not read. */
export function refuseRequest(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal): void {
  const body = errorBody(refusal);
  res.writeHead(statusOf(refusal), {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    Connection: "close",
  });
  res.end(body, () => req.destroy());
}

function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const body = errorBody(refusal);
  const status = statusOf(refusal);
  socket.end(
    `HTTP/1.1 ${status} Refused\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function tooLarge(limit: number): Refusal {
  return {
    code: Codes.payloadTooLarge,
    message: `A room request body is limited to ${limit} bytes.`,
    details: { limitBytes: limit },
  };
}

function isMatchmake(req: http.IncomingMessage): boolean {
  return req.method === "POST" && (req.url ?? "").startsWith("/matchmake/");
}

/**
 * Reads a matchmaking body up to `limit` bytes, then hands the request on with `req.body` set
 * (Colyseus' router uses a body already read). Refused early by Content-Length, and by counting
 * when the body streams without one.
 */
function readMatchmakeBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: number,
  forward: () => void,
): void {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    refuseRequest(req, res, tooLarge(limit));
    return;
  }
  const chunks: Buffer[] = [];
  let received = 0;
  let refused = false;
  req.on("data", (chunk: Buffer) => {
    if (refused) return;
    received += chunk.length;
    if (received > limit) {
      refused = true;
      chunks.length = 0;
      req.pause();
      refuseRequest(req, res, tooLarge(limit));
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (refused) return;
    (req as http.IncomingMessage & { body?: string }).body = Buffer.concat(chunks).toString("utf8");
    forward();
  });
  req.on("error", () => {
    req.destroy();
  });
}

/**
 * Installs the front door on `server` (before `listen`): every `request` and `upgrade` event goes
 * through the checks first; matchmaking bodies are capped.
 */
export function installFrontDoor(server: http.Server, options: FrontDoorOptions = {}): void {
  const checks = options.checks ?? [];
  const limit = options.matchmakeBodyLimitBytes ?? MATCHMAKE_BODY_LIMIT_BYTES;
  const emit = server.emit.bind(server) as (event: string, ...args: unknown[]) => boolean;
  const firstRefusal = (req: http.IncomingMessage) => {
    for (const check of checks) {
      const refusal = check(req);
      if (refusal) return refusal;
    }
    return null;
  };
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const refusal = firstRefusal(req);
      if (refusal) {
        refuseRequest(req, res, refusal);
        return true;
      }
      if (isMatchmake(req)) {
        readMatchmakeBody(req, res, limit, () => emit(event, ...args));
        return true;
      }
    } else if (event === "upgrade") {
      const [req, socket] = args as [http.IncomingMessage, Duplex];
      const refusal = firstRefusal(req);
      if (refusal) {
        refuseUpgrade(socket, refusal);
        return true;
      }
    }
    return emit(event, ...args);
  }) as typeof server.emit;
}
