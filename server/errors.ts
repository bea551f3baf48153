import { ErrorCode } from "../shared/errors.ts";

/**
 * The one error every server domain (accounts, passes, drops, collectibles, models, host) and the
 * HTTP layer refuse with: an `ErrorCode`, a message for the person who asked, and `details`
 * (`reason` names the precise cause, e.g. `sold_out`). It says nothing about HTTP: the error
 * middleware (server/http/errors.ts) answers it with STATUS_BY_CODE[code], unless `status` says
 * otherwise (e.g. 415 for a body that is not JSON, 413/415/422 for a refused model).
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The HTTP status when the code's usual one does not fit. */
  readonly status: number | undefined;

  constructor(code: ErrorCode, message: string, details?: unknown, status?: number) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
    this.status = status;
  }

  /** "There is no drop d-1." with details `{ reason: "drop_not_found", id }`. */
  static notFound(what: string, id: string): DomainError {
    return new DomainError(ErrorCode.notFound, `There is no ${what} ${id}.`, {
      reason: `${what}_not_found`,
      id,
    });
  }
}
