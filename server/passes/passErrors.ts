import { ErrorCode } from "../../shared/errors.ts";

/**
 * A refusal from the passes or drops domain: an `ErrorCode` (the HTTP layer maps it to a status
 * through STATUS_BY_CODE), a message for the person who asked, and details (`reason` names the
 * precise cause, e.g. `sold_out`). It says nothing about HTTP.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }

  static notFound(what: string, id: string): DomainError {
    return new DomainError(ErrorCode.notFound, `There is no ${what} ${id}.`, {
      reason: `${what}_not_found`,
      id,
    });
  }
}
