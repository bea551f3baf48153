/**
 * The one place where errors become HTTP answers: every error leaves as
 * `{ "error": { "code", "message", "details" } }` with a status that fits it.
 */
import type { ErrorRequestHandler, RequestHandler } from "express";
import { z } from "zod";
import { describeIssues, ErrorCode, summarizeIssues } from "../../shared/errors.ts";
import { DomainError } from "../errors.ts";
import { errorLogger } from "../observability/log.ts";

/**
 * Status for each error code that domain errors carry (DomainError, SeedFileError, …). Keyed by
 * every ErrorCode, so a new code does not compile until it has a status here.
 */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  invalid_credentials: 401,
  email_taken: 409,
  invalid_message: 400,
  out_of_bounds: 400,
  shard_full: 503,
  model_rejected: 422,
  invalid_host_script: 400,
  collectible_not_transferable: 403,
  internal_error: 500,
};

/** What an answer says about an error. */
export type DescribedError = { status: number; code: ErrorCode; message: string; details?: unknown };

const INTERNAL: DescribedError = {
  status: 500,
  code: ErrorCode.internal,
  message: "Something went wrong on our side. Please try again in a moment.",
};

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Another error carrying one of our codes (SeedFileError, HostScriptError; pg and Node errors have others). */
function isDomainError(error: unknown): error is Error & { code: ErrorCode; details?: unknown } {
  return (
    error instanceof Error && "code" in error && typeof error.code === "string" && KNOWN_CODES.has(error.code)
  );
}

/** Errors from body-parser and http-errors carry `type`, `status` and `expose`. */
type HttpLibraryError = Error & {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  limit?: number;
};

/** Maps any thrown value to the status, code, message and details of its answer. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof DomainError) {
    const status = error.status ?? STATUS_BY_CODE[error.code];
    return { status, code: error.code, message: error.message, details: error.details };
  }
  if (error instanceof z.ZodError) {
    return {
      status: 400,
      code: ErrorCode.validation,
      message: `Some fields need attention: ${summarizeIssues(error)}`,
      details: describeIssues(error),
    };
  }
  if (isDomainError(error)) {
    return {
      status: STATUS_BY_CODE[error.code],
      code: error.code,
      message: error.message,
      details: error.details,
    };
  }
  if (error instanceof Error) return describeHttpLibraryError(error as HttpLibraryError);
  return INTERNAL;
}

function describeHttpLibraryError(error: HttpLibraryError): DescribedError {
  switch (error.type) {
    case "entity.parse.failed":
      // Never echo the body back; the parser's own message says where it broke.
      return {
        status: 400,
        code: ErrorCode.badRequest,
        message: "The request body is not valid JSON. Check its syntax and send it again.",
        details: { reason: error.message },
      };
    case "entity.too.large":
      return {
        status: 413,
        code: ErrorCode.payloadTooLarge,
        message: `The request body is too large: send at most ${formatBytes(error.limit)}.`,
        details: { limitBytes: error.limit },
      };
    case "encoding.unsupported":
    case "charset.unsupported":
      return {
        status: 415,
        code: ErrorCode.badRequest,
        message: "Send the body as UTF-8 JSON, without an unsupported content encoding.",
      };
  }
  const status = error.status ?? error.statusCode;
  // Static files answer a missing file with an unexposed 404 (its message names a disk path).
  if (status === 404)
    return { status, code: ErrorCode.notFound, message: "There is nothing at this address." };
  if (error.expose && status !== undefined && status >= 400 && status < 500) {
    const code =
      status === 404 ? ErrorCode.notFound : status === 413 ? ErrorCode.payloadTooLarge : ErrorCode.badRequest;
    return { status, code, message: error.message };
  }
  return INTERNAL;
}

function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return "the allowed size";
  return bytes >= 1024 ? `${Math.floor(bytes / 1024)} KB` : `${bytes} bytes`;
}

export type ErrorMiddlewareOptions = {
  /** Where unexpected (5xx) errors are reported; the http component's logger by default. */
  logUnexpected?: (message: string, error: unknown) => void;
};

/** Builds the error middleware; see `errorMiddleware` for the default one. */
export function createErrorMiddleware(options: ErrorMiddlewareOptions = {}): ErrorRequestHandler {
  const log = options.logUnexpected ?? errorLogger("http");
  return (error, req, res, next) => {
    // Once the answer has started, only Express can end it (it closes the connection).
    if (res.headersSent) {
      next(error);
      return;
    }
    const described = describeError(error);
    if (described.status >= 500) log(`${req.method} ${req.originalUrl} failed`, error);
    res.status(described.status).json({
      error: { code: described.code, message: described.message, details: described.details },
    });
  };
}

/** Maps every error to the JSON error body; logs unexpected ones. */
export const errorMiddleware: ErrorRequestHandler = createErrorMiddleware();

/** Answers 404 JSON for any request that reached it: mount it after the last API route. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  const path = req.originalUrl.split("?")[0];
  next(new DomainError(ErrorCode.notFound, `There is no API endpoint ${req.method} ${path}.`));
};
