/**
 * Copies as their owners see them: the list, hiding one from the vitrine, the certificate, and the
 * model file named by it. Someone else's copy answers as missing (its existence is not ours to tell),
 * except its certificate, which is public by design.
 */
import { and, asc, eq } from "drizzle-orm";
import { Certificate, type OwnedCopy } from "../../shared/collectibles.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandModels, brands, collectibleCopies, collectibles } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import { collectibleRecordColumns, toCollectibleView } from "./collectibles.ts";

function selectOwned(database: DbLike) {
  return drizzleOf(database)
    .select({ copy: collectibleCopies, collectible: collectibleRecordColumns })
    .from(collectibleCopies)
    .innerJoin(collectibles, eq(collectibles.id, collectibleCopies.collectibleId))
    .innerJoin(brands, eq(brands.id, collectibles.brandId))
    .innerJoin(brandModels, eq(brandModels.id, collectibles.modelId));
}

type OwnedRow = Awaited<ReturnType<ReturnType<typeof selectOwned>["where"]>>[number];

function toOwnedCopy(row: OwnedRow): OwnedCopy {
  return {
    id: row.copy.id,
    collectible: toCollectibleView(row.collectible),
    edition: row.copy.edition,
    grantedAt: row.copy.grantedAt.toISOString(),
    grantReason: row.copy.grantReason,
    hidden: row.copy.hidden,
    certificateUrl: `/api/certificates/${row.copy.id}`,
    exportUrl: `/api/collectibles/mine/${row.copy.id}/export.zip`,
  };
}

/** The owner's copies, in the order they were granted. */
export async function listOwnedCopies(database: DbLike, userId: string): Promise<OwnedCopy[]> {
  const rows = await selectOwned(database)
    .where(eq(collectibleCopies.ownerId, userId))
    .orderBy(asc(collectibleCopies.grantedAt), asc(collectibleCopies.id));
  return rows.map(toOwnedCopy);
}

/** @throws DomainError not_found when the copy is not the owner's. */
export async function getOwnedCopy(database: DbLike, userId: string, copyId: string): Promise<OwnedCopy> {
  const [row] = await selectOwned(database).where(
    and(eq(collectibleCopies.id, copyId), eq(collectibleCopies.ownerId, userId)),
  );
  if (!row) throw DomainError.notFound("copy", copyId);
  return toOwnedCopy(row);
}

/** Hides or shows a copy in its owner's vitrine; nothing else about a copy can change. */
export async function setCopyHidden(
  database: DbLike,
  userId: string,
  copyId: string,
  hidden: boolean,
): Promise<OwnedCopy> {
  const [row] = await drizzleOf(database)
    .update(collectibleCopies)
    .set({ hidden })
    .where(and(eq(collectibleCopies.id, copyId), eq(collectibleCopies.ownerId, userId)))
    .returning({ id: collectibleCopies.id });
  if (!row) throw DomainError.notFound("copy", copyId);
  return getOwnedCopy(database, userId, copyId);
}

/** A copy's certificate exactly as issued. @throws DomainError not_found */
export async function getCertificate(database: DbLike, certificateId: string): Promise<Certificate> {
  const [row] = await drizzleOf(database)
    .select({ certificate: collectibleCopies.certificate })
    .from(collectibleCopies)
    .where(eq(collectibleCopies.id, certificateId));
  if (!row) throw DomainError.notFound("certificate", certificateId);
  return Certificate.parse(row.certificate);
}

/** Whether an id names a collectible (drops may not put one up for sale). */
export async function isCollectibleId(database: DbLike, id: string): Promise<boolean> {
  const rows = await drizzleOf(database)
    .select({ id: collectibles.id })
    .from(collectibles)
    .where(eq(collectibles.id, id))
    .limit(1);
  return rows.length > 0;
}
