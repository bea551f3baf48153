/**
 * A brand's client book: the clients who opted in to that brand, as its advisors and owners see the
 * list (name, language, zone, consent, preferred advisor, next appointment), and the owners'
 * reassignment of clients to advisors.
 */
import { and, asc, eq, gt, inArray, isNotNull, min } from "drizzle-orm";
import type { ClientBookEntry } from "../../shared/clienteling/card.ts";
import type { ConsentChannel, ConsentPurpose } from "../../shared/clienteling/consent.ts";
import { emptyConsentMatrix } from "../../shared/clienteling/consent.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { appointments, clientConsents, clientRelationships, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { recordAccess } from "./accessLog.ts";
import { requireInBook } from "./consent.ts";
import { preferencesOf } from "./preferences.ts";
import { CLIENT_BOOK_ROLES, requireStaff, staffMemberOf } from "./staff.ts";

/**
 * The brand's book, by name; `advisorId` keeps the clients assigned to that advisor.
 * @throws DomainError forbidden unless the actor is the brand's advisor or owner.
 */
export async function listClientBook(
  database: DbLike,
  request: { actorId: string; brandId: string; advisorId?: string },
  clock: Clock,
): Promise<ClientBookEntry[]> {
  const db = drizzleOf(database);
  const { brandId } = request;
  await requireStaff(db, request.actorId, brandId);
  const rows = await db
    .select({ relationship: clientRelationships, name: users.displayName })
    .from(clientRelationships)
    .innerJoin(users, eq(users.id, clientRelationships.clientId))
    .where(
      and(
        eq(clientRelationships.brandId, brandId),
        isNotNull(clientRelationships.inBookSince),
        request.advisorId === undefined
          ? undefined
          : eq(clientRelationships.preferredAdvisorId, request.advisorId),
      ),
    )
    .orderBy(asc(users.displayName));
  const ids = rows.map((r) => r.relationship.clientId);
  if (ids.length === 0) return [];
  const consents = await db
    .select()
    .from(clientConsents)
    .where(and(eq(clientConsents.brandId, brandId), inArray(clientConsents.clientId, ids)));
  const next = await db
    .select({ clientId: appointments.clientId, at: min(appointments.startsAt) })
    .from(appointments)
    .where(
      and(
        eq(appointments.brandId, brandId),
        inArray(appointments.clientId, ids),
        eq(appointments.status, "booked"),
        gt(appointments.startsAt, clock.now()),
      ),
    )
    .groupBy(appointments.clientId);
  const advisorNames = await namesOf(
    db,
    rows.flatMap((r) => r.relationship.preferredAdvisorId ?? []),
  );
  const preferences = await preferencesOf(db, ids);
  return rows.map(({ relationship, name }) => {
    const consent = emptyConsentMatrix();
    for (const c of consents.filter((c) => c.clientId === relationship.clientId)) {
      consent[c.purpose as ConsentPurpose][c.channel as ConsentChannel] = c.granted;
    }
    const advisorId = relationship.preferredAdvisorId;
    const prefs = preferences.get(relationship.clientId);
    return {
      clientId: relationship.clientId,
      name,
      language: prefs?.language ?? "en",
      timeZone: prefs?.timeZone ?? "UTC",
      preferredAdvisor: advisorId ? { id: advisorId, name: advisorNames.get(advisorId) ?? "" } : null,
      consent,
      inBookSince: (relationship.inBookSince as Date).toISOString(),
      nextAppointmentAt: next.find((n) => n.clientId === relationship.clientId)?.at?.toISOString() ?? null,
    };
  });
}

async function namesOf(database: DbLike, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await drizzleOf(database)
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * An owner assigns a client to one of the brand's advisors (or owners), or clears it with null.
 * @throws DomainError forbidden (not an owner), not_found (client not in book), validation_failed
 * (the advisor is not on the brand's staff).
 */
export async function assignPreferredAdvisor(
  database: DbLike,
  request: { actorId: string; brandId: string; clientId: string; advisorId: string | null },
  clock: Clock,
): Promise<void> {
  const { brandId, clientId, advisorId } = request;
  await drizzleOf(database).transaction(async (tx) => {
    const owner = await requireStaff(tx, request.actorId, brandId, ["owner"]);
    await requireInBook(tx, brandId, clientId);
    if (advisorId !== null) {
      const advisor = await staffMemberOf(tx, advisorId, brandId);
      if (!advisor || !CLIENT_BOOK_ROLES.includes(advisor.role)) {
        throw new DomainError("validation_failed", "Assign the client to one of your maison's advisors.", {
          reason: "not_an_advisor",
          advisorId,
        });
      }
    }
    await tx
      .update(clientRelationships)
      .set({ preferredAdvisorId: advisorId, updatedAt: clock.now() })
      .where(and(eq(clientRelationships.brandId, brandId), eq(clientRelationships.clientId, clientId)));
    await recordAccess(tx, {
      staff: owner,
      clientId,
      action: "advisor_assigned",
      sections: ["profile"],
      at: clock.now(),
    });
  });
}
