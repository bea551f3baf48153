/**
 * The smallest correct claim transaction, in raw SQL, as the floor the drops bench compares the real
 * claim path against: the idempotency key, the conditional per-account count, the conditional stock
 * decrement and the claim insert, with the count given back when the stock is gone. It stores no
 * answer, no audit and checks no window: whatever the real path adds costs something above it.
 */
import { sql } from "drizzle-orm";
import { type DbLike, drizzleOf } from "../server/db/database.ts";

export async function floorClaim(
  database: DbLike,
  dropId: string,
  userId: string,
  key: string,
  limit: number,
): Promise<boolean> {
  const rows = async (tx: ReturnType<typeof drizzleOf>, q: ReturnType<typeof sql>) =>
    ((await tx.execute(q)) as unknown as { rows: unknown[] }).rows;
  return drizzleOf(database).transaction(async (tx) => {
    const now = new Date().toISOString();
    const fresh = await rows(
      tx,
      sql`insert into drop_claim_requests (drop_id, user_id, idempotency_key, created_at)
        values (${dropId}, ${userId}, ${key}, ${now}::timestamptz) on conflict do nothing returning 1`,
    );
    if (fresh.length === 0) return false;
    const counted = await rows(
      tx,
      sql`insert into drop_accounts (drop_id, user_id, active) values (${dropId}, ${userId}, 1)
        on conflict (drop_id, user_id) do update set active = drop_accounts.active + 1
        where drop_accounts.active < ${limit} returning active`,
    );
    if (counted.length === 0) return false;
    const taken = await rows(
      tx,
      sql`update drops set remaining = remaining - 1 where id = ${dropId} and remaining > 0 returning remaining`,
    );
    if (taken.length === 0) {
      await tx.execute(
        sql`update drop_accounts set active = active - 1 where drop_id = ${dropId} and user_id = ${userId}`,
      );
      return false;
    }
    await tx.execute(
      sql`insert into drop_claims (id, drop_id, user_id, status, hold_expires_at, created_at)
        values (${crypto.randomUUID()}, ${dropId}, ${userId}, 'held', ${now}::timestamptz + interval '1 hour',
          ${now}::timestamptz)`,
    );
    return true;
  });
}
