/**
 * Consent, as only the client changes it: per brand, purpose and channel, each change recorded with
 * its time and source. The client is in a brand's book while any cell is granted; withdrawing the
 * last one takes them out and erases what the maison noted about them (notes, dates, sizes, the
 * preferred advisor), so a later opt-in starts afresh.
 *
 * Changes for one brand and client are serialised by locking their `client_relationships` row
 * (upserted first), so two devices changing consent at once cannot leave the book flag wrong.
 */
import { and, asc, eq } from "drizzle-orm";
import {
  anyConsentGranted,
  type BrandConsent,
  type ConsentChange,
  type ConsentChannel,
  type ConsentMatrix,
  type ConsentPurpose,
  type ConsentSource,
  emptyConsentMatrix,
  type SetConsentBody,
} from "../../shared/clienteling/consent.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { brands, clientConsentEvents, clientConsents, clientRelationships } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";

/** The client's consent matrix with a brand (all false when they never opted in). */
export async function consentMatrixOf(
  database: DbLike,
  brandId: string,
  clientId: string,
): Promise<ConsentMatrix> {
  const rows = await drizzleOf(database)
    .select()
    .from(clientConsents)
    .where(and(eq(clientConsents.brandId, brandId), eq(clientConsents.clientId, clientId)));
  const matrix = emptyConsentMatrix();
  for (const row of rows) matrix[row.purpose as ConsentPurpose][row.channel as ConsentChannel] = row.granted;
  return matrix;
}

/** Whether the client is in the brand's book (any consent granted). */
export async function isInBook(database: DbLike, brandId: string, clientId: string): Promise<boolean> {
  const [row] = await drizzleOf(database)
    .select({ granted: clientConsents.granted })
    .from(clientConsents)
    .where(
      and(
        eq(clientConsents.brandId, brandId),
        eq(clientConsents.clientId, clientId),
        eq(clientConsents.granted, true),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * @throws DomainError not_found (reason `client_not_in_book`) unless the client opted in to the
 * brand; the same answer whether the account exists or not, so staff learn nothing about outsiders.
 */
export async function requireInBook(database: DbLike, brandId: string, clientId: string): Promise<void> {
  if (await isInBook(database, brandId, clientId)) return;
  throw new DomainError("not_found", "This person is not in your maison's client book.", {
    reason: "client_not_in_book",
    brandId,
    clientId,
  });
}

async function lockRelationship(tx: Db, brandId: string, clientId: string, now: Date) {
  const [row] = await tx
    .insert(clientRelationships)
    .values({ brandId, clientId, updatedAt: now })
    .onConflictDoUpdate({
      target: [clientRelationships.brandId, clientRelationships.clientId],
      set: { updatedAt: now },
    })
    .returning();
  if (!row) throw new Error("relationship upsert returned nothing");
  return row;
}

/**
 * Applies the client's changes to their consent with one brand; unchanged cells record nothing.
 * @throws DomainError not_found for an unknown brand.
 */
export async function setConsent(
  database: DbLike,
  input: { clientId: string; brandId: string; body: SetConsentBody },
  clock: Clock,
): Promise<BrandConsent> {
  const { clientId, brandId, body } = input;
  return drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const [brand] = await tx.select({ name: brands.name }).from(brands).where(eq(brands.id, brandId));
    if (!brand) throw DomainError.notFound("brand", brandId);
    const relationship = await lockRelationship(tx, brandId, clientId, now);
    const before = await consentMatrixOf(tx, brandId, clientId);
    for (const change of body.changes) {
      if (before[change.purpose][change.channel] === change.granted) continue;
      const values = { ...change, brandId, clientId, source: body.source };
      await tx
        .insert(clientConsents)
        .values({ ...values, updatedAt: now })
        .onConflictDoUpdate({
          target: [
            clientConsents.brandId,
            clientConsents.clientId,
            clientConsents.purpose,
            clientConsents.channel,
          ],
          set: { granted: change.granted, source: body.source, updatedAt: now },
        });
      await tx.insert(clientConsentEvents).values({ ...values, at: now });
    }
    const after = await consentMatrixOf(tx, brandId, clientId);
    const inBook = anyConsentGranted(after);
    if (inBook && relationship.inBookSince === null) {
      await tx
        .update(clientRelationships)
        .set({ inBookSince: now })
        .where(and(eq(clientRelationships.brandId, brandId), eq(clientRelationships.clientId, clientId)));
    } else if (!inBook && relationship.inBookSince !== null) {
      await tx
        .update(clientRelationships)
        .set({ inBookSince: null, notes: "", importantDates: [], sizes: {}, preferredAdvisorId: null })
        .where(and(eq(clientRelationships.brandId, brandId), eq(clientRelationships.clientId, clientId)));
    }
    return { brandId, brandName: brand.name, consent: after, inBook, updatedAt: now.toISOString() };
  });
}

/** Withdraws every purpose on every channel: the client leaves the brand's book. */
export async function withdrawAllConsent(
  database: DbLike,
  input: { clientId: string; brandId: string; source: ConsentSource },
  clock: Clock,
): Promise<BrandConsent> {
  const changes = (["appointments", "new_pieces", "events"] as const).flatMap((purpose) =>
    (["in_app", "email"] as const).map((channel) => ({ purpose, channel, granted: false })),
  );
  return setConsent(database, { ...input, body: { source: input.source, changes } }, clock);
}

/** Every brand the client ever set consent with, for their wallet. */
export async function listMyConsents(database: DbLike, clientId: string): Promise<BrandConsent[]> {
  const db = drizzleOf(database);
  const rows = await db
    .select({ consent: clientConsents, brandName: brands.name })
    .from(clientConsents)
    .innerJoin(brands, eq(brands.id, clientConsents.brandId))
    .where(eq(clientConsents.clientId, clientId))
    .orderBy(asc(brands.position));
  const byBrand = new Map<string, BrandConsent>();
  for (const { consent, brandName } of rows) {
    const entry = byBrand.get(consent.brandId) ?? {
      brandId: consent.brandId,
      brandName,
      consent: emptyConsentMatrix(),
      inBook: false,
      updatedAt: null,
    };
    entry.consent[consent.purpose as ConsentPurpose][consent.channel as ConsentChannel] = consent.granted;
    entry.inBook ||= consent.granted;
    const at = consent.updatedAt.toISOString();
    if (entry.updatedAt === null || at > entry.updatedAt) entry.updatedAt = at;
    byBrand.set(consent.brandId, entry);
  }
  return [...byBrand.values()];
}

/** The client's consent history, oldest first (with one brand, or all). */
export async function consentHistory(
  database: DbLike,
  clientId: string,
  brandId?: string,
): Promise<ConsentChange[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(clientConsentEvents)
    .where(
      and(
        eq(clientConsentEvents.clientId, clientId),
        brandId === undefined ? undefined : eq(clientConsentEvents.brandId, brandId),
      ),
    )
    .orderBy(asc(clientConsentEvents.seq));
  return rows.map((r) => ({
    brandId: r.brandId,
    purpose: r.purpose as ConsentPurpose,
    channel: r.channel as ConsentChannel,
    granted: r.granted,
    source: r.source as ConsentSource,
    at: r.at.toISOString(),
  }));
}
