/**
 * A rush of HTTP claims for the crash and two-process tests: accounts with sessions written straight
 * into the database, a drop open now, and a client that fires claims with Idempotency-Keys and keeps
 * every answer (or the fact that none came).
 */
import { and, eq, sql } from "drizzle-orm";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import type { Db, DbLike } from "../../server/db/database.ts";
import { drizzleOf } from "../../server/db/database.ts";
import { dropAccounts, dropClaimRequests, dropClaims, drops } from "../../server/db/schema.ts";
import { systemClock } from "../../server/drops/clock.ts";
import { scheduleDrop } from "../../server/drops/drops.ts";
import { issuePass } from "../../server/passes/passes.ts";
import { createPassType } from "../../server/passes/passTypes.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { BRAND_ID, createBrand, createUsers, PRODUCT_ID, VIP_ENTITLEMENTS } from "./drops-fixtures.ts";

export type RushSetup = { dropId: string; cookies: string[]; userIds: string[]; holders: Set<string> };

/**
 * A brand, `accounts` shoppers with a session each, and a drop of `stock` on the real clock. With
 * `holders`, the first that many accounts hold a pass and the drop is in early access (public start an
 * hour away); otherwise it is public now.
 */
export async function prepareRush(
  database: DbLike,
  opts: { accounts: number; stock: number; limit: number; holdSeconds: number; holders?: number },
): Promise<RushSetup> {
  const db = drizzleOf(database);
  const { ownerId } = await createBrand(db);
  const userIds = await createUsers(db, opts.accounts, "rusher");
  const now = Date.now();
  const min = 60_000;
  const holders = new Set(userIds.slice(0, opts.holders ?? 0));
  let passTypeIds: string[] = [];
  if (holders.size > 0) {
    const type = await createPassType(
      db,
      {
        name: { en: "Rush Circle" },
        tier: "gold",
        validFrom: new Date(now - 60 * min),
        validUntil: new Date(now + 600 * min),
        entitlements: VIP_ENTITLEMENTS,
      },
      ownerId,
      systemClock,
    );
    passTypeIds = [type.id];
    for (const userId of holders) {
      await issuePass(db, type.id, userId, { source: "manual", issuedBy: ownerId }, systemClock);
    }
  }
  const publicIn = holders.size > 0 ? 20 * min : -min;
  const body = ScheduleDropBody.parse({
    productId: PRODUCT_ID,
    title: { en: "Rush drop" },
    mode: "fcfs",
    stock: opts.stock,
    perAccountLimit: opts.limit,
    earlyAccessPassTypeIds: passTypeIds,
    announceAt: new Date(now - 30 * min),
    earlyAccessStartsAt: new Date(now - 10 * min),
    publicStartsAt: new Date(now + publicIn),
    endsAt: new Date(now + 120 * min),
    holdSeconds: opts.holdSeconds,
  });
  const drop = await scheduleDrop(db, BRAND_ID, body, ownerId, systemClock);
  const cookies: string[] = [];
  for (const userId of userIds) {
    cookies.push(`${SESSION_COOKIE_NAME}=${(await createSession(db, userId, 2)).token}`);
  }
  return { dropId: drop.id, cookies, userIds, holders };
}

/** One claim attempt: which account, with which key, and what came back (status 0: no answer). */
export type Attempt = {
  account: number;
  key: string;
  status: number;
  claimId?: string;
  reason?: string;
};

/**
 * Sends one claim. Each account has its own forwarded address (the server trusts loopback proxies),
 * as a crowd would, so the per-address limit does not stand in for the per-account one.
 */
export async function claimOnce(
  baseUrl: string,
  dropId: string,
  cookie: string,
  account: number,
  key: string,
): Promise<Attempt> {
  try {
    const res = await fetch(`${baseUrl}/api/drops/${dropId}/claims`, {
      method: "POST",
      headers: {
        cookie,
        "Idempotency-Key": key,
        "X-Forwarded-For": `10.${(account >> 8) & 255}.${account & 255}.7`,
      },
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await res.json()) as {
      claim?: { id: string };
      error?: { details?: { reason?: string } };
    };
    return { account, key, status: res.status, claimId: body.claim?.id, reason: body.error?.details?.reason };
  } catch {
    return { account, key, status: 0 };
  }
}

/** Runs `jobs` with at most `parallel` in flight; `onAnswer` sees each result as it arrives. */
export async function runPool<T>(
  jobs: Array<() => Promise<T>>,
  parallel: number,
  onAnswer: (result: T) => void = () => {},
): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      if (!job) break;
      const result = await job();
      results.push(result);
      onAnswer(result);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return results;
}

/** The invariants the database must hold for a drop, whatever happened: what the tests assert on. */
export async function dropLedger(database: DbLike, dropId: string) {
  const db: Db = drizzleOf(database);
  const [drop] = await db.select().from(drops).where(eq(drops.id, dropId));
  const claims = await db.select().from(dropClaims).where(eq(dropClaims.dropId, dropId));
  const accounts = await db.select().from(dropAccounts).where(eq(dropAccounts.dropId, dropId));
  const answers = await db
    .select({ key: dropClaimRequests.idempotencyKey, answer: dropClaimRequests.answer })
    .from(dropClaimRequests)
    .where(and(eq(dropClaimRequests.dropId, dropId), sql`${dropClaimRequests.answer}->>'outcome' = 'held'`));
  const live = claims.filter((c) => c.status !== "expired");
  const liveByUser = new Map<string, number>();
  for (const c of live) liveByUser.set(c.userId, (liveByUser.get(c.userId) ?? 0) + 1);
  return {
    stock: drop?.stock ?? 0,
    remaining: drop?.remaining ?? -1,
    claims,
    live,
    liveByUser,
    activeByUser: new Map(accounts.map((a) => [a.userId, a.active])),
    /** Claim id of each key whose stored answer is a hold. */
    heldClaimIdByKey: new Map(
      answers.map((a) => [a.key, a.answer?.outcome === "held" ? a.answer.claim.id : ""]),
    ),
  };
}
