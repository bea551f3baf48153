/** The drops anyone may see listed: announced and not yet ended, with their product and brand names. */
import { and, asc, eq, gt, lte } from "drizzle-orm";
import type { DropList } from "../../shared/dropRoom.ts";
import { dropPhaseAt } from "../../shared/drops.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brands, drops, products } from "../db/schema.ts";
import type { Clock } from "./clock.ts";

/** A page holds at most this many drops; the soonest public starts come first. */
export const DROP_LIST_LIMIT = 100;

/**
 * Current and upcoming drops at the clock's time: announced (before that a drop is the brand's
 * secret) and not ended, soonest public start first.
 */
export async function listCurrentDrops(database: DbLike, clock: Clock): Promise<DropList> {
  const now = clock.now();
  const rows = await drizzleOf(database)
    .select({ drop: drops, brandName: brands.name, productName: products.name })
    .from(drops)
    .innerJoin(brands, eq(brands.id, drops.brandId))
    .innerJoin(products, eq(products.id, drops.productId))
    .where(and(lte(drops.announceAt, now), gt(drops.endsAt, now)))
    .orderBy(asc(drops.publicStartsAt), asc(drops.id))
    .limit(DROP_LIST_LIMIT);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    serverTime: now.toISOString(),
    drops: rows.map(({ drop, brandName, productName }) => ({
      id: drop.id,
      title: drop.title,
      mode: drop.mode,
      phase: dropPhaseAt(drop, now),
      brandId: drop.brandId,
      brandName,
      productId: drop.productId,
      productName,
      stock: drop.stock,
      remaining: drop.remaining,
      perAccountLimit: drop.perAccountLimit,
      earlyAccessPassTypeIds: drop.earlyAccessPassTypeIds,
      announceAt: drop.announceAt.toISOString(),
      earlyAccessStartsAt: drop.earlyAccessStartsAt.toISOString(),
      publicStartsAt: drop.publicStartsAt.toISOString(),
      endsAt: drop.endsAt.toISOString(),
      entriesCloseAt: iso(drop.entriesCloseAt),
      soldOutAt: iso(drop.soldOutAt),
    })),
  };
}
