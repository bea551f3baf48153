/**
 * Guest lists of invite-only events: built from rules (pass holders, segments, named emails), idempotent
 * (building again only adds whoever newly qualifies, never changes an answer), and invitations by
 * email that wait for their person to sign up or in.
 */
import { and, asc, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { MyInvitations } from "../../shared/events/eventView.ts";
import type {
  BuildGuestListAnswer,
  GuestListRules,
  InvitationSource,
} from "../../shared/events/guestList.ts";
import { type AuditedBy, auditActor, auditOrigin } from "../audit.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, brands, eventInvitations, events, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { requireEventManager } from "./eventAccess.ts";
import { getEventRow, toEventSummary } from "./eventRecords.ts";
import { checkGuestPassTypes, type Person, passHolders, segmentMembers } from "./guestSegments.ts";

/** Ended events whose invitations are still listed to their guests. */
export const INVITATIONS_KEPT_DAYS = 14;
const INSERT_BATCH = 500;

/**
 * Gives the person the invitations that waited for their email (call at sign-up and sign-in; the
 * events functions also call it for the person they serve, so nothing depends on that). Returns how
 * many were bound.
 */
export async function bindPendingInvitations(
  database: DbLike,
  user: Pick<SessionUser, "id" | "email">,
): Promise<number> {
  const email = user.email.toLowerCase();
  const bound = await drizzleOf(database)
    .update(eventInvitations)
    .set({ userId: user.id })
    .where(
      and(
        eq(eventInvitations.email, email),
        isNull(eventInvitations.userId),
        // Never a second invitation of the same person to one event.
        sql`not exists (select 1 from ${eventInvitations} as mine where mine.event_id = ${eventInvitations.eventId} and mine.user_id = ${user.id})`,
      ),
    )
    .returning({ id: eventInvitations.id });
  return bound.length;
}

type Candidate = { userId: string | null; email: string; source: InvitationSource };

async function candidatesOf(
  tx: Db,
  event: { id: string; brandId: string | null },
  rules: GuestListRules,
  now: Date,
) {
  const byEmail = new Map<string, Candidate>();
  const add = (people: Person[], source: InvitationSource) => {
    for (const p of people)
      if (!byEmail.has(p.email)) byEmail.set(p.email, { userId: p.userId, email: p.email, source });
  };
  add(await passHolders(tx, rules.passTypeIds, now), "pass");
  for (const segment of rules.segments)
    add(await segmentMembers(tx, event.brandId, event.id, segment, now), "segment");
  const named = [...new Set(rules.emails.map((e) => e.toLowerCase()))];
  const accounts =
    named.length === 0
      ? []
      : await tx
          .select({ userId: users.id, email: users.email })
          .from(users)
          .where(inArray(users.email, named));
  add(accounts, "email");
  const known = new Set(accounts.map((a) => a.email));
  const pendingEmails = named.filter((e) => !known.has(e));
  for (const email of pendingEmails)
    if (!byEmail.has(email)) byEmail.set(email, { userId: null, email, source: "email" });
  return { candidates: [...byEmail.values()], pendingEmails };
}

type EventRow = Awaited<ReturnType<typeof getEventRow>>;

/**
 * Resolves the rules into invitations of an invite-only event that has not ended, in the caller's
 * transaction, keeps the rules on the event and audits (a person, or the demo seed). Whoever is
 * invited already stays as they are.
 * @throws DomainError conflict (`not_invite_only`, `cancelled`, `ended`), validation_failed
 * (`pass_type_not_found`, `pass_type_not_allowed`)
 */
export async function inviteGuests(
  tx: Db,
  event: EventRow,
  rules: GuestListRules,
  by: AuditedBy,
  now: Date,
): Promise<BuildGuestListAnswer> {
  const eventId = event.id;
  const refuse = (reason: string, message: string) =>
    new DomainError(ErrorCode.conflict, message, { reason, eventId });
  if (event.kind !== "invite") throw refuse("not_invite_only", "Open events have no guest list.");
  if (event.cancelledAt) throw refuse("cancelled", "This event was cancelled.");
  if (now >= event.endsAt) throw refuse("ended", "This event has ended.");
  await checkGuestPassTypes(tx, event.brandId, [
    ...rules.passTypeIds,
    ...rules.segments.flatMap((s) => (s.passTypeId ? [s.passTypeId] : [])),
  ]);
  const { candidates, pendingEmails } = await candidatesOf(tx, event, rules, now);
  let added = 0;
  for (let i = 0; i < candidates.length; i += INSERT_BATCH) {
    const rows = await tx
      .insert(eventInvitations)
      .values(candidates.slice(i, i + INSERT_BATCH).map((c) => ({ eventId, ...c, invitedAt: now })))
      // Unique per event by email and by person: an invitation already there stays as it is.
      .onConflictDoNothing()
      .returning({ id: eventInvitations.id });
    added += rows.length;
  }
  await tx.update(events).set({ guestListRules: rules, updatedAt: now }).where(eq(events.id, eventId));
  const [total] = await tx
    .select({ n: count() })
    .from(eventInvitations)
    .where(eq(eventInvitations.eventId, eventId));
  await tx.insert(auditEvents).values({
    at: now,
    kind: "event_guest_list_built",
    actorUserId: auditActor(by),
    details: {
      eventId,
      added,
      candidates: candidates.length,
      pending: pendingEmails.length,
      ...auditOrigin(by),
    },
  });
  return { added, alreadyInvited: candidates.length - added, pendingEmails, total: Number(total?.n ?? 0) };
}

/**
 * Resolves the rules into invitations for an invite-only event that has not ended (its owners,
 * merchandisers, admins). The rules are kept on the event.
 * @throws DomainError not_found, forbidden, conflict (`not_invite_only`, `cancelled`, `ended`),
 * validation_failed (`pass_type_not_found`, `pass_type_not_allowed`)
 */
export async function buildGuestList(
  database: DbLike,
  actor: SessionUser,
  eventId: string,
  rules: GuestListRules,
  clock: Clock,
): Promise<BuildGuestListAnswer> {
  return drizzleOf(database).transaction(async (tx) => {
    const event = await getEventRow(tx, eventId);
    requireEventManager(actor, event.brandId);
    return inviteGuests(tx, event, rules, { personId: actor.id }, clock.now());
  });
}

/** The person's invitations to events not ended more than two weeks ago, soonest first. */
export async function listInvitationsOf(
  database: DbLike,
  user: Pick<SessionUser, "id" | "email">,
  clock: Clock,
): Promise<MyInvitations> {
  const now = clock.now();
  await bindPendingInvitations(database, user);
  const rows = await drizzleOf(database)
    .select({ invitation: eventInvitations, event: events, brandName: brands.name })
    .from(eventInvitations)
    .innerJoin(events, eq(events.id, eventInvitations.eventId))
    .leftJoin(brands, eq(brands.id, events.brandId))
    .where(
      and(
        eq(eventInvitations.userId, user.id),
        gt(events.endsAt, new Date(now.getTime() - INVITATIONS_KEPT_DAYS * 86_400_000)),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id));
  return {
    serverTime: now.toISOString(),
    invitations: rows.map(({ invitation, event, brandName }) => ({
      invitationId: invitation.id,
      status: invitation.status,
      invitedAt: invitation.invitedAt.toISOString(),
      respondedAt: invitation.respondedAt?.toISOString() ?? null,
      event: toEventSummary({ ...event, brandName }, now, invitation.status),
    })),
  };
}
