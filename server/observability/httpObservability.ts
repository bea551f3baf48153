/**
 * Request logging and latency, mounted first on the Express app: pino-http writes one JSON line per
 * request with its id, and the latency histogram is labelled with the declared route pattern that
 * the endpoint adapter leaves in `res.locals.routePattern` (raw paths would make one series per id).
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type express from "express";
import { pinoHttp } from "pino-http";
import { logFor } from "./log.ts";
import { httpDuration } from "./metrics.ts";

export const REQUEST_ID_HEADER = "X-Request-Id";
/** An incoming id is honoured only when it is short and plain (it ends up in every log line). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the caller's (a load balancer's) X-Request-Id when sane, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** What the latency histogram calls a request that no declared route answered. */
export const UNROUTED = "unrouted";

export function requestObservability(): express.RequestHandler[] {
  const logRequest = pinoHttp({
    logger: logFor("http"),
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    // The cookie and authorization headers never reach the logs.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  const timeRequest: express.RequestHandler = (req, res, next) => {
    const stop = httpDuration.startTimer();
    res.once("finish", () => {
      const route = typeof res.locals.routePattern === "string" ? res.locals.routePattern : UNROUTED;
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return [(req, res, next) => logRequest(req as IncomingMessage, res as ServerResponse, next), timeRequest];
}
