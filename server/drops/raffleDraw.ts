/** Raffle drops in the database: entries before the deadline, then one draw that reveals the seed. */
import { and, eq, sql } from "drizzle-orm";
import type { DrawAnswer, EntryAnswer } from "../../shared/drops.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, dropAccounts, dropClaims, dropEntries, drops } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import { callerAccess, refusal } from "./claims.ts";
import type { Clock } from "./clock.ts";
import { getDropRow } from "./drops.ts";
import { recomputeDraw } from "./raffle.ts";

/**
 * Enters an account into a raffle, from its window's opening (early for pass holders) until the
 * entry deadline. Entering twice answers the same entry.
 * @throws DomainError conflict with `details.reason` (not_open_yet, entries_closed, raffle_drop…).
 */
export async function enterRaffle(
  database: DbLike,
  input: { dropId: string; userId: string },
  clock: Clock,
): Promise<EntryAnswer> {
  const db = drizzleOf(database);
  const drop = await getDropRow(db, input.dropId);
  const now = clock.now();
  const refuse = async (answer: ReturnType<typeof refusal>) => {
    await db.insert(auditEvents).values({
      at: now,
      kind: "claim_refused",
      subjectUserId: input.userId,
      dropId: drop.id,
      reason: answer.outcome === "refused" ? answer.reason : null,
    });
    return new DomainError("conflict", answer.outcome === "refused" ? answer.message : "", answer);
  };
  if (drop.mode !== "raffle" || !drop.entriesCloseAt) throw await refuse(refusal("raffle_drop"));
  if (now >= drop.entriesCloseAt || drop.drawnAt) throw await refuse(refusal("entries_closed"));
  const access = await callerAccess(db, drop, input.userId, now);
  if (now < access.opensAt) throw await refuse(refusal("not_open_yet", access.opensAt));
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .insert(dropEntries)
      .values({ dropId: drop.id, userId: input.userId, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (entry) {
      await tx.insert(auditEvents).values({
        at: now,
        kind: "entry",
        subjectUserId: input.userId,
        dropId: drop.id,
        details: { entryId: entry.id },
      });
      return { entryId: entry.id, dropId: drop.id };
    }
    const [existing] = await tx
      .select()
      .from(dropEntries)
      .where(and(eq(dropEntries.dropId, drop.id), eq(dropEntries.userId, input.userId)));
    if (!existing) throw new Error("entry conflict without an entry");
    return { entryId: existing.id, dropId: drop.id };
  });
}

/**
 * Draws the raffle once entries are closed: winners get a held claim each (to confirm within the
 * hold time), the seed is revealed. Drawing again answers the same draw.
 */
export async function drawRaffle(
  database: DbLike,
  dropId: string,
  actorUserId: string | null,
  clock: Clock,
): Promise<DrawAnswer> {
  const db = drizzleOf(database);
  return db.transaction(async (tx) => {
    const now = clock.now();
    // The row lock makes two simultaneous draws run one after the other; the second sees drawnAt.
    const [drop] = await tx.select().from(drops).where(eq(drops.id, dropId)).for("update");
    if (!drop) throw DomainError.notFound("drop", dropId);
    if (drop.mode !== "raffle" || !drop.seed || !drop.seedCommitment || !drop.entriesCloseAt) {
      throw new DomainError("conflict", "Only a raffle drop can be drawn.", { reason: "raffle_drop" });
    }
    const entries = await tx
      .select({ id: dropEntries.id, userId: dropEntries.userId })
      .from(dropEntries)
      .where(eq(dropEntries.dropId, dropId));
    const entryIds = entries.map((e) => e.id);
    const answer = (winnerEntryIds: string[]): DrawAnswer => ({
      dropId,
      seed: drop.seed as string,
      seedCommitment: drop.seedCommitment as string,
      entryIds: [...entryIds].sort(),
      winnerEntryIds,
    });
    if (drop.drawnAt) return answer(recomputeDraw(drop.seed, entryIds, drop.stock));
    if (now < drop.entriesCloseAt) {
      throw new DomainError("conflict", "Entries are still open; the draw comes after they close.", {
        reason: "draw_not_ready",
        entriesCloseAt: drop.entriesCloseAt.toISOString(),
      });
    }
    const winners = recomputeDraw(drop.seed, entryIds, drop.stock);
    const userByEntry = new Map(entries.map((e) => [e.id, e.userId]));
    const holdExpiresAt = new Date(now.getTime() + drop.holdSeconds * 1000);
    for (const entryId of winners) {
      const userId = userByEntry.get(entryId) as string;
      await tx.insert(dropAccounts).values({ dropId, userId, active: 1 });
      const [claim] = await tx
        .insert(dropClaims)
        .values({ dropId, userId, status: "held", holdExpiresAt, createdAt: now })
        .returning({ id: dropClaims.id });
      await tx.insert(auditEvents).values({
        at: now,
        kind: "hold",
        subjectUserId: userId,
        dropId,
        claimId: claim?.id,
        details: { entryId, byDraw: true },
      });
    }
    const remaining = drop.stock - winners.length;
    await tx
      .update(drops)
      .set({
        remaining,
        drawnAt: now,
        soldOutAt:
          remaining === 0
            ? sql`coalesce(${drops.soldOutAt}, ${now.toISOString()}::timestamptz)`
            : drops.soldOutAt,
      })
      .where(eq(drops.id, dropId));
    await tx.insert(auditEvents).values({
      at: now,
      kind: "draw",
      actorUserId,
      dropId,
      details: { seed: drop.seed, seedCommitment: drop.seedCommitment, entries: entryIds.length, winners },
    });
    return answer(winners);
  });
}
