import { ErrorCode } from "../../shared/errors.ts";

/** The codes an account operation can fail with; the HTTP layer maps each to a status. */
export type AccountErrorCode = typeof ErrorCode.emailTaken | typeof ErrorCode.invalidCredentials;

/**
 * A refusal from the accounts domain: a code from `ErrorCode`, a message written for the person
 * who asked, and optional details. It says nothing about HTTP.
 */
export class AccountError extends Error {
  readonly code: AccountErrorCode;
  readonly details: unknown;

  constructor(code: AccountErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AccountError";
    this.code = code;
    this.details = details;
  }

  /** The same answer whether the email is unknown or the password wrong: it must not reveal which. */
  static invalidCredentials(): AccountError {
    return new AccountError(
      ErrorCode.invalidCredentials,
      "That email and password do not match an account. Check both and try again.",
    );
  }

  static emailTaken(email: string): AccountError {
    return new AccountError(
      ErrorCode.emailTaken,
      "An account already uses this email address. Sign in instead, or use another address.",
      { field: "email", email },
    );
  }
}
