import type { Request } from "express";
import type { z } from "zod";
import { ErrorCode } from "../../shared/errors.ts";
import { AppError } from "./errors.ts";

/**
 * The request's JSON body, parsed by a shared zod schema.
 * @throws ZodError (answered as 400 `validation_failed`) when the body does not match, or AppError
 * when there is no JSON body at all, so that the answer says what to send instead.
 */
export function parseBody<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  if (req.body === undefined) {
    if (!req.is("application/json")) {
      throw new AppError(
        415,
        ErrorCode.badRequest,
        "Send the request body as JSON, with the header Content-Type: application/json.",
      );
    }
    throw new AppError(400, ErrorCode.badRequest, "This request needs a JSON body.");
  }
  return schema.parse(req.body);
}
