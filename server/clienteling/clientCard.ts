/**
 * A client's card as a maison's staff read it. The staff role, the client's consent and the access
 * log entry are all checked and written in the transaction that reads the card: a card is never
 * read without consent, and never read without its entry in the client's log.
 */
import { and, eq } from "drizzle-orm";
import { CARD_SECTIONS, type ClientCard, type UpdateClientCardBody } from "../../shared/clienteling/card.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { clientRelationships, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { recordAccess } from "./accessLog.ts";
import {
  appointmentsOfBrand,
  type CardEventsProvider,
  claimsOfBrand,
  collectiblesOfBrand,
  drawEntriesOfBrand,
  passesOfBrand,
  wishlistOfBrand,
} from "./cardSections.ts";
import { consentMatrixOf, requireInBook } from "./consent.ts";
import { getPreferences } from "./preferences.ts";
import { displayNameOf, requireStaff } from "./staff.ts";

export type CardRequest = { actorId: string; brandId: string; clientId: string };
export type CardDeps = { events?: CardEventsProvider };

/**
 * Reads a client's card for a brand's advisor or owner, and logs the read.
 * @throws DomainError forbidden (not the brand's advisor or owner), not_found (`client_not_in_book`).
 */
export async function readClientCard(
  database: DbLike,
  request: CardRequest,
  clock: Clock,
  deps: CardDeps = {},
): Promise<ClientCard> {
  const { brandId, clientId } = request;
  return drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const staff = await requireStaff(tx, request.actorId, brandId);
    await requireInBook(tx, brandId, clientId);
    const scope = { brandId, clientId };
    const [client] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, clientId));
    const [relationship] = await tx
      .select()
      .from(clientRelationships)
      .where(and(eq(clientRelationships.brandId, brandId), eq(clientRelationships.clientId, clientId)));
    const preferences = await getPreferences(tx, clientId);
    const card: ClientCard = {
      brandId,
      clientId,
      name: client?.name ?? "",
      language: preferences.language,
      timeZone: preferences.timeZone,
      quietHours: preferences.quietHours,
      consent: await consentMatrixOf(tx, brandId, clientId),
      preferredAdvisor: await advisorRef(tx, relationship?.preferredAdvisorId ?? null),
      notes: relationship?.notes ?? "",
      importantDates: relationship?.importantDates ?? [],
      sizes: relationship?.sizes ?? {},
      wishlist: await wishlistOfBrand(tx, scope),
      claims: await claimsOfBrand(tx, scope),
      drawEntries: await drawEntriesOfBrand(tx, scope),
      collectibles: await collectiblesOfBrand(tx, scope),
      passes: await passesOfBrand(tx, scope, now),
      appointments: await appointmentsOfBrand(tx, scope),
      events: deps.events
        ? { available: true, items: await deps.events(tx, scope) }
        : { available: false, items: [] },
    };
    await recordAccess(tx, { staff, clientId, action: "card_read", sections: CARD_SECTIONS, at: now });
    return card;
  });
}

async function advisorRef(
  database: DbLike,
  advisorId: string | null,
): Promise<ClientCard["preferredAdvisor"]> {
  const name = await displayNameOf(database, advisorId);
  return advisorId && name !== null ? { id: advisorId, name } : null;
}

/**
 * Changes what the maison notes on a card (notes, important dates, sizes), logged as a change.
 * @throws DomainError forbidden, not_found (`client_not_in_book`).
 */
export async function updateClientCard(
  database: DbLike,
  request: CardRequest & { patch: UpdateClientCardBody },
  clock: Clock,
  deps: CardDeps = {},
): Promise<ClientCard> {
  const { brandId, clientId, patch } = request;
  await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const staff = await requireStaff(tx, request.actorId, brandId);
    await requireInBook(tx, brandId, clientId);
    await tx
      .update(clientRelationships)
      .set({ ...patch, updatedAt: now })
      .where(and(eq(clientRelationships.brandId, brandId), eq(clientRelationships.clientId, clientId)));
    const sections = [
      ...(patch.notes !== undefined ? ["notes"] : []),
      ...(patch.importantDates !== undefined ? ["important_dates"] : []),
      ...(patch.sizes !== undefined ? ["sizes"] : []),
    ];
    await recordAccess(tx, { staff, clientId, action: "card_updated", sections, at: now });
  });
  return readClientCard(database, request, clock, deps);
}
