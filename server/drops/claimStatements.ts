/**
 * The SQL of a claim, folded into as few round trips as the rules allow. Each statement is one
 * chain of data-modifying CTEs whose later steps read the rows the earlier ones returned, so a step
 * runs only when the one before it succeeded, and PostgreSQL re-checks every conditional WHERE after
 * taking the row's lock. Lock order stays: request key → account row → drop row (claims.ts).
 */
import { sql } from "drizzle-orm";
import type { ClaimAnswer } from "../../shared/drops.ts";
import type { Db } from "../db/database.ts";
import { auditEvents, dropAccounts, dropClaimRequests, dropClaims, drops } from "../db/schema.ts";
import { soldOutAtWhenLast } from "./drops.ts";

export type ClaimKey = { dropId: string; userId: string; idempotencyKey: string };

/** Rows of a raw statement, on node-postgres and PGlite alike (both answer `{ rows }`). */
async function rowsOf<T>(tx: Db, statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}

const iso = (d: Date) => d.toISOString();

/**
 * Statement 1: records the request key and, only if the key is new, counts one more live unit for
 * the account unless it already holds `limit`. Answers whether the key was new and the account's
 * new count (null when the limit stopped it).
 */
export async function recordRequestAndCount(
  tx: Db,
  key: ClaimKey,
  limit: number,
  now: Date,
): Promise<{ fresh: boolean; active: number | null }> {
  const [row] = await rowsOf<{ fresh: number | string; active: number | null }>(
    tx,
    sql`with req as (
      insert into ${dropClaimRequests} (drop_id, user_id, idempotency_key, created_at)
      values (${key.dropId}, ${key.userId}, ${key.idempotencyKey}, ${iso(now)}::timestamptz)
      on conflict do nothing
      returning 1 as one
    ), acct as (
      insert into ${dropAccounts} (drop_id, user_id, active)
      select ${key.dropId}, ${key.userId}, 1 from req
      on conflict (drop_id, user_id) do update set active = ${dropAccounts.active} + 1
      where ${dropAccounts.active} < ${limit}
      returning active
    )
    select (select count(*) from req) as fresh, (select active from acct) as active`,
  );
  return { fresh: Number(row?.fresh ?? 0) > 0, active: row?.active ?? null };
}

/**
 * Statement 2: takes one unit of stock if any is left and, in the same statement, inserts the held
 * claim, its audit event and the request's stored answer. Answers the stock left, or null when the
 * drop sold out meanwhile (then nothing was written).
 */
export async function holdUnit(
  tx: Db,
  key: ClaimKey,
  held: Extract<ClaimAnswer, { outcome: "held" }>,
  audit: { early: boolean; passIds: string[] },
  now: Date,
): Promise<number | null> {
  const claim = held.claim;
  const [row] = await rowsOf<{ remaining: number }>(
    tx,
    sql`with taken as (
      update ${drops}
      set remaining = ${drops.remaining} - 1,
          sold_out_at = ${soldOutAtWhenLast(now)}
      where ${drops.id} = ${key.dropId} and ${drops.remaining} > 0
      returning remaining
    ), claim as (
      insert into ${dropClaims} (id, drop_id, user_id, status, hold_expires_at, created_at)
      select ${claim.id}, ${key.dropId}, ${key.userId}, 'held', ${claim.holdExpiresAt}::timestamptz,
        ${iso(now)}::timestamptz
      from taken
      returning id
    ), audit as (
      insert into ${auditEvents} (at, kind, subject_user_id, drop_id, claim_id, details)
      select ${iso(now)}::timestamptz, 'hold', ${key.userId}, ${key.dropId}, claim.id,
        jsonb_build_object('remaining', taken.remaining, 'early', ${audit.early}::boolean,
          'passIds', ${JSON.stringify(audit.passIds)}::jsonb)
      from taken, claim
    ), answered as (
      update ${dropClaimRequests} set answer = ${JSON.stringify(held)}::jsonb
      where drop_id = ${key.dropId} and user_id = ${key.userId}
        and idempotency_key = ${key.idempotencyKey} and exists (select 1 from claim)
    )
    select remaining from taken`,
  );
  return row ? Number(row.remaining) : null;
}

/**
 * Stores a refusal decided inside the transaction as the request's answer, with its audit event;
 * `releaseCount` gives back the live unit statement 1 counted (the drop sold out in between).
 */
export async function storeRefusal(
  tx: Db,
  key: ClaimKey,
  answer: ClaimAnswer & { outcome: "refused" },
  now: Date,
  releaseCount: boolean,
): Promise<void> {
  const release = releaseCount
    ? sql`, released as (
        update ${dropAccounts} set active = ${dropAccounts.active} - 1
        where drop_id = ${key.dropId} and user_id = ${key.userId}
      )`
    : sql``;
  await tx.execute(
    sql`with answered as (
      update ${dropClaimRequests} set answer = ${JSON.stringify(answer)}::jsonb
      where drop_id = ${key.dropId} and user_id = ${key.userId} and idempotency_key = ${key.idempotencyKey}
    )${release}
    insert into ${auditEvents} (at, kind, subject_user_id, drop_id, reason)
    values (${iso(now)}::timestamptz, 'claim_refused', ${key.userId}, ${key.dropId}, ${answer.reason})`,
  );
}

/**
 * Stores a refusal decided before any transaction (a draw, ended, not open yet) as the key's answer,
 * with its audit event, in one statement that touches neither the account nor the drop row.
 * Answers false when the key was already used (then read its stored answer).
 */
export async function storeEarlyRefusal(
  db: Db,
  key: ClaimKey,
  answer: ClaimAnswer & { outcome: "refused" },
  now: Date,
): Promise<boolean> {
  const [row] = await rowsOf<{ fresh: number | string }>(
    db,
    sql`with req as (
      insert into ${dropClaimRequests} (drop_id, user_id, idempotency_key, created_at, answer)
      values (${key.dropId}, ${key.userId}, ${key.idempotencyKey}, ${iso(now)}::timestamptz,
        ${JSON.stringify(answer)}::jsonb)
      on conflict do nothing
      returning 1 as one
    ), audit as (
      insert into ${auditEvents} (at, kind, subject_user_id, drop_id, reason)
      select ${iso(now)}::timestamptz, 'claim_refused', ${key.userId}, ${key.dropId}, ${answer.reason}
      from req
    )
    select count(*) as fresh from req`,
  );
  return Number(row?.fresh ?? 0) > 0;
}

/** The stored answer of an earlier request with this key, if there is one. Reads only. */
export async function storedAnswer(db: Db, key: ClaimKey): Promise<ClaimAnswer | null> {
  const [row] = await rowsOf<{ answer: ClaimAnswer | null }>(
    db,
    sql`select answer from ${dropClaimRequests}
      where drop_id = ${key.dropId} and user_id = ${key.userId} and idempotency_key = ${key.idempotencyKey}`,
  );
  return row?.answer ?? null;
}
