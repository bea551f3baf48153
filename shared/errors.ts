import { z } from "zod";

/** Every error code an API answer or a room message can carry, in one place. */
export const ErrorCode = {
  badRequest: "bad_request",
  validation: "validation_failed",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  notFound: "not_found",
  conflict: "conflict",
  rateLimited: "rate_limited",
  payloadTooLarge: "payload_too_large",
  invalidCredentials: "invalid_credentials",
  emailTaken: "email_taken",
  invalidMessage: "invalid_message",
  outOfBounds: "out_of_bounds",
  shardFull: "shard_full",
  /** An uploaded 3D model was refused; `details.problems` says why (shared/models.ts). */
  modelRejected: "model_rejected",
  /** A host script (or a brand's host lines) was refused; `details.issues` lists every problem. */
  invalidHostScript: "invalid_host_script",
  /** A sale or transfer of a collectible was asked for: they have no price and stay with their owner. */
  collectibleNotTransferable: "collectible_not_transferable",
  internal: "internal_error",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The body of every API error: `{ error: { code, message, details } }`. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** One validation problem, as the server reports it: where and what. */
export const FieldIssue = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssue>;

/** `details` of a 400 `validation_failed`: every problem of the request, with its path. */
export const ValidationFailedDetails = z.array(FieldIssue);

/** `details` of a 429 `rate_limited` (the `Retry-After` header says the same in seconds). */
export const RateLimitedDetails = z.object({ retryAfterSeconds: z.number().int().positive() });

/** Turns zod issues into `{ path, message }` pairs a person can read. */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
}

/** A one-line summary of zod issues, e.g. `dirX: Invalid input: expected number`. */
export function summarizeIssues(error: z.ZodError): string {
  return describeIssues(error)
    .map((i) => `${i.path}: ${i.message}`)
    .join("; ");
}
