/** Health, catalog and accounts: `/api/health`, `/api/catalog`, `/api/auth/*`. */
import { z } from "zod";
import { HealthResponse, MeResponse, SessionUser, SignInBody, SignUpBody } from "../auth.ts";
import { Catalog } from "../catalog.ts";
import { RateLimitedDetails } from "../errors.ts";
import { anyone } from "./access.ts";
import { endpoint, NO_CONTENT } from "./endpoint.ts";

/** The answer of a sign-up or sign-in: who is now signed in (the session cookie comes with it). */
export const SignedInAnswer = z.object({ user: SessionUser });
export type SignedInAnswer = z.infer<typeof SignedInAnswer>;

/** `details` of a 409 `email_taken`. */
export const EmailTakenDetails = z.object({ field: z.literal("email"), email: z.string() });

export const health = endpoint({
  id: "core.health",
  method: "GET",
  path: "/api/health",
  summary: "Liveness and what the process runs on, once ready",
  access: anyone,
  answer: HealthResponse,
});

export const catalog = endpoint({
  id: "core.catalog",
  method: "GET",
  path: "/api/catalog",
  summary: "Brands in avenue order with their published products",
  access: anyone,
  answer: Catalog,
  // The browser keeps it and revalidates with the ETag Express adds.
  cache: "no-cache",
});

export const signUp = endpoint({
  id: "auth.signUp",
  method: "POST",
  path: "/api/auth/signup",
  summary: "Create an account and sign in (sets the session cookie)",
  access: anyone,
  body: SignUpBody,
  answer: SignedInAnswer,
  status: 201,
  refusals: { email_taken: EmailTakenDetails, rate_limited: RateLimitedDetails },
});

/** `details` of the 403 a suspended account's owner gets when signing in with the right password. */
export const AccountSuspendedDetails = z.object({ reason: z.literal("account_suspended") });

export const signIn = endpoint({
  id: "auth.signIn",
  method: "POST",
  path: "/api/auth/signin",
  summary: "Sign in with email and password (sets the session cookie)",
  access: anyone,
  body: SignInBody,
  answer: SignedInAnswer,
  refusals: { rate_limited: RateLimitedDetails, forbidden: AccountSuspendedDetails },
});

export const signOut = endpoint({
  id: "auth.signOut",
  method: "POST",
  path: "/api/auth/signout",
  summary: "End the session (clears the cookie)",
  access: anyone,
  answer: NO_CONTENT,
});

export const me = endpoint({
  id: "auth.me",
  method: "GET",
  path: "/api/auth/me",
  summary: "Who is signed in, or null",
  access: anyone,
  answer: MeResponse,
});

export const authEndpoints = [health, catalog, signUp, signIn, signOut, me] as const;
