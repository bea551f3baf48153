/** `/api/auth/*`: sign up, sign in, sign out, and who is signed in. */
import express, { type Request, type Response } from "express";
import { type MeResponse, type SessionUser, SignInBody, SignUpBody } from "../../shared/auth.ts";
import { signIn, signOut, signUp } from "../accounts/authentication.ts";
import {
  readSessionToken,
  SESSION_COOKIE_NAME,
  serializeClearedSessionCookie,
  serializeSessionCookie,
} from "../accounts/sessionCookie.ts";
import { deleteSession, type IssuedSession, resolveSession } from "../accounts/sessions.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { parseBody } from "./parseBody.ts";
import { type AttemptLimits, createAttemptLimiter } from "./rateLimits.ts";

export type AuthRoutesDeps = {
  database: Database;
  config: Pick<Config, "SESSION_TTL_HOURS" | "COOKIE_SECURE">;
  limits: AttemptLimits;
};

/** The auth routes, to mount under `/api/auth` after the JSON body parser. */
export function createAuthRoutes({ database, config, limits }: AuthRoutesDeps): express.Router {
  const router = express.Router();
  const cookie = { secure: config.COOKIE_SECURE };
  const policy = { sessionTtlHours: config.SESSION_TTL_HOURS };
  const signUpLimiter = createAttemptLimiter("signup", limits);
  const signInLimiter = createAttemptLimiter("signin", limits);

  // Answers about who is signed in must never be cached, by the browser or anything in between.
  router.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  /** Sets the new session cookie and ends the session the browser had before, if any. */
  async function startSession(req: Request, res: Response, session: IssuedSession): Promise<void> {
    const previous = readSessionToken(req.headers.cookie);
    if (previous) await deleteSession(database, previous);
    const maxAgeSeconds = (session.expiresAt.getTime() - Date.now()) / 1000;
    res.setHeader("Set-Cookie", serializeSessionCookie(session.token, maxAgeSeconds, cookie));
  }

  router.post("/signup", async (req, res) => {
    await signUpLimiter.consumeIp(req, res);
    const body = parseBody(SignUpBody, req);
    await signUpLimiter.consumeEmail(body.email, res);
    const { user, session } = await signUp(database, body, policy);
    await startSession(req, res, session);
    res.status(201).json({ user } satisfies { user: SessionUser });
  });

  router.post("/signin", async (req, res) => {
    await signInLimiter.consumeIp(req, res);
    const body = parseBody(SignInBody, req);
    await signInLimiter.consumeEmail(body.email, res);
    const { user, session } = await signIn(database, body, policy);
    await startSession(req, res, session);
    res.status(200).json({ user } satisfies { user: SessionUser });
  });

  router.post("/signout", async (req, res) => {
    await signOut(database, readSessionToken(req.headers.cookie));
    res.setHeader("Set-Cookie", serializeClearedSessionCookie(cookie));
    res.status(204).end();
  });

  router.get("/me", async (req, res) => {
    const token = readSessionToken(req.headers.cookie);
    const user = token ? await resolveSession(database, token) : null;
    // A cookie that no longer names a session is removed, so the browser stops sending it.
    if (req.headers.cookie?.includes(`${SESSION_COOKIE_NAME}=`) && !user) {
      res.setHeader("Set-Cookie", serializeClearedSessionCookie(cookie));
    }
    res.json({ user } satisfies MeResponse);
  });

  return router;
}
