/**
 * Hold expiry: a held unit whose time is up goes back into stock and back into the account's
 * allowance. Lock order matches claims (account rows, then drop rows), so the two never deadlock.
 */
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, dropAccounts, dropClaims, drops } from "../db/schema.ts";
import type { Clock } from "./clock.ts";

/**
 * Ends every hold whose time is up and puts its unit back into stock (and back into the account's
 * allowance). Safe to run from several processes at once; run it on a timer and at start-up.
 * @returns how many holds expired.
 */
export async function expireHolds(database: DbLike, clock: Clock, batchSize = 500): Promise<number> {
  return (await expireHoldsOfDrops(database, clock, batchSize)).expired;
}

/**
 * expireHolds, also saying which drops got units back, so their live rooms can be told.
 * @returns how many holds expired and the ids of the drops whose stock went up.
 */
export async function expireHoldsOfDrops(
  database: DbLike,
  clock: Clock,
  batchSize = 500,
): Promise<{ expired: number; dropIds: string[] }> {
  const db = drizzleOf(database);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const due = tx
      .select({ id: dropClaims.id })
      .from(dropClaims)
      .where(and(eq(dropClaims.status, "held"), lte(dropClaims.holdExpiresAt, now)))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    const expired = await tx
      .update(dropClaims)
      .set({ status: "expired", expiredAt: now })
      .where(and(inArray(dropClaims.id, due), eq(dropClaims.status, "held")))
      .returning({ id: dropClaims.id, dropId: dropClaims.dropId, userId: dropClaims.userId });
    if (expired.length === 0) return { expired: 0, dropIds: [] };
    const perAccount = new Map<string, { dropId: string; userId: string; n: number }>();
    const perDrop = new Map<string, number>();
    for (const c of expired) {
      const key = `${c.dropId}\u0000${c.userId}`;
      const entry = perAccount.get(key) ?? { dropId: c.dropId, userId: c.userId, n: 0 };
      entry.n += 1;
      perAccount.set(key, entry);
      perDrop.set(c.dropId, (perDrop.get(c.dropId) ?? 0) + 1);
    }
    // Same lock order as claims: account rows (sorted), then drop rows (sorted).
    for (const [, a] of [...perAccount].sort(([x], [y]) => (x < y ? -1 : 1))) {
      await tx
        .update(dropAccounts)
        .set({ active: sql`${dropAccounts.active} - ${a.n}` })
        .where(and(eq(dropAccounts.dropId, a.dropId), eq(dropAccounts.userId, a.userId)));
    }
    for (const [dropId, n] of [...perDrop].sort(([x], [y]) => (x < y ? -1 : 1))) {
      await tx
        .update(drops)
        .set({ remaining: sql`${drops.remaining} + ${n}` })
        .where(eq(drops.id, dropId));
    }
    await tx.insert(auditEvents).values(
      expired.map((c) => ({
        at: now,
        kind: "expiry" as const,
        subjectUserId: c.userId,
        dropId: c.dropId,
        claimId: c.id,
      })),
    );
    return { expired: expired.length, dropIds: [...perDrop.keys()] };
  });
}
