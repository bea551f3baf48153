import { ErrorCode } from "../../shared/errors.ts";
import { DomainError } from "../errors.ts";

/** The codes an account operation can fail with; the HTTP layer maps each to a status. */
export type AccountErrorCode =
  | typeof ErrorCode.emailTaken
  | typeof ErrorCode.invalidCredentials
  | typeof ErrorCode.forbidden;

/** A refusal from the accounts domain: the general DomainError, with an account's codes only. */
export class AccountError extends DomainError {
  declare readonly code: AccountErrorCode;

  constructor(code: AccountErrorCode, message: string, details?: unknown) {
    super(code, message, details);
    this.name = "AccountError";
  }

  /** The same answer whether the email is unknown or the password wrong: it must not reveal which. */
  static invalidCredentials(): AccountError {
    return new AccountError(
      ErrorCode.invalidCredentials,
      "That email and password do not match an account. Check both and try again.",
    );
  }

  /** A suspended account's owner, with the right password: they are told, and not let in. */
  static suspended(): AccountError {
    return new AccountError(
      ErrorCode.forbidden,
      "This account is suspended. Write to the Vitrine team if you think this is a mistake.",
      { reason: "account_suspended" },
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
