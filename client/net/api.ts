/**
 * The one way the client calls our HTTP API: `callApi(declaration, { params, query, headers, body })`
 * with a declaration from shared/api/. It builds the path, sends the request with the session
 * cookie, and parses the answer with the declared schema; an error answer becomes an ApiError
 * (parsed with the shared error schema), and `declaredDetails` reads its details with the
 * endpoint's declared refusal schema.
 */
import type { z } from "zod";
import {
  type AnswerOut,
  type BodyIn,
  buildPath,
  type EndpointSpec,
  type HeadersIn,
  isSchemaAnswer,
  type PathParamNames,
  type QueryIn,
} from "../../shared/api/endpoint.ts";
import {
  ApiErrorBody,
  type ErrorCode,
  type FieldIssue,
  ValidationFailedDetails,
} from "../../shared/errors.ts";

/** An API error as the server described it (or `http_error` when the answer was not ours). */
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

type IfDeclared<T, Key extends string> = [T] extends [undefined] ? { [K in Key]?: never } : { [K in Key]: T };

/** What a call of an endpoint needs: exactly the parts its declaration has. */
export type CallInput<E extends EndpointSpec> = ([PathParamNames<E["path"]>] extends [never]
  ? { params?: never }
  : { params: Record<PathParamNames<E["path"]>, string> }) &
  IfDeclared<QueryIn<E>, "query"> &
  IfDeclared<HeadersIn<E>, "headers"> &
  IfDeclared<BodyIn<E>, "body"> & { signal?: AbortSignal };

type CallArgs<E extends EndpointSpec> =
  object extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

/** The URL of an endpoint with its parameters and query (also for links and XHR uploads). */
export function apiUrl(endpoint: EndpointSpec, params?: Record<string, string>, query?: object): string {
  const path = buildPath(endpoint, params);
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== null);
  return entries.length === 0
    ? path
    : `${path}?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}`;
}

/** Reads an answer's text as JSON, or null when it is empty or not JSON (a proxy's page). */
export function readJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

/** The ApiError of an error answer: ours when it has our shape, `http_error` otherwise. */
export function errorOf(status: number, json: unknown): ApiError {
  const parsed = ApiErrorBody.safeParse(json);
  if (!parsed.success) return new ApiError(status, "http_error", `The server answered ${status}.`);
  const e = parsed.data.error;
  return new ApiError(status, e.code, e.message, e.details);
}

/** Calls an endpoint; resolves with its answer parsed by the declared schema. @throws ApiError */
export async function callApi<E extends EndpointSpec>(
  endpoint: E,
  ...[input]: CallArgs<E>
): Promise<AnswerOut<E>> {
  const parts = (input ?? {}) as {
    params?: Record<string, string>;
    query?: object;
    headers?: object;
    body?: unknown;
    signal?: AbortSignal;
  };
  const response = await fetch(apiUrl(endpoint, parts.params, parts.query), {
    method: endpoint.method,
    credentials: "same-origin",
    headers: {
      ...(parts.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(parts.headers as Record<string, string> | undefined),
    },
    body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
    signal: parts.signal,
  });
  const json = readJson(await response.text());
  if (!response.ok) throw errorOf(response.status, json);
  if (!isSchemaAnswer(endpoint.answer)) return undefined as AnswerOut<E>;
  if (json === undefined)
    throw new ApiError(response.status, "http_error", `The server answered ${response.status}.`);
  return endpoint.answer.parse(json) as AnswerOut<E>;
}

/**
 * The details of an error answer read with the schema the endpoint declares for its code, or null
 * when it is another error (or its details do not match).
 */
export function declaredDetails<
  E extends EndpointSpec,
  C extends keyof NonNullable<E["refusals"]> & ErrorCode,
>(endpoint: E, code: C, error: unknown): z.output<NonNullable<NonNullable<E["refusals"]>[C]>> | null {
  if (!(error instanceof ApiError) || error.code !== code) return null;
  const schema = endpoint.refusals?.[code];
  const parsed = schema?.safeParse(error.details);
  return parsed?.success ? (parsed.data as z.output<NonNullable<NonNullable<E["refusals"]>[C]>>) : null;
}

/**
 * The per-field problems an error answer carries (the `details` of a 400 `validation_failed`, read
 * with the shared `ValidationFailedDetails`), or none for anything else.
 */
export function validationIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError)) return [];
  const parsed = ValidationFailedDetails.safeParse(error.details);
  return parsed.success ? parsed.data : [];
}
