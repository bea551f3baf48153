/**
 * The one parser of each part of a request, by the endpoint's declared schemas: path parameters,
 * query, headers and JSON body. Each refusal says what to send instead.
 */
import type { Request } from "express";
import { z } from "zod";
import { type BodySpec, type EndpointSpec, MULTIPART, paramSchemas } from "../../shared/api/endpoint.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { findUnsafeText } from "../../shared/text.ts";
import { DomainError } from "../errors.ts";

/**
 * The net under every field schema (shared/text.ts): no string or key anywhere in a body may hold
 * NUL or a lone surrogate, and no body nests deeper than MAX_JSON_DEPTH.
 * @throws ZodError (400 `validation_failed`) naming where.
 */
export function refuseUnsafeText(value: unknown): void {
  const unsafe = findUnsafeText(value);
  if (!unsafe) return;
  // A ZodError, as for any body that breaks its schema: the error middleware answers 400
  // `validation_failed` with FieldIssue[] (an endpoint's declared validation details are its own).
  const path = unsafe.path === "(root)" ? [] : unsafe.path.split(".");
  throw new z.ZodError([{ code: "custom", path, message: unsafe.message, input: undefined }]);
}

/** The path parameters. @throws DomainError 400 naming the first one that does not parse. */
export function parseParams(spec: EndpointSpec, req: Request): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (const [name, schema] of Object.entries(paramSchemas(spec))) {
    const result = schema.safeParse(req.params[name]);
    if (!result.success) {
      throw new DomainError(ErrorCode.badRequest, `The address is missing a valid ${name}.`, { param: name });
    }
    parsed[name] = result.data;
  }
  return parsed;
}

/** The query string. @throws ZodError (400 `validation_failed`). */
export function parseQuery(spec: EndpointSpec, req: Request): unknown {
  return spec.query ? spec.query.parse(req.query) : undefined;
}

/** The declared headers. @throws DomainError 400 with the header's own message (its `.describe()`). */
export function parseHeaders(spec: EndpointSpec, req: Request): Record<string, unknown> | undefined {
  if (!spec.headers) return undefined;
  const parsed: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(spec.headers)) {
    const result = schema.safeParse(req.get(name));
    if (!result.success) {
      const message = schema.description ?? `Send a valid ${name} header.`;
      throw new DomainError(ErrorCode.badRequest, message, { header: name });
    }
    parsed[name] = result.data;
  }
  return parsed;
}

/**
 * The JSON body, parsed by the declared schema (multipart bodies are left to the handler).
 * @throws ZodError (400 `validation_failed`) when it does not match, or DomainError when there is
 * no JSON body at all, so that the answer says what to send instead.
 */
export function parseBody(body: BodySpec | undefined, req: Request): unknown {
  if (body === undefined || body === MULTIPART) return undefined;
  if (req.body === undefined) {
    if (!req.is("application/json")) {
      throw new DomainError(
        ErrorCode.badRequest,
        "Send the request body as JSON, with the header Content-Type: application/json.",
        undefined,
        415,
      );
    }
    throw new DomainError(ErrorCode.badRequest, "This request needs a JSON body.");
  }
  refuseUnsafeText(req.body);
  return (body as z.ZodType).parse(req.body);
}
