/**
 * Claims on first-come-first-served drops: idempotent per account, drop and Idempotency-Key; a claim
 * holds one unit until confirmed or until its hold expires back into stock.
 *
 * Why it never oversells (PGlite and PostgreSQL, any number of processes): the per-account count and
 * the stock only change through conditional updates whose WHERE PostgreSQL re-checks after taking the
 * row lock (`active < limit`, `remaining > 0`). Nothing is read first and written later in app code.
 * Lock order in every transaction is: request key → account row → drop row, so none can deadlock.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import {
  type ClaimAnswer,
  type ClaimRefusal,
  type ClaimView,
  callerWindowOpensAt,
} from "../../shared/drops.ts";
import { grantForConfirmedClaim } from "../collectibles/grants.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import {
  auditEvents,
  claimPersonalisations,
  dropAccounts,
  dropClaimRequests,
  dropClaims,
  drops,
  orderDeliveries,
} from "../db/schema.ts";
import { DomainError } from "../passes/passErrors.ts";
import { activePassesOf } from "../passes/passes.ts";
import type { Clock } from "./clock.ts";
import { type DropRow, getDropRow, soldOutAtWhenLast } from "./drops.ts";

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

/** What the caller's passes give on this drop: when their window opens and their per-account limit. */
export async function callerAccess(
  db: DbLike,
  drop: DropRow,
  userId: string,
  now: Date,
): Promise<{ opensAt: Date; limit: number; passIds: string[] }> {
  const held = await activePassesOf(db, userId, drop.earlyAccessPassTypeIds, now);
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

export type ClaimResult = { answer: ClaimAnswer; replayed: boolean };

/**
 * Claims one unit of a drop for an account. The first request with a key decides the answer; any
 * retry with the same key (even concurrent, even from another process) gets the stored answer back.
 * Refusals are answers too (stored and audited with their reason).
 * @throws DomainError not_found when the drop does not exist (nothing is stored then).
 */
export async function claimDropUnit(
  database: DbLike,
  input: { dropId: string; userId: string; idempotencyKey: string },
  clock: Clock,
): Promise<ClaimResult> {
  const db = drizzleOf(database);
  const drop = await getDropRow(db, input.dropId);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [fresh] = await tx
      .insert(dropClaimRequests)
      .values({
        dropId: input.dropId,
        userId: input.userId,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ createdAt: dropClaimRequests.createdAt });
    if (!fresh) {
      // PostgreSQL made this insert wait for the first request's transaction: its answer is committed.
      const [stored] = await tx
        .select({ answer: dropClaimRequests.answer })
        .from(dropClaimRequests)
        .where(
          and(
            eq(dropClaimRequests.dropId, input.dropId),
            eq(dropClaimRequests.userId, input.userId),
            eq(dropClaimRequests.idempotencyKey, input.idempotencyKey),
          ),
        );
      if (!stored?.answer) throw new Error("idempotency record without an answer");
      return { answer: stored.answer, replayed: true };
    }
    const answer = await decideClaim(tx, drop, input.userId, now);
    await tx
      .update(dropClaimRequests)
      .set({ answer })
      .where(
        and(
          eq(dropClaimRequests.dropId, input.dropId),
          eq(dropClaimRequests.userId, input.userId),
          eq(dropClaimRequests.idempotencyKey, input.idempotencyKey),
        ),
      );
    if (answer.outcome === "refused") {
      await tx.insert(auditEvents).values({
        at: now,
        kind: "claim_refused",
        subjectUserId: input.userId,
        dropId: drop.id,
        reason: answer.reason,
      });
    }
    return { answer, replayed: false };
  });
}

async function decideClaim(tx: Db, drop: DropRow, userId: string, now: Date): Promise<ClaimAnswer> {
  if (drop.mode !== "fcfs") return refusal("raffle_drop");
  if (now >= drop.endsAt) return refusal("ended");
  const access = await callerAccess(tx, drop, userId, now);
  if (now < access.opensAt) return refusal("not_open_yet", access.opensAt);

  const [counted] = await tx
    .insert(dropAccounts)
    .values({ dropId: drop.id, userId, active: 1 })
    .onConflictDoUpdate({
      target: [dropAccounts.dropId, dropAccounts.userId],
      set: { active: sql`${dropAccounts.active} + 1` },
      setWhere: sql`${dropAccounts.active} < ${access.limit}`,
    })
    .returning({ active: dropAccounts.active });
  if (!counted) return refusal("limit_reached");

  const [taken] = await tx
    .update(drops)
    .set({ remaining: sql`${drops.remaining} - 1`, soldOutAt: soldOutAtWhenLast(now) })
    .where(and(eq(drops.id, drop.id), gt(drops.remaining, 0)))
    .returning({ remaining: drops.remaining });
  if (!taken) {
    await tx
      .update(dropAccounts)
      .set({ active: sql`${dropAccounts.active} - 1` })
      .where(and(eq(dropAccounts.dropId, drop.id), eq(dropAccounts.userId, userId)));
    return refusal("sold_out");
  }

  const [claim] = await tx
    .insert(dropClaims)
    .values({
      dropId: drop.id,
      userId,
      status: "held",
      holdExpiresAt: new Date(now.getTime() + drop.holdSeconds * 1000),
      createdAt: now,
    })
    .returning();
  if (!claim) throw new Error("insert returned nothing");
  await tx.insert(auditEvents).values({
    at: now,
    kind: "hold",
    subjectUserId: userId,
    dropId: drop.id,
    claimId: claim.id,
    details: { remaining: taken.remaining, early: now < drop.publicStartsAt, passIds: access.passIds },
  });
  return { outcome: "held", claim: toClaimView(claim) };
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
