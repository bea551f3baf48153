/**
 * Drops by pass tier: for each drop, its entries, claims and confirmed purchases grouped by the tier
 * of the pass the person held for the brand (or a platform pass) at the time they entered or claimed.
 * Read from the drops' own tables (claims and entries are per account, so this is exact), and only
 * counts leave here: the brand learns how its tiers convert, never who claimed.
 */
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { dropClaims, dropEntries, passes, passTypes } from "../db/schema.ts";

export type TierCounts = { tier: string; entries: number; claims: number; confirmations: number };

/** The tier label of someone without a pass. */
export const NO_PASS = "";

type HeldPass = { tier: string; from: number; until: number; revokedAt: number | null };

/** Per drop, its tiers (most claims first; "" for people without a pass). */
export async function claimsByTier(
  database: DbLike,
  brandId: string,
  dropIds: readonly string[],
): Promise<Map<string, TierCounts[]>> {
  const out = new Map<string, TierCounts[]>();
  if (dropIds.length === 0) return out;
  const db = drizzleOf(database);
  const claims = await db
    .select({
      dropId: dropClaims.dropId,
      userId: dropClaims.userId,
      at: dropClaims.createdAt,
      status: dropClaims.status,
    })
    .from(dropClaims)
    .where(inArray(dropClaims.dropId, [...dropIds]));
  const entries = await db
    .select({ dropId: dropEntries.dropId, userId: dropEntries.userId, at: dropEntries.createdAt })
    .from(dropEntries)
    .where(inArray(dropEntries.dropId, [...dropIds]));
  const people = [...new Set([...claims, ...entries].map((r) => r.userId))];
  const held = new Map<string, HeldPass[]>();
  if (people.length > 0) {
    const rows = await db
      .select({
        userId: passes.userId,
        tier: passTypes.tier,
        from: passes.validFrom,
        until: passes.validUntil,
        revokedAt: passes.revokedAt,
      })
      .from(passes)
      .innerJoin(passTypes, eq(passTypes.id, passes.passTypeId))
      .where(
        and(inArray(passes.userId, people), or(eq(passTypes.brandId, brandId), isNull(passTypes.brandId))),
      );
    for (const r of rows) {
      const list = held.get(r.userId) ?? [];
      list.push({
        tier: r.tier,
        from: r.from.getTime(),
        until: r.until.getTime(),
        revokedAt: r.revokedAt?.getTime() ?? null,
      });
      held.set(r.userId, list);
    }
  }
  // Someone holding several passes counts under the first tier by name, so each person counts once.
  const tierAt = (userId: string, at: Date): string => {
    const t = at.getTime();
    const live = (held.get(userId) ?? [])
      .filter((p) => p.from <= t && t < p.until && (p.revokedAt === null || t < p.revokedAt))
      .map((p) => p.tier)
      .sort();
    return live[0] ?? NO_PASS;
  };
  const groups = new Map<string, Map<string, TierCounts>>();
  const countOf = (dropId: string, tier: string): TierCounts => {
    const byTier = groups.get(dropId) ?? new Map<string, TierCounts>();
    groups.set(dropId, byTier);
    const counts = byTier.get(tier) ?? { tier, entries: 0, claims: 0, confirmations: 0 };
    byTier.set(tier, counts);
    return counts;
  };
  for (const e of entries) countOf(e.dropId, tierAt(e.userId, e.at)).entries += 1;
  for (const c of claims) {
    const counts = countOf(c.dropId, tierAt(c.userId, c.at));
    counts.claims += 1;
    if (c.status === "confirmed") counts.confirmations += 1;
  }
  for (const [dropId, byTier] of groups)
    out.set(
      dropId,
      [...byTier.values()].sort(
        (a, b) => b.claims - a.claims || b.entries - a.entries || a.tier.localeCompare(b.tier),
      ),
    );
  return out;
}
