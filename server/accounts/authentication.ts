/** Signing up, in and out. Inputs arrive already validated by the shared zod schemas. */
import { eq } from "drizzle-orm";
import type { SessionUser, SignInBody, SignUpBody } from "../../shared/auth.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandStaff, users } from "../db/schema.ts";
import { insertAccount } from "./accounts.ts";
import { AccountError } from "./errors.ts";
import { requireAcceptablePassword } from "./passwordPolicy.ts";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./passwords.ts";
import { createSession, deleteExpiredSessionsOfUser, deleteSession, type IssuedSession } from "./sessions.ts";

/** A person just signed in: who they are, and the session to put in their cookie. */
export type SignedIn = { user: SessionUser; session: IssuedSession };

export type SessionPolicy = {
  /** How long a new session lasts (config SESSION_TTL_HOURS). */
  sessionTtlHours: number;
};

/**
 * Creates a shopper account and signs it in.
 * @throws AccountError `email_taken` when the (lowercased) email already has an account.
 */
export async function signUp(database: DbLike, input: SignUpBody, policy: SessionPolicy): Promise<SignedIn> {
  const db = drizzleOf(database);
  const email = input.email.toLowerCase();
  await requireAcceptablePassword(input.password, { email, displayName: input.displayName });
  const passwordHash = await hashPassword(input.password);
  const user = await insertAccount(db, {
    email,
    passwordHash,
    displayName: input.displayName,
    role: "shopper",
  });
  if (!user) throw AccountError.emailTaken(email);
  const session = await createSession(db, user.id, policy.sessionTtlHours);
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, brandRoles: [] },
    session,
  };
}

/**
 * Checks an email and password and starts a session.
 * @throws AccountError `invalid_credentials`, the same error and about the same time whether the
 * email is unknown or the password wrong.
 */
export async function signIn(database: DbLike, input: SignInBody, policy: SessionPolicy): Promise<SignedIn> {
  const db = drizzleOf(database);
  const email = input.email.toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user) {
    await verifyAgainstDummy(input.password);
    throw AccountError.invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw AccountError.invalidCredentials();
  // Said only to whoever knows the password: the suspension is no secret from its owner.
  if (user.suspendedAt) throw AccountError.suspended();

  if (needsRehash(user.passwordHash)) {
    // The policy changed since this hash was made; the plain password is at hand only now.
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(input.password) })
      .where(eq(users.id, user.id));
  }
  await deleteExpiredSessionsOfUser(db, user.id);
  const session = await createSession(db, user.id, policy.sessionTtlHours);
  const brandRoles = await db
    .select({ brandId: brandStaff.brandId, role: brandStaff.role })
    .from(brandStaff)
    .where(eq(brandStaff.userId, user.id))
    .orderBy(brandStaff.brandId);
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, brandRoles },
    session,
  };
}

/** Ends the session of this token; a missing or unknown token is not an error. */
export async function signOut(database: DbLike, token: string | null): Promise<void> {
  const db = drizzleOf(database);
  if (token) await deleteSession(db, token);
}
