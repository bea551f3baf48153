/**
 * A small client of Janus' HTTP API (the REST transport), for Vitrine's servers: sessions, plugin
 * handles, synchronous plugin requests and asynchronous ones answered through the long poll. Every
 * answer is validated (janusAnswers.ts); every failure becomes a MediaError saying what went wrong.
 *
 * Each operation opens its own short session and destroys it after (`withSession`), so no keepalive
 * is needed and any Vitrine process can manage any room: room state lives in Janus, secrets are
 * derived (stageRooms.ts).
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { MediaErrorCode } from "../../shared/media.ts";
import {
  JanusAck,
  JanusCoreError,
  JanusCreated,
  JanusEvent,
  JanusInfo,
  JanusPluginSuccess,
  JanusSuccess,
  PluginRefusal,
} from "./janusAnswers.ts";
import { MediaError } from "./mediaError.ts";

/** How this client proves itself: the API secret (servers) or a signed token (what a browser holds). */
export type JanusCredentials = { apiSecret?: string; token?: string };

/** Where Janus is and how to authenticate. `baseUrl` is the HTTP API, e.g. http://127.0.0.1:8088/janus. */
export type JanusEndpoint = { baseUrl: string; credentials: JanusCredentials; timeoutMs?: number };

/** A plugin handle inside a session. */
export type JanusHandle = {
  id: number;
  /** A synchronous plugin request (create, destroy, allowed, listparticipants, ...): its data. */
  request(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** An asynchronous plugin request (join, ...): waits for the event answering it. */
  send(body: Record<string, unknown>): Promise<JanusEvent>;
};

/** A Janus session: attach plugin handles to it. */
export type JanusSession = { id: number; attach(plugin: string): Promise<JanusHandle> };

const DEFAULT_TIMEOUT_MS = 5_000;
/** Janus holds a long poll open up to 30 s; wait a little longer than that for an async answer. */
const ASYNC_ANSWER_TIMEOUT_MS = 35_000;

async function call<S extends z.ZodType>(
  endpoint: JanusEndpoint,
  path: string,
  body: Record<string, unknown> | null,
  schema: S,
  timeoutMs = endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS,
): Promise<z.infer<S>> {
  const auth: Record<string, string> = {};
  if (endpoint.credentials.apiSecret) auth.apisecret = endpoint.credentials.apiSecret;
  if (endpoint.credentials.token) auth.token = endpoint.credentials.token;
  let url = `${endpoint.baseUrl.replace(/\/$/, "")}${path}`;
  if (!body) url += `${url.includes("?") ? "&" : "?"}${new URLSearchParams(auth)}`;
  let answer: unknown;
  try {
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify({ ...body, ...auth }) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    answer = await res.json();
  } catch (error) {
    throw new MediaError(MediaErrorCode.unreachable, `Janus at ${endpoint.baseUrl} did not answer.`, {
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  const refusal = JanusCoreError.safeParse(answer);
  if (refusal.success) {
    throw new MediaError(MediaErrorCode.refused, `Janus refused the request: ${refusal.data.error.reason}`, {
      janusCode: refusal.data.error.code,
      janusReason: refusal.data.error.reason,
    });
  }
  const parsed = schema.safeParse(answer);
  if (!parsed.success) {
    throw new MediaError(
      MediaErrorCode.invalidAnswer,
      "Janus answered in a form this server does not understand.",
      {
        answer,
      },
    );
  }
  return parsed.data;
}

/** Throws the plugin's own refusal (`error_code`, `error`) when its answer carries one. */
export function throwIfRefused(data: Record<string, unknown>): Record<string, unknown> {
  const refusal = PluginRefusal.safeParse(data);
  if (refusal.success) {
    throw new MediaError(MediaErrorCode.refused, `Janus refused the request: ${refusal.data.error}`, {
      janusCode: refusal.data.error_code,
      janusReason: refusal.data.error,
    });
  }
  return data;
}

/** GET <baseUrl>/info: whether Janus is up, its version and plugins. Needs no credentials. */
export function janusInfo(endpoint: JanusEndpoint): Promise<JanusInfo> {
  return call(endpoint, "/info", null, JanusInfo);
}

function handleIn(
  endpoint: JanusEndpoint,
  sessionId: number,
  handleId: number,
  pending: JanusEvent[],
): JanusHandle {
  const path = `/${sessionId}/${handleId}`;
  return {
    id: handleId,
    async request(body) {
      const answer = await call(
        endpoint,
        path,
        { janus: "message", transaction: randomUUID(), body },
        JanusPluginSuccess,
      );
      return throwIfRefused(answer.plugindata.data);
    },
    async send(body) {
      const transaction = randomUUID();
      await call(endpoint, path, { janus: "message", transaction, body }, JanusAck);
      const deadline = Date.now() + ASYNC_ANSWER_TIMEOUT_MS;
      for (;;) {
        const index = pending.findIndex((e) => e.transaction === transaction);
        if (index >= 0) {
          const [event] = pending.splice(index, 1);
          if (event?.plugindata) throwIfRefused(event.plugindata.data);
          if (event) return event;
        }
        if (Date.now() > deadline) {
          throw new MediaError(
            MediaErrorCode.unreachable,
            "Janus did not answer an asynchronous request in time.",
          );
        }
        const polled = await call(
          endpoint,
          `/${sessionId}?maxev=10`,
          null,
          JanusEvent.array().or(JanusEvent),
          ASYNC_ANSWER_TIMEOUT_MS,
        );
        pending.push(...(Array.isArray(polled) ? polled : [polled]).filter((e) => e.janus !== "keepalive"));
      }
    },
  };
}

/**
 * Opens a session, runs `work` with it, and destroys the session afterwards (also on failure), which
 * detaches its handles: a participant joined through it leaves the room then.
 */
export async function withSession<T>(
  endpoint: JanusEndpoint,
  work: (session: JanusSession) => Promise<T>,
): Promise<T> {
  const created = await call(endpoint, "", { janus: "create", transaction: randomUUID() }, JanusCreated);
  const sessionId = created.data.id;
  const pending: JanusEvent[] = [];
  const session: JanusSession = {
    id: sessionId,
    async attach(plugin) {
      const attached = await call(
        endpoint,
        `/${sessionId}`,
        { janus: "attach", plugin, transaction: randomUUID() },
        JanusCreated,
      );
      return handleIn(endpoint, sessionId, attached.data.id, pending);
    },
  };
  try {
    return await work(session);
  } finally {
    await call(
      endpoint,
      `/${sessionId}`,
      { janus: "destroy", transaction: randomUUID() },
      JanusSuccess,
    ).catch(() => {
      // The session times out on its own within a minute; nothing else to undo.
    });
  }
}
