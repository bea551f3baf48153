/**
 * Vitrines: each owner's showcase of their copies (hidden ones left out), and the link they hand out
 * to let visitors in. Rotating the link replaces its token, so the old one stops working at once.
 * The `vitrine` room uses `vitrineByToken` and `vitrineOfOwner`.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { type VitrineShareAnswer, VitrineToken, type VitrineView } from "../../shared/collectibles.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandModels, brands, collectibleCopies, collectibles, users, vitrineShares } from "../db/schema.ts";
import { DomainError } from "../errors.ts";
import { blobUrl } from "../models/blobStore.ts";
import { ownerPseudonym } from "./ownerPseudonyms.ts";

/** A vitrine with the id of the account that owns it (the id is for the room, never for visitors). */
export type OwnedVitrine = { ownerId: string; view: VitrineView };

function newToken(): string {
  return randomBytes(24).toString("base64url");
}

function shareAnswer(token: string): VitrineShareAnswer {
  return { token, path: `/vitrine/${token}` };
}

/** The owner's share link, created on first ask. */
export async function shareOf(database: DbLike, ownerId: string): Promise<VitrineShareAnswer> {
  const db = drizzleOf(database);
  await db.insert(vitrineShares).values({ ownerId, token: newToken() }).onConflictDoNothing();
  const [row] = await db
    .select({ token: vitrineShares.token })
    .from(vitrineShares)
    .where(eq(vitrineShares.ownerId, ownerId));
  if (!row) throw new Error("share row vanished after insert");
  return shareAnswer(row.token);
}

/** A new share link; the old one stops working. */
export async function rotateShare(database: DbLike, ownerId: string): Promise<VitrineShareAnswer> {
  const token = newToken();
  await drizzleOf(database)
    .insert(vitrineShares)
    .values({ ownerId, token })
    .onConflictDoUpdate({ target: vitrineShares.ownerId, set: { token, createdAt: new Date() } });
  return shareAnswer(token);
}

/** The owner's vitrine: their visible copies in the order they were granted. */
export async function vitrineOfOwner(database: DbLike, userId: string): Promise<OwnedVitrine> {
  const db = drizzleOf(database);
  const [owner] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  if (!owner) throw DomainError.notFound("user", userId);
  const rows = await db
    .select({
      id: collectibleCopies.id,
      edition: collectibleCopies.edition,
      editionSize: collectibles.editionSize,
      collectibleId: collectibles.id,
      name: collectibles.name,
      story: collectibles.story,
      brandName: brands.name,
      modelSha256: collectibles.modelSha256,
      displayHeight: brandModels.suggestedDisplayHeight,
    })
    .from(collectibleCopies)
    .innerJoin(collectibles, eq(collectibles.id, collectibleCopies.collectibleId))
    .innerJoin(brands, eq(brands.id, collectibles.brandId))
    .innerJoin(brandModels, eq(brandModels.id, collectibles.modelId))
    .where(and(eq(collectibleCopies.ownerId, userId), eq(collectibleCopies.hidden, false)))
    .orderBy(asc(collectibleCopies.grantedAt), asc(collectibleCopies.id));
  return {
    ownerId: userId,
    view: {
      ownerName: owner.name,
      ownerPseudonym: await ownerPseudonym(db, userId),
      copies: rows.map(({ modelSha256, ...copy }) => ({ ...copy, modelUrl: blobUrl(modelSha256) })),
    },
  };
}

/** The vitrine a share token opens, or null for an unknown or rotated token. */
export async function vitrineByToken(database: DbLike, token: string): Promise<OwnedVitrine | null> {
  if (!VitrineToken.safeParse(token).success) return null;
  const [share] = await drizzleOf(database)
    .select({ ownerId: vitrineShares.ownerId })
    .from(vitrineShares)
    .where(eq(vitrineShares.token, token));
  return share ? vitrineOfOwner(database, share.ownerId) : null;
}
