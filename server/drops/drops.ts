/** Scheduling drops, reading them (phase on server time, seed hidden until drawn), and their report. */
import { and, count, desc, eq, sql } from "drizzle-orm";
import {
  type BrandDropList,
  type DropReport,
  type DropView,
  dropPhaseAt,
  type ScheduleDropBody,
} from "../../shared/drops.ts";
import { type AuditedBy, auditActor, auditOrigin } from "../audit.ts";
import { CollectibleNotTransferable } from "../collectibles/collectibleErrors.ts";
import { isCollectibleId } from "../collectibles/copies.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, dropClaims, dropEntries, drops, products } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import type { Clock } from "./clock.ts";
import { commitToSeed, newDrawSeed } from "./raffle.ts";
import { flushRefusals } from "./refusalTally.ts";

export type DropRow = typeof drops.$inferSelect;

/** A drop as anyone may see it: the raffle seed stays secret until the draw. */
export function toDropView(row: DropRow, now: Date): DropView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    brandId: row.brandId,
    productId: row.productId,
    title: row.title,
    description: row.description,
    mode: row.mode,
    stock: row.stock,
    remaining: row.remaining,
    perAccountLimit: row.perAccountLimit,
    earlyAccessPassTypeIds: row.earlyAccessPassTypeIds,
    announceAt: row.announceAt.toISOString(),
    earlyAccessStartsAt: row.earlyAccessStartsAt.toISOString(),
    publicStartsAt: row.publicStartsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    entriesCloseAt: iso(row.entriesCloseAt),
    holdSeconds: row.holdSeconds,
    seedCommitment: row.seedCommitment,
    seed: row.drawnAt ? row.seed : null,
    drawnAt: iso(row.drawnAt),
    soldOutAt: iso(row.soldOutAt),
    phase: dropPhaseAt(row, now),
    serverTime: now.toISOString(),
  };
}

/**
 * Schedules a drop of one of the brand's products. A raffle gets its secret seed now and publishes
 * only the seed's hash until the draw.
 */
export async function scheduleDrop(
  database: DbLike,
  brandId: string,
  body: ScheduleDropBody,
  actorUserId: string,
  clock: Clock,
): Promise<DropView> {
  const db = drizzleOf(database);
  // Collectibles have no price: no drop may sell one, whatever product id it names.
  if (await isCollectibleId(database, body.productId)) {
    throw new CollectibleNotTransferable("drop_of_collectible");
  }
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, body.productId), eq(products.brandId, brandId)));
    if (!product) throw DomainError.notFound("product", body.productId);
    const row = await insertDrop(tx, { brandId, body }, { personId: actorUserId }, now);
    if (!row) throw new Error("a new drop's id was already taken");
    return toDropView(row, now);
  });
}

/**
 * Writes a drop (a raffle with its secret seed, of which only the hash is public until the draw) and
 * its `drop_scheduled` audit row in the caller's transaction. Returns null, writing nothing, when a
 * drop with that id exists (the seed's re-runs). The caller has checked the product.
 */
export async function insertDrop(
  tx: Db,
  drop: { id?: string; brandId: string; body: ScheduleDropBody },
  by: AuditedBy,
  now: Date,
): Promise<DropRow | null> {
  const { body } = drop;
  const seed = body.mode === "raffle" ? newDrawSeed() : null;
  const [row] = await tx
    .insert(drops)
    .values({
      id: drop.id,
      brandId: drop.brandId,
      productId: body.productId,
      title: body.title,
      description: body.description ?? null,
      mode: body.mode,
      stock: body.stock,
      remaining: body.stock,
      perAccountLimit: body.mode === "raffle" ? 1 : body.perAccountLimit,
      earlyAccessPassTypeIds: body.earlyAccessPassTypeIds,
      announceAt: body.announceAt,
      earlyAccessStartsAt: body.earlyAccessStartsAt,
      publicStartsAt: body.publicStartsAt,
      endsAt: body.endsAt,
      entriesCloseAt: body.mode === "raffle" ? (body.entriesCloseAt ?? null) : null,
      holdSeconds: body.holdSeconds,
      seed,
      seedCommitment: seed ? commitToSeed(seed) : null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await tx.insert(auditEvents).values({
    at: now,
    kind: "drop_scheduled",
    actorUserId: auditActor(by),
    dropId: row.id,
    details: { mode: row.mode, stock: row.stock, seedCommitment: row.seedCommitment, ...auditOrigin(by) },
  });
  return row;
}

export async function getDropRow(database: DbLike, dropId: string): Promise<DropRow> {
  const [row] = await drizzleOf(database).select().from(drops).where(eq(drops.id, dropId));
  if (!row) throw DomainError.notFound("drop", dropId);
  return row;
}

export async function getDrop(database: DbLike, dropId: string, clock: Clock): Promise<DropView> {
  return toDropView(await getDropRow(database, dropId), clock.now());
}

/** A brand's portal holds at most this many of its drops, the latest public starts first. */
export const BRAND_DROP_LIST_LIMIT = 200;

/** The brand's drops, scheduled (not yet announced) and ended ones included, latest public start first. */
export async function listBrandDrops(
  database: DbLike,
  brandId: string,
  clock: Clock,
): Promise<BrandDropList> {
  const now = clock.now();
  const rows = await drizzleOf(database)
    .select()
    .from(drops)
    .where(eq(drops.brandId, brandId))
    .orderBy(desc(drops.publicStartsAt), desc(drops.id))
    .limit(BRAND_DROP_LIST_LIMIT);
  return { drops: rows.map((row) => toDropView(row, now)) };
}

/** A brand's view of a drop: entries, claims by status, refusals by reason, sell-out time. */
export async function getDropReport(database: DbLike, dropId: string): Promise<DropReport> {
  const db = drizzleOf(database);
  await flushRefusals(db);
  const drop = await getDropRow(db, dropId);
  const [entries] = await db.select({ n: count() }).from(dropEntries).where(eq(dropEntries.dropId, dropId));
  const claimRows = await db
    .select({ status: dropClaims.status, n: count() })
    .from(dropClaims)
    .where(eq(dropClaims.dropId, dropId))
    .groupBy(dropClaims.status);
  const refusalRows = await db
    .select({ reason: auditEvents.reason, n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.dropId, dropId), eq(auditEvents.kind, "claim_refused")))
    .groupBy(auditEvents.reason);
  const claims = { held: 0, confirmed: 0, expired: 0 };
  for (const r of claimRows) claims[r.status] = Number(r.n);
  return {
    dropId,
    stock: drop.stock,
    remaining: drop.remaining,
    entries: Number(entries?.n ?? 0),
    claims,
    refusals: Object.fromEntries(refusalRows.map((r) => [r.reason ?? "unknown", Number(r.n)])),
    soldOutAt: drop.soldOutAt?.toISOString() ?? null,
    drawnAt: drop.drawnAt?.toISOString() ?? null,
  };
}

/** SQL fragment: the sell-out time, set once when the last unit goes. */
export function soldOutAtWhenLast(now: Date) {
  return sql`case when ${drops.remaining} = 1 then coalesce(${drops.soldOutAt}, ${now.toISOString()}::timestamptz) else ${drops.soldOutAt} end`;
}
