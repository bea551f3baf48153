/**
 * The parts of a client card that come from other domains, each query filtered by the brand in SQL
 * (never fetched wide and filtered in code), so another maison's data cannot reach a card by mistake.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { ClientCard } from "../../shared/clienteling/card.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import {
  appointments,
  collectibleCopies,
  collectibles,
  dropClaims,
  dropEntries,
  drops,
  passes,
  passTypes,
  products,
  users,
  wishlistItems,
} from "../db/schema.ts";
import { passStatusAt } from "../passes/passes.ts";

type Scope = { brandId: string; clientId: string };

/**
 * The seam for the events domain: the brand's events the client was invited to, registered for or
 * attended. A server without events passes none, and the card says `events.available: false`.
 */
export type CardEventsProvider = (database: DbLike, scope: Scope) => Promise<ClientCard["events"]["items"]>;

export async function wishlistOfBrand(
  database: DbLike,
  { brandId, clientId }: Scope,
): Promise<ClientCard["wishlist"]> {
  const rows = await drizzleOf(database)
    .select({ productId: products.id, name: products.name, addedAt: wishlistItems.addedAt })
    .from(wishlistItems)
    .innerJoin(products, eq(products.id, wishlistItems.productId))
    .where(and(eq(wishlistItems.userId, clientId), eq(products.brandId, brandId)))
    .orderBy(asc(wishlistItems.addedAt));
  return rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString() }));
}

export async function claimsOfBrand(
  database: DbLike,
  { brandId, clientId }: Scope,
): Promise<ClientCard["claims"]> {
  const rows = await drizzleOf(database)
    .select({ claim: dropClaims, dropTitle: drops.title, productId: drops.productId })
    .from(dropClaims)
    .innerJoin(drops, eq(drops.id, dropClaims.dropId))
    .where(and(eq(dropClaims.userId, clientId), eq(drops.brandId, brandId)))
    .orderBy(desc(dropClaims.createdAt))
    .limit(100);
  return rows.map(({ claim, dropTitle, productId }) => ({
    claimId: claim.id,
    dropId: claim.dropId,
    dropTitle,
    productId,
    status: claim.status,
    at: (claim.confirmedAt ?? claim.createdAt).toISOString(),
  }));
}

export async function drawEntriesOfBrand(
  database: DbLike,
  { brandId, clientId }: Scope,
): Promise<ClientCard["drawEntries"]> {
  const rows = await drizzleOf(database)
    .select({ dropId: dropEntries.dropId, dropTitle: drops.title, at: dropEntries.createdAt })
    .from(dropEntries)
    .innerJoin(drops, eq(drops.id, dropEntries.dropId))
    .where(and(eq(dropEntries.userId, clientId), eq(drops.brandId, brandId)))
    .orderBy(desc(dropEntries.createdAt))
    .limit(100);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export async function collectiblesOfBrand(
  database: DbLike,
  { brandId, clientId }: Scope,
): Promise<ClientCard["collectibles"]> {
  const rows = await drizzleOf(database)
    .select({ copy: collectibleCopies, name: collectibles.name, editionSize: collectibles.editionSize })
    .from(collectibleCopies)
    .innerJoin(collectibles, eq(collectibles.id, collectibleCopies.collectibleId))
    .where(and(eq(collectibleCopies.ownerId, clientId), eq(collectibles.brandId, brandId)))
    .orderBy(asc(collectibleCopies.grantedAt));
  return rows.map(({ copy, name, editionSize }) => ({
    collectibleId: copy.collectibleId,
    name,
    edition: copy.edition,
    editionSize,
    grantedAt: copy.grantedAt.toISOString(),
  }));
}

/** Passes of the brand's own programmes (platform-wide programmes are not the brand's to see). */
export async function passesOfBrand(
  database: DbLike,
  { brandId, clientId }: Scope,
  now: Date,
): Promise<ClientCard["passes"]> {
  const rows = await drizzleOf(database)
    .select({ pass: passes, programme: passTypes.name, tier: passTypes.tier })
    .from(passes)
    .innerJoin(passTypes, eq(passTypes.id, passes.passTypeId))
    .where(and(eq(passes.userId, clientId), eq(passTypes.brandId, brandId)))
    .orderBy(asc(passes.createdAt));
  return rows.map(({ pass, programme, tier }) => ({
    passId: pass.id,
    programme,
    tier,
    validUntil: pass.validUntil.toISOString(),
    active: passStatusAt(pass, now) === "active",
  }));
}

export async function appointmentsOfBrand(
  database: DbLike,
  { brandId, clientId }: Scope,
): Promise<ClientCard["appointments"]> {
  const rows = await drizzleOf(database)
    .select({ appointment: appointments, advisorName: users.displayName })
    .from(appointments)
    .innerJoin(users, eq(users.id, appointments.advisorId))
    .where(and(eq(appointments.clientId, clientId), eq(appointments.brandId, brandId)))
    .orderBy(desc(appointments.startsAt))
    .limit(50);
  return rows.map(({ appointment, advisorName }) => ({
    id: appointment.id,
    startsAt: appointment.startsAt.toISOString(),
    status: appointment.status,
    advisorName,
  }));
}
