/**
 * The adapter between the shared endpoint declarations (shared/api/) and Express: one place that
 * resolves the caller, parses every part of the request with the declared schemas, applies the
 * declared access rule (server/accounts/guards.ts), and sends the answer, checked against the
 * declared answer and refusal schemas outside production. A route file only writes handlers:
 *
 * ```ts
 * route(api.drops.getDrop, { handle: ({ params }) => getDrop(database, params.dropId, clock) })
 * ```
 */
import express, { type Request, type Response } from "express";
import type { z } from "zod";
import {
  type AnswerIn,
  type BodyOut,
  type EndpointSpec,
  type HeadersOut,
  isSchemaAnswer,
  NO_CONTENT,
  type ParamsOf,
  type QueryOut,
  successStatus,
} from "../../shared/api/endpoint.ts";
import type { SessionUser } from "../../shared/auth.ts";
import { summarizeIssues } from "../../shared/errors.ts";
import { applyAccessRule, currentUser, requireUser } from "../accounts/guards.ts";
import type { DbLike } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import { resolveBrand } from "./brandOf.ts";
import { parseBody, parseHeaders, parseParams, parseQuery } from "./requestParts.ts";

/** What a handler is given: the parsed request, the caller and the brand its access rule named. */
export type RouteContext<E extends EndpointSpec> = {
  params: ParamsOf<E>;
  query: QueryOut<E>;
  headers: HeadersOut<E>;
  body: BodyOut<E>;
  /** The signed-in caller; null on `anyone` routes (which never look the session up). */
  user: E["access"] extends { kind: "anyone" } ? null : SessionUser;
  /** The brand a brandStaff rule was checked against (null: platform-wide, or no such rule). */
  brandId: string | null;
  req: Request;
  res: Response;
};

/** An answer with a status other than the declared one (e.g. 200 instead of 201 for a replay). */
export class Reply<T> {
  readonly status: number;
  readonly body: T;
  constructor(status: number, body: T) {
    this.status = status;
    this.body = body;
  }
}

/** Answers `body` with `status` instead of the endpoint's success status. */
export function reply<T>(status: number, body: T): Reply<T> {
  return new Reply(status, body);
}

type Awaitable<T> = T | Promise<T>;

export type RouteImpl<E extends EndpointSpec> = {
  /**
   * Runs once the caller is let in, before headers and body are parsed: limiters (so that a
   * malformed request still counts), and refusals that must name keys a strict schema would reject.
   */
  before?: (ctx: Omit<RouteContext<E>, "headers" | "body">) => Awaitable<void>;
  /** The answer (JSON endpoints), nothing (204, or a file the handler sent itself), or a Reply. */
  handle: (ctx: RouteContext<E>) => Awaitable<AnswerIn<E> | Reply<AnswerIn<E>>>;
};

type LooseContext = RouteContext<EndpointSpec> & { user: SessionUser | null };
type LooseImpl = {
  before?: (ctx: LooseContext) => Awaitable<void>;
  handle: (ctx: LooseContext) => Awaitable<unknown>;
};

/** An endpoint and its handler, ready to mount. */
export type Route = { endpoint: EndpointSpec; impl: LooseImpl };

/** Pairs a declared endpoint with its handler (typed by the declaration). */
export function route<E extends EndpointSpec>(endpoint: E, impl: RouteImpl<E>): Route {
  return { endpoint, impl: impl as unknown as LooseImpl };
}

export type EndpointRouterOptions = {
  database: DbLike;
  /** Where the router is mounted (`/api`), stripped from the declared paths; "" at the root. */
  mountedAt: string;
  /** Check every answer and declared refusal against its schema (a mismatch is a 500). */
  checkAnswers?: boolean;
};

/** Outside production every answer is checked against its declaration. */
export const CHECK_ANSWERS_BY_DEFAULT = process.env.NODE_ENV !== "production";

/** An Express router serving the routes, each at its declared method and path. */
export function endpointRouter(routes: readonly Route[], options: EndpointRouterOptions): express.Router {
  const router = express.Router();
  const check = options.checkAnswers ?? CHECK_ANSWERS_BY_DEFAULT;
  for (const { endpoint, impl } of routes) {
    if (!endpoint.path.startsWith(`${options.mountedAt}/`)) {
      throw new Error(`${endpoint.id} (${endpoint.path}) cannot be mounted under ${options.mountedAt}`);
    }
    const localPath = endpoint.path.slice(options.mountedAt.length);
    const method = endpoint.method.toLowerCase() as "get" | "post" | "put" | "patch" | "delete";
    router[method](localPath, async (req, res) => {
      res.locals.routePattern = endpoint.path; // the latency histogram's label
      try {
        await serve(endpoint, impl, options.database, req, res, check);
      } catch (error) {
        if (check) checkRefusal(endpoint, error);
        throw error;
      }
    });
  }
  return router;
}

async function serve(
  endpoint: EndpointSpec,
  impl: LooseImpl,
  database: DbLike,
  req: Request,
  res: Response,
  check: boolean,
): Promise<void> {
  if (isSchemaAnswer(endpoint.answer) || endpoint.answer === NO_CONTENT) {
    res.setHeader("Cache-Control", endpoint.cache ?? "no-store");
  }
  const rule = endpoint.access;
  // Who is asking comes first: a guest learns nothing about the address before signing in.
  const user = rule.kind === "anyone" ? null : requireUser(await currentUser(database, req));
  const params = parseParams(endpoint, req);
  const query = parseQuery(endpoint, req);
  const brandFromBody = rule.kind === "brandStaff" && rule.brand.in === "body";
  let body = brandFromBody ? parseBody(endpoint.body, req) : undefined;
  const brandId =
    rule.kind === "brandStaff" ? await resolveBrand(database, rule.brand, { params, query, body }) : null;
  applyAccessRule(rule, user, brandId);
  const ctx = { params, query, user, brandId, req, res } as LooseContext;
  await impl.before?.(ctx);
  ctx.headers = parseHeaders(endpoint, req) as LooseContext["headers"];
  if (!brandFromBody) body = parseBody(endpoint.body, req);
  ctx.body = body as LooseContext["body"];
  const result = await impl.handle(ctx);
  send(endpoint, result, res, check);
}

function send(endpoint: EndpointSpec, result: unknown, res: Response, check: boolean): void {
  if (!isSchemaAnswer(endpoint.answer)) {
    if (endpoint.answer === NO_CONTENT) res.status(204).end();
    // A file answer was sent by the handler itself.
    return;
  }
  const { status, body } =
    result instanceof Reply ? result : { status: successStatus(endpoint), body: result as unknown };
  if (check) checkAgainst(endpoint.answer, body, `${endpoint.id} answered outside its declaration`);
  res.status(status).json(body);
}

/** Compares what goes on the wire (after JSON) with a schema. @throws Error when it does not match. */
function checkAgainst(schema: z.ZodType, value: unknown, what: string): void {
  const onTheWire = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  const result = schema.safeParse(onTheWire);
  if (!result.success) throw new Error(`${what}: ${summarizeIssues(result.error)}`);
}

/** A declared refusal whose details break their schema is a bug: it fails loudly outside production. */
function checkRefusal(endpoint: EndpointSpec, error: unknown): void {
  if (!(error instanceof DomainError)) return;
  const schema = endpoint.refusals?.[error.code];
  if (schema)
    checkAgainst(schema, error.details, `${endpoint.id} refused (${error.code}) outside its declaration`);
}
