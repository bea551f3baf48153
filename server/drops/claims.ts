/**
 * Claims on first-come-first-served drops: idempotent per account, drop and Idempotency-Key; a claim
 * holds one unit until confirmed or until its hold expires back into stock.
 *
 * Why it never oversells (PGlite and PostgreSQL, any number of processes): the per-account count and
 * the stock only change through conditional updates whose WHERE PostgreSQL re-checks after taking the
 * row lock (`active < limit`, `remaining > 0`). Nothing is read first and written later in app code.
 * Lock order in every transaction is: request key → account row → drop row, so none can deadlock.
 */
import { and, eq, gt } from "drizzle-orm";
import {
  type ClaimAnswer,
  type ClaimRefusal,
  type ClaimView,
  callerWindowOpensAt,
} from "../../shared/drops.ts";
import { recordClaim } from "../analytics/productFacts.ts";
import { grantForConfirmedClaim } from "../collectibles/grants.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, claimPersonalisations, dropClaims, drops, orderDeliveries } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import { countClaim } from "../observability/metrics.ts";
import { activePassesForDrop, activePassesOf } from "../passes/passes.ts";
import {
  holdUnit,
  recordRequestAndCount,
  storedAnswer,
  storeEarlyRefusal,
  storeRefusal,
} from "./claimStatements.ts";
import type { Clock } from "./clock.ts";
import { type DropRow, getDropRow } from "./drops.ts";
import { tallyRefusal } from "./refusalTally.ts";

type ClaimRow = typeof dropClaims.$inferSelect;

export function toClaimView(row: ClaimRow): ClaimView {
  return {
    id: row.id,
    dropId: row.dropId,
    status: row.status,
    holdExpiresAt: row.holdExpiresAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

const REFUSAL_MESSAGES: Record<ClaimRefusal, string> = {
  not_open_yet: "This drop is not open to you yet. Come back when your window opens.",
  ended: "This drop has ended.",
  limit_reached: "You already hold or own as many pieces of this drop as one account may.",
  sold_out: "This drop is sold out. A held piece may come back if its hold expires.",
  raffle_drop: "This drop is a draw: enter it instead of claiming.",
  entries_closed: "Entries to this draw are closed.",
  already_entered: "You have already entered this draw.",
};

export function refusal(reason: ClaimRefusal, opensAt: Date | null = null): ClaimAnswer {
  return {
    outcome: "refused",
    reason,
    message: REFUSAL_MESSAGES[reason],
    opensAt: opensAt?.toISOString() ?? null,
  };
}

type HeldPass = Awaited<ReturnType<typeof activePassesOf>>[number];

/** When the caller's window opens and their per-account limit, from the passes they hold. */
function accessFrom(drop: DropRow, held: HeldPass[]): { opensAt: Date; limit: number; passIds: string[] } {
  const opensAt = callerWindowOpensAt(
    drop,
    held.map((p) => p.entitlements.earlyAccessLeadMinutes),
  );
  const passLimits = held.flatMap((p) =>
    p.entitlements.perDropClaimLimit ? [p.entitlements.perDropClaimLimit] : [],
  );
  const limit = passLimits.length > 0 ? Math.max(...passLimits) : drop.perAccountLimit;
  return { opensAt, limit, passIds: held.map((p) => p.passId) };
}

/** What the caller's passes give on this drop: when their window opens and their per-account limit. */
export async function callerAccess(
  db: DbLike,
  drop: DropRow,
  userId: string,
  now: Date,
): Promise<{ opensAt: Date; limit: number; passIds: string[] }> {
  return accessFrom(drop, await activePassesOf(db, userId, drop.earlyAccessPassTypeIds, now));
}

export type ClaimResult = { answer: ClaimAnswer; replayed: boolean };

/**
 * Claims one unit of a drop for an account. The first request with a key decides the answer; any
 * retry with the same key (even concurrent, even from another process) gets the stored answer back.
 *
 * Round trips: the drop row and the caller's passes are read first, side by side and outside any
 * transaction (a plain read takes no lock). A refusal they decide alone answers at once: sold out
 * with no write at all (its audit row goes in a batch, refusalTally.ts), so a sold-out rush costs
 * almost nothing; a draw, ended or not open yet with one statement storing the key's answer, which
 * locks neither the account nor the drop. Otherwise one transaction of two statements
 * (claimStatements.ts): the key and the account's count, then the unit, the claim, its audit and the
 * stored answer.
 * @throws DomainError not_found when the drop does not exist (nothing is stored then).
 */
export async function claimDropUnit(
  database: DbLike,
  input: { dropId: string; userId: string; idempotencyKey: string },
  clock: Clock,
): Promise<ClaimResult> {
  const result = await decideClaim(database, input, clock);
  if (!result.replayed) countClaim(result.answer); // a replay was counted when it was decided
  recordClaim(result, input);
  return result;
}

async function decideClaim(
  database: DbLike,
  input: { dropId: string; userId: string; idempotencyKey: string },
  clock: Clock,
): Promise<ClaimResult> {
  const db = drizzleOf(database);
  const now = clock.now();
  const [drop, held] = await Promise.all([
    getDropRow(db, input.dropId),
    activePassesForDrop(db, input.dropId, input.userId, now),
  ]);
  const early = lockFreeRefusal(drop, held, now);
  if (early?.reason === "sold_out") {
    // Sold out: no write and no lock at all. A retry of a request answered before the sell-out gets
    // that answer back; a sold-out answer itself is not stored (it changed nothing, so a retry asks
    // again, and may find a unit whose hold lapsed).
    const stored = await storedAnswer(db, input);
    if (stored) return { answer: stored, replayed: true };
    tallyRefusal(db, { at: now, userId: input.userId, dropId: drop.id, reason: early.reason });
    return { answer: early, replayed: false };
  }
  if (early) {
    if (await storeEarlyRefusal(db, input, early, now)) return { answer: early, replayed: false };
    const stored = await storedAnswer(db, input);
    if (!stored) throw new Error("idempotency record without an answer");
    return { answer: stored, replayed: true };
  }
  const access = accessFrom(drop, held);
  return db.transaction(async (tx) => {
    const counted = await recordRequestAndCount(tx, input, access.limit, now);
    if (!counted.fresh) {
      // PostgreSQL made the insert wait for the first request's transaction: its answer is committed.
      const stored = await storedAnswer(tx, input);
      if (!stored) throw new Error("idempotency record without an answer");
      return { answer: stored, replayed: true };
    }
    if (counted.active === null) {
      const answer = refusal("limit_reached") as Refused;
      await storeRefusal(tx, input, answer, now, false);
      return { answer, replayed: false };
    }
    const answer: Held = {
      outcome: "held",
      claim: {
        id: crypto.randomUUID(),
        dropId: drop.id,
        status: "held",
        holdExpiresAt: new Date(now.getTime() + drop.holdSeconds * 1000).toISOString(),
        confirmedAt: null,
      },
    };
    const audit = { early: now < drop.publicStartsAt, passIds: access.passIds };
    if ((await holdUnit(tx, input, answer, audit, now)) !== null) return { answer, replayed: false };
    const soldOut = refusal("sold_out") as Refused;
    await storeRefusal(tx, input, soldOut, now, true);
    return { answer: soldOut, replayed: false };
  });
}

type Held = Extract<ClaimAnswer, { outcome: "held" }>;
type Refused = Extract<ClaimAnswer, { outcome: "refused" }>;

/** The refusal the drop row and the caller's passes decide alone, before any write; or null. */
function lockFreeRefusal(drop: DropRow, held: HeldPass[], now: Date): Refused | null {
  if (drop.mode !== "fcfs") return refusal("raffle_drop") as Refused;
  if (now >= drop.endsAt) return refusal("ended") as Refused;
  const { opensAt } = accessFrom(drop, held);
  if (now < opensAt) return refusal("not_open_yet", opensAt) as Refused;
  if (drop.remaining <= 0) return refusal("sold_out") as Refused;
  return null;
}

/**
 * Confirms a held claim before its hold expires. The order for the brand goes into the outbox in the
 * same transaction. Confirming a confirmed claim answers it again.
 * @throws DomainError not_found (not this account's claim) or conflict with reason hold_expired.
 */
export async function confirmClaim(
  database: DbLike,
  input: { claimId: string; userId: string; dropId?: string },
  clock: Clock,
): Promise<ClaimView> {
  const db = drizzleOf(database);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [claim] = await tx
      .update(dropClaims)
      .set({ status: "confirmed", confirmedAt: now })
      .where(
        and(
          eq(dropClaims.id, input.claimId),
          eq(dropClaims.userId, input.userId),
          input.dropId === undefined ? undefined : eq(dropClaims.dropId, input.dropId),
          eq(dropClaims.status, "held"),
          gt(dropClaims.holdExpiresAt, now),
        ),
      )
      .returning();
    if (!claim) {
      const [existing] = await tx
        .select()
        .from(dropClaims)
        .where(
          and(
            eq(dropClaims.id, input.claimId),
            eq(dropClaims.userId, input.userId),
            input.dropId === undefined ? undefined : eq(dropClaims.dropId, input.dropId),
          ),
        );
      if (!existing) throw DomainError.notFound("claim", input.claimId);
      if (existing.status === "confirmed") return toClaimView(existing);
      throw new DomainError("conflict", "Your hold on this piece has expired; it went back into stock.", {
        reason: "hold_expired",
        claimId: existing.id,
      });
    }
    const [drop] = await tx.select().from(drops).where(eq(drops.id, claim.dropId));
    if (!drop) throw new Error("claim without drop");
    const deliveryId = crypto.randomUUID();
    // A claim handed over from a clienteling selection list carries its variant and personalisation.
    const [personal] = await tx
      .select()
      .from(claimPersonalisations)
      .where(eq(claimPersonalisations.claimId, claim.id));
    await tx.insert(orderDeliveries).values({
      id: deliveryId,
      claimId: claim.id,
      brandId: drop.brandId,
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
      payload: {
        type: "order.created",
        deliveryId,
        claimId: claim.id,
        dropId: drop.id,
        brandId: drop.brandId,
        productId: drop.productId,
        userId: claim.userId,
        quantity: 1,
        confirmedAt: now.toISOString(),
        ...(personal ? { variant: personal.variant, personalisation: personal.choice } : {}),
      },
    });
    await tx.insert(auditEvents).values({
      at: now,
      kind: "confirmation",
      subjectUserId: claim.userId,
      dropId: claim.dropId,
      claimId: claim.id,
    });
    // The drop's collectible (if any) is granted with the confirmation, in the same transaction.
    await grantForConfirmedClaim(tx, database, claim, now);
    return toClaimView(claim);
  });
}

export async function listClaimsOf(database: DbLike, dropId: string, userId: string): Promise<ClaimView[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(dropClaims)
    .where(and(eq(dropClaims.dropId, dropId), eq(dropClaims.userId, userId)))
    .orderBy(dropClaims.createdAt);
  return rows.map(toClaimView);
}
