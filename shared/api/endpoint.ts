/**
 * The shape of an HTTP endpoint declaration. Every endpoint of the API is declared once, in
 * shared/api/<domain>.ts, with this helper; the server mounts it through server/http/endpointRouter.ts
 * and the client calls it through client/net/api.ts, both with the same schemas.
 */
import { z } from "zod";
import type { ErrorCode } from "../errors.ts";
import type { AccessRule } from "./access.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** An answer without a body (204). */
export const NO_CONTENT = { kind: "noContent" } as const;
/** An answer that is a file (an attachment or a blob), not JSON; the handler sends it. */
export type FileAnswer = { kind: "file"; contentType: string };
/** Declares a file answer of a content type. */
export function fileAnswer(contentType: string): FileAnswer {
  return { kind: "file", contentType };
}
export type AnswerSpec = z.ZodType | typeof NO_CONTENT | FileAnswer;

/** A multipart/form-data body, read as a stream by the handler (model uploads). */
export const MULTIPART = { kind: "multipart" } as const;
export type BodySpec = z.ZodType | typeof MULTIPART;

/** One path segment as routes accept it: present and of sane length. */
export const PathSegment = z.string().min(1).max(100).describe("a path parameter of 1 to 100 characters");

export type EndpointSpec = {
  /** Stable name, `<domain>.<action>`: how tests and logs name the endpoint. */
  id: string;
  method: Method;
  /** Full path with `:name` parameters, e.g. `/api/drops/:dropId/claims`. */
  path: string;
  /** One line for people: what it does. */
  summary: string;
  access: AccessRule;
  /** Schemas of path parameters that need more than PathSegment (the default for every `:name`). */
  params?: Record<string, z.ZodType<string, string>>;
  query?: z.ZodObject;
  /** Request headers by name; `.describe()` on a schema is the message of its 400. */
  headers?: Record<string, z.ZodType>;
  body?: BodySpec;
  answer: AnswerSpec;
  /** Status of a success (200 unless said; 204 for NO_CONTENT). */
  status?: number;
  /** `details` schema of each refusal this endpoint names, by error code. */
  refusals?: Partial<Record<ErrorCode, z.ZodType>>;
  /** Cache-Control of its answers; `no-store` unless said. */
  cache?: string;
};

/** Declares an endpoint, keeping its literal types (path, access, schemas) for both sides. */
export function endpoint<const S extends EndpointSpec>(spec: S): S {
  return spec;
}

/** The `:name` parameters of a path, as a union of names. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** Path parameters of an endpoint (always strings on the wire). */
export type ParamsOf<E extends EndpointSpec> = Record<PathParamNames<E["path"]>, string>;
export type QueryIn<E extends EndpointSpec> = E["query"] extends z.ZodType ? z.input<E["query"]> : undefined;
export type QueryOut<E extends EndpointSpec> = E["query"] extends z.ZodType
  ? z.output<E["query"]>
  : undefined;
export type BodyIn<E extends EndpointSpec> = E["body"] extends z.ZodType ? z.input<E["body"]> : undefined;
export type BodyOut<E extends EndpointSpec> = E["body"] extends z.ZodType ? z.output<E["body"]> : undefined;
export type HeadersIn<E extends EndpointSpec> =
  E["headers"] extends Record<string, z.ZodType>
    ? { [K in keyof E["headers"]]: z.input<E["headers"][K]> }
    : undefined;
export type HeadersOut<E extends EndpointSpec> =
  E["headers"] extends Record<string, z.ZodType>
    ? { [K in keyof E["headers"]]: z.output<E["headers"][K]> }
    : undefined;
/** What the server hands back (before serialization) and what the client gets (parsed). */
// biome-ignore lint/suspicious/noConfusingVoidType: a 204 or file handler returns nothing
export type AnswerIn<E extends EndpointSpec> = E["answer"] extends z.ZodType ? z.input<E["answer"]> : void;
// biome-ignore lint/suspicious/noConfusingVoidType: the call of a 204 or file endpoint resolves to nothing
export type AnswerOut<E extends EndpointSpec> = E["answer"] extends z.ZodType ? z.output<E["answer"]> : void;

/** The names of the `:name` parameters of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string);
}

/** The schema of each path parameter of an endpoint (its own, or PathSegment). */
export function paramSchemas(spec: EndpointSpec): Record<string, z.ZodType<string, string>> {
  return Object.fromEntries(pathParamNames(spec.path).map((n) => [n, spec.params?.[n] ?? PathSegment]));
}

/** The path of an endpoint with its parameters filled in (each one URL-encoded). */
export function buildPath(spec: EndpointSpec, params: Record<string, string> = {}): string {
  return spec.path.replaceAll(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${spec.id} needs the path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The success status of an endpoint. */
export function successStatus(spec: EndpointSpec): number {
  return spec.status ?? (spec.answer === NO_CONTENT ? 204 : 200);
}

/** True when the answer is JSON described by a schema (not a file, not 204). */
export function isSchemaAnswer(answer: AnswerSpec): answer is z.ZodType {
  return answer instanceof z.ZodType;
}
