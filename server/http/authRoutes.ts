/** `/api/auth/*` (shared/api/auth.ts): sign up, sign in, sign out, and who is signed in. */
import type express from "express";
import type { Request, Response } from "express";
import { auth } from "../../shared/api/index.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { signIn, signOut, signUp } from "../accounts/authentication.ts";
import { AccountError } from "../accounts/errors.ts";
import {
  readSessionToken,
  SESSION_COOKIE_NAME,
  serializeClearedSessionCookie,
  serializeSessionCookie,
} from "../accounts/sessionCookie.ts";
import { deleteSession, type IssuedSession, resolveSession } from "../accounts/sessions.ts";
import { createSignInThrottle, DEFAULT_SIGN_IN_LIMITS } from "../accounts/signInThrottle.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { endpointRouter, route } from "./endpointRouter.ts";
import { type LimiterStore, memoryLimiterStore } from "./limiterStore.ts";
import { type AttemptLimits, createAttemptLimiter } from "./rateLimit.ts";

export type AuthRoutesDeps = {
  database: Database;
  config: Pick<Config, "SESSION_TTL_HOURS" | "COOKIE_SECURE">;
  limits: AttemptLimits;
  /** Where the limits count (Redis when scaled out); this process's memory when absent. */
  limiterStore?: LimiterStore;
};

/** The auth routes, to mount under `/api` after the JSON body parser. */
export function createAuthRoutes({ database, config, limits, limiterStore }: AuthRoutesDeps): express.Router {
  const cookie = { secure: config.COOKIE_SECURE };
  const policy = { sessionTtlHours: config.SESSION_TTL_HOURS };
  const store = limiterStore ?? memoryLimiterStore();
  const signUpLimiter = createAttemptLimiter("signup", limits, store);
  // Sign-in slows a guesser per email and address, and never locks the owner out (signInThrottle.ts).
  const signInThrottle = createSignInThrottle(store, {
    ...DEFAULT_SIGN_IN_LIMITS,
    attemptsPerAddressPerMinute: limits.perIpPerMinute,
  });

  /** Sets the new session cookie and ends the session the browser had before, if any. */
  async function startSession(req: Request, res: Response, session: IssuedSession): Promise<void> {
    const previous = readSessionToken(req.headers.cookie);
    if (previous) await deleteSession(database, previous);
    const maxAgeSeconds = (session.expiresAt.getTime() - Date.now()) / 1000;
    res.setHeader("Set-Cookie", serializeSessionCookie(session.token, maxAgeSeconds, cookie));
  }

  const routes = [
    route(auth.signUp, {
      before: ({ req, res }) => signUpLimiter.consumeIp(req, res),
      handle: async ({ body, req, res }) => {
        await signUpLimiter.consumeEmail(body.email, res);
        const { user, session } = await signUp(database, body, policy);
        await startSession(req, res, session);
        return { user };
      },
    }),
    route(auth.signIn, {
      before: ({ req, res }) => signInThrottle.admitAddress(req, res),
      handle: async ({ body, req, res }) => {
        await signInThrottle.admit(body.email, req, res);
        let signedIn: Awaited<ReturnType<typeof signIn>>;
        try {
          signedIn = await signIn(database, body, policy);
        } catch (error) {
          if (error instanceof AccountError && error.code === ErrorCode.invalidCredentials) {
            await signInThrottle.failed(body.email, req);
          }
          throw error;
        }
        await signInThrottle.succeeded(body.email, req);
        await startSession(req, res, signedIn.session);
        return { user: signedIn.user };
      },
    }),
    route(auth.signOut, {
      handle: async ({ req, res }) => {
        await signOut(database, readSessionToken(req.headers.cookie));
        res.setHeader("Set-Cookie", serializeClearedSessionCookie(cookie));
      },
    }),
    route(auth.me, {
      handle: async ({ req, res }) => {
        const token = readSessionToken(req.headers.cookie);
        const user = token ? await resolveSession(database, token) : null;
        // A cookie that no longer names a session is removed, so the browser stops sending it.
        if (req.headers.cookie?.includes(`${SESSION_COOKIE_NAME}=`) && !user) {
          res.setHeader("Set-Cookie", serializeClearedSessionCookie(cookie));
        }
        return { user };
      },
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
