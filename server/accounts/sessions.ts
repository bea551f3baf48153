/**
 * Sessions: created at sign-in, found again from the cookie on every request and WebSocket join,
 * deleted at sign-out or once expired.
 */
import { and, asc, eq, isNull, lte } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandStaff, sessions, users } from "../db/schema.ts";
import { readSessionToken } from "./sessionCookie.ts";
import { createSessionToken, hashSessionToken, isWellFormedSessionToken } from "./sessionToken.ts";

/** A session just issued: the raw token goes into the cookie and is never stored. */
export type IssuedSession = { token: string; expiresAt: Date };

const HOUR_MS = 3_600_000;

/** Starts a session for a user, valid for `ttlHours`. */
export async function createSession(
  database: DbLike,
  userId: string,
  ttlHours: number,
): Promise<IssuedSession> {
  const db = drizzleOf(database);
  const token = createSessionToken();
  const expiresAt = new Date(Date.now() + ttlHours * HOUR_MS);
  await db.insert(sessions).values({ tokenHash: hashSessionToken(token), userId, expiresAt });
  return { token, expiresAt };
}

/**
 * The signed-in user behind a session token, or null when the token is unknown or expired.
 * An expired session found here is deleted. One indexed query in the common case.
 */
export async function resolveSession(database: DbLike, token: string): Promise<SessionUser | null> {
  const db = drizzleOf(database);
  if (!isWellFormedSessionToken(token)) return null;
  const tokenHash = hashSessionToken(token);
  // One round trip: the session, its user, and the user's brand roles (one row per role).
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      expiresAt: sessions.expiresAt,
      brandId: brandStaff.brandId,
      brandRole: brandStaff.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(brandStaff, eq(brandStaff.userId, users.id))
    // A suspended person's sessions are deleted when suspended; this keeps one made meanwhile out too.
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(users.suspendedAt)))
    .orderBy(asc(brandStaff.brandId));
  const first = rows[0];
  if (!first) return null;
  if (first.expiresAt.getTime() <= Date.now()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  return {
    id: first.id,
    email: first.email,
    displayName: first.displayName,
    role: first.role,
    brandRoles: rows.flatMap((r) =>
      r.brandId && r.brandRole ? [{ brandId: r.brandId, role: r.brandRole }] : [],
    ),
  };
}

/**
 * The signed-in user named by the `vitrine_session` cookie in a raw Cookie header (an HTTP request's
 * or a WebSocket upgrade's), or null. Garbage, missing or oversized headers give null without a
 * query; it only throws when the database itself fails.
 */
export async function resolveSessionFromCookieHeader(
  database: DbLike,
  cookieHeader: string | undefined,
): Promise<SessionUser | null> {
  const db = drizzleOf(database);
  const token = readSessionToken(cookieHeader);
  return token ? resolveSession(db, token) : null;
}

/** Ends the session of this token, if any. */
export async function deleteSession(database: DbLike, token: string): Promise<void> {
  const db = drizzleOf(database);
  if (!isWellFormedSessionToken(token)) return;
  await db.delete(sessions).where(eq(sessions.tokenHash, hashSessionToken(token)));
}

/** Deletes one user's expired sessions; run at sign-in so sessions do not pile up. */
export async function deleteExpiredSessionsOfUser(database: DbLike, userId: string): Promise<void> {
  const db = drizzleOf(database);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lte(sessions.expiresAt, new Date())));
}

/** Deletes every expired session; returns how many. Cheap (indexed); schedule it now and then. */
export async function purgeExpiredSessions(database: DbLike): Promise<number> {
  const db = drizzleOf(database);
  const deleted = await db
    .delete(sessions)
    .where(lte(sessions.expiresAt, new Date()))
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}
