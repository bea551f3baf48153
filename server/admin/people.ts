/**
 * People as admins run them: found by email or name, made admin or shopper, suspended (no sign-in,
 * every session ended, no chat) and let back, signed out everywhere. Every change is audited.
 */
import { and, desc, eq, gt, ilike, inArray, or, sql } from "drizzle-orm";
import type { AdminPerson } from "../../shared/admin.ts";
import type { GlobalRole } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandStaff, sessions, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { writeAdminAudit } from "./adminAudit.ts";

const PAGE = 50;

/** `%`, `_` and `\` typed by the admin are matched as themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

async function peopleViews(
  database: DbLike,
  rows: (typeof users.$inferSelect)[],
  now: Date,
): Promise<AdminPerson[]> {
  if (rows.length === 0) return [];
  const db = drizzleOf(database);
  const ids = rows.map((r) => r.id);
  const [roles, live] = await Promise.all([
    db.select().from(brandStaff).where(inArray(brandStaff.userId, ids)).orderBy(brandStaff.brandId),
    db
      .select({ userId: sessions.userId, count: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(inArray(sessions.userId, ids), gt(sessions.expiresAt, now)))
      .groupBy(sessions.userId),
  ]);
  const liveOf = new Map(live.map((l) => [l.userId, Number(l.count)]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    suspendedAt: r.suspendedAt?.toISOString() ?? null,
    suspendedReason: r.suspendedReason,
    chatMutedUntil: r.chatMutedUntil && r.chatMutedUntil > now ? r.chatMutedUntil.toISOString() : null,
    brandRoles: roles.filter((b) => b.userId === r.id).map((b) => ({ brandId: b.brandId, role: b.role })),
    activeSessions: liveOf.get(r.id) ?? 0,
  }));
}

/** People whose email or display name holds `q` (the newest accounts without it). */
export async function findPeople(
  database: DbLike,
  q: string | undefined,
  clock: Clock,
): Promise<AdminPerson[]> {
  const db = drizzleOf(database);
  const where = q
    ? or(ilike(users.email, likePattern(q)), ilike(users.displayName, likePattern(q)))
    : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), users.id)
    .limit(PAGE);
  return peopleViews(database, rows, clock.now());
}

export async function getPerson(database: DbLike, userId: string, clock: Clock): Promise<AdminPerson> {
  const [row] = await drizzleOf(database).select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw DomainError.notFound("person", userId);
  const [view] = await peopleViews(database, [row], clock.now());
  return view as AdminPerson;
}

async function requireExisting(database: DbLike, userId: string): Promise<typeof users.$inferSelect> {
  const [row] = await drizzleOf(database)
    .select()
    .from(users)
    .where(eq(users.id, userId))
    .limit(1)
    .for("update");
  if (!row) throw DomainError.notFound("person", userId);
  return row;
}

/** An admin acting on their own account would lock the platform out of its console. */
function refuseSelf(actorId: string, userId: string, what: string): void {
  if (actorId === userId)
    throw new DomainError(ErrorCode.conflict, `You cannot ${what} your own account; ask another admin.`, {
      reason: "own_account",
    });
}

export async function setPersonRole(
  database: DbLike,
  actorId: string,
  userId: string,
  role: GlobalRole,
  clock: Clock,
): Promise<AdminPerson> {
  if (role !== "admin") refuseSelf(actorId, userId, "take the admin role from");
  await drizzleOf(database).transaction(async (tx) => {
    const before = await requireExisting(tx, userId);
    if (before.role === role) return;
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await writeAdminAudit(tx, {
      kind: "role_changed",
      actorId,
      at: clock.now(),
      subjectUserId: userId,
      details: { from: before.role, to: role },
    });
  });
  return getPerson(database, userId, clock);
}

/** Ends every session of a person; returns how many there were. */
async function deleteSessionsOf(database: DbLike, userId: string): Promise<number> {
  const ended = await drizzleOf(database)
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/** Suspends a person: the account is marked, every session ends, and the chat refuses their lines. */
export async function suspendPerson(
  database: DbLike,
  actorId: string,
  userId: string,
  reason: string,
  clock: Clock,
  audit: { kind: "person_suspended" | "chat_author_suspended"; details?: Record<string, unknown> } = {
    kind: "person_suspended",
  },
): Promise<void> {
  refuseSelf(actorId, userId, "suspend");
  await drizzleOf(database).transaction(async (tx) => {
    const before = await requireExisting(tx, userId);
    const now = clock.now();
    if (!before.suspendedAt) {
      await tx.update(users).set({ suspendedAt: now, suspendedReason: reason }).where(eq(users.id, userId));
    }
    const ended = await deleteSessionsOf(tx, userId);
    await writeAdminAudit(tx, {
      kind: audit.kind,
      actorId,
      at: now,
      subjectUserId: userId,
      reason,
      details: { sessionsEnded: ended, alreadySuspended: before.suspendedAt !== null, ...audit.details },
    });
  });
}

export async function unsuspendPerson(
  database: DbLike,
  actorId: string,
  userId: string,
  clock: Clock,
): Promise<AdminPerson> {
  await drizzleOf(database).transaction(async (tx) => {
    const before = await requireExisting(tx, userId);
    if (!before.suspendedAt) return;
    await tx.update(users).set({ suspendedAt: null, suspendedReason: null }).where(eq(users.id, userId));
    await writeAdminAudit(tx, {
      kind: "person_unsuspended",
      actorId,
      at: clock.now(),
      subjectUserId: userId,
      details: { suspendedSince: before.suspendedAt.toISOString() },
    });
  });
  return getPerson(database, userId, clock);
}

/** Signs a person out everywhere. */
export async function endSessionsOf(
  database: DbLike,
  actorId: string,
  userId: string,
  clock: Clock,
): Promise<number> {
  return drizzleOf(database).transaction(async (tx) => {
    await requireExisting(tx, userId);
    const ended = await deleteSessionsOf(tx, userId);
    await writeAdminAudit(tx, {
      kind: "sessions_ended",
      actorId,
      at: clock.now(),
      subjectUserId: userId,
      details: { ended },
    });
    return ended;
  });
}

/** Mutes a person in the chat until `until`. */
export async function mutePerson(
  database: DbLike,
  actorId: string,
  userId: string,
  until: Date,
  clock: Clock,
  context: Record<string, unknown>,
): Promise<void> {
  await drizzleOf(database).transaction(async (tx) => {
    await requireExisting(tx, userId);
    await tx.update(users).set({ chatMutedUntil: until }).where(eq(users.id, userId));
    await writeAdminAudit(tx, {
      kind: "chat_author_muted",
      actorId,
      at: clock.now(),
      subjectUserId: userId,
      details: { until: until.toISOString(), ...context },
    });
  });
}
