/**
 * Where a brandStaff access rule finds its brand (shared/api/access.ts BrandSource): a parameter,
 * a query or body field, or the brand of the resource a parameter names. Null means platform-wide.
 */
import { eq } from "drizzle-orm";
import type { BrandResourceKind, BrandSource } from "../../shared/api/access.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { getCollectibleRecord } from "../collectibles/collectibles.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brands } from "../db/schema.ts";
import { getDropRow } from "../drops/drops.ts";
import { DomainError } from "../errors.ts";
import { getEventRow } from "../events/eventRecords.ts";
import { brandOfPass, getPassType } from "../passes/passes.ts";

/** The brand of each kind of resource. @throws DomainError 404 when there is no such resource. */
const BRAND_OF_RESOURCE: Record<BrandResourceKind, (db: DbLike, id: string) => Promise<string | null>> = {
  drop: async (db, id) => (await getDropRow(db, id)).brandId,
  passType: async (db, id) => (await getPassType(db, id)).brandId,
  pass: (db, id) => brandOfPass(db, id),
  collectible: async (db, id) => (await getCollectibleRecord(db, id)).brandId,
  event: async (db, id) => (await getEventRow(db, id)).brandId,
};

export type RequestParts = { params: Record<string, string>; query: unknown; body: unknown };

function field(value: unknown, name: string): string | null {
  if (typeof value !== "object" || value === null) return null;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === "string" ? found : null;
}

/** The brand the rule is about, or null for a platform-wide thing. */
export async function resolveBrand(
  database: DbLike,
  source: BrandSource,
  parts: RequestParts,
): Promise<string | null> {
  switch (source.in) {
    case "path":
      return parts.params[source.param] ?? null;
    case "query":
      return field(parts.query, source.field);
    case "body":
      return field(parts.body, source.field);
    case "resource":
      return BRAND_OF_RESOURCE[source.kind](database, parts.params[source.param] ?? "");
  }
}

/** @throws DomainError 404 when there is no such brand (checked after authorization, for admins). */
export async function requireBrand(database: DbLike, brandId: string): Promise<void> {
  const [row] = await drizzleOf(database)
    .select({ id: brands.id })
    .from(brands)
    .where(eq(brands.id, brandId));
  if (!row) throw new DomainError(ErrorCode.notFound, `There is no brand "${brandId}".`, { brandId });
}
