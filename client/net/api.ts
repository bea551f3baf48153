import type { z } from "zod";
import { ApiErrorBody } from "../../shared/errors.ts";

/** An API error as the server described it. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * Calls our own API and validates the answer with the shared schema; extra headers (such as
 * `Idempotency-Key`) go with the request. A non-JSON answer is an ApiError, never a parse crash.
 */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<z.infer<S>> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    credentials: "same-origin",
    headers: {
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError(response.status, "http_error", `The server answered ${response.status}.`);
  }
  if (!response.ok) {
    const parsed = ApiErrorBody.safeParse(json);
    if (parsed.success) {
      const e = parsed.data.error;
      throw new ApiError(response.status, e.code, e.message, e.details);
    }
    throw new ApiError(response.status, "http_error", `The server answered ${response.status}.`);
  }
  return schema.parse(json);
}
