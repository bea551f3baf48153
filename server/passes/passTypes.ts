/**
 * Pass programmes (pass types): creating one (platform-wide or a brand's), reading them. The passes
 * issued under a programme are in passes.ts.
 */
import { eq, sql } from "drizzle-orm";
import type { CreatePassTypeBody, PassType } from "../../shared/passes.ts";
import { type AuditedBy, auditActor, auditOrigin } from "../audit.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, brands, passTypes } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";

type PassTypeRow = typeof passTypes.$inferSelect;

export function toPassType(row: PassTypeRow): PassType {
  return {
    id: row.id,
    brandId: row.brandId,
    name: row.name,
    tier: row.tier,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    entitlements: row.entitlements,
  };
}

/** Creates a pass programme: platform-wide (admin) or run by one brand (`body.brandId`). */
export async function createPassType(
  database: DbLike,
  body: CreatePassTypeBody,
  actorUserId: string,
  clock: Clock,
): Promise<PassType> {
  const db = drizzleOf(database);
  return db.transaction(async (tx) => {
    const now = clock.now();
    if (body.brandId !== undefined) {
      const [brand] = await tx.select({ id: brands.id }).from(brands).where(eq(brands.id, body.brandId));
      if (!brand) throw DomainError.notFound("brand", body.brandId);
    }
    const row = await insertPassType(tx, body, { personId: actorUserId }, now);
    if (!row) throw new Error("a new pass type's id was already taken");
    return toPassType(row);
  });
}

/**
 * Writes a programme and its `pass_type_created` audit row in the caller's transaction. Returns
 * null, writing nothing, when a programme with that id exists (the seed's re-runs).
 */
export async function insertPassType(
  tx: Db,
  values: CreatePassTypeBody & { id?: string },
  by: AuditedBy,
  now: Date,
): Promise<PassTypeRow | null> {
  const [row] = await tx
    .insert(passTypes)
    .values({ ...values, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await tx.insert(auditEvents).values({
    at: now,
    kind: "pass_type_created",
    actorUserId: auditActor(by),
    details: { passTypeId: row.id, brandId: row.brandId, name: row.name, tier: row.tier, ...auditOrigin(by) },
  });
  return row;
}

export async function getPassType(database: DbLike, id: string): Promise<PassType> {
  const [row] = await drizzleOf(database).select().from(passTypes).where(eq(passTypes.id, id));
  if (!row) throw DomainError.notFound("pass_type", id);
  return toPassType(row);
}

/** Every programme, or only those one brand runs. */
export async function listPassTypes(
  database: DbLike,
  filter: { brandId?: string } = {},
): Promise<PassType[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(passTypes)
    .where(filter.brandId === undefined ? undefined : eq(passTypes.brandId, filter.brandId))
    .orderBy(sql`${passTypes.name}->>'en'`, passTypes.id);
  return rows.map(toPassType);
}
