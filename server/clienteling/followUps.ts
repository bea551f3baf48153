/**
 * Follow-up tasks for advisors, made by the server: after an appointment ends (or was missed) and
 * after a client of the book confirms a claim in one of the brand's drops. One task per appointment
 * or claim (`follow_ups_source_unique`), so the sweeps may run in every process, again and again.
 */
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { FollowUpKind, FollowUpStatus, FollowUpTask } from "../../shared/clienteling/followUps.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { clientConsents, clientRelationships, dropClaims, drops, followUps, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { requireStaff } from "./staff.ts";

/** Days after the appointment or the claim a follow-up is due. */
export const FOLLOW_UP_AFTER_DAYS: Record<FollowUpKind, number> = { after_appointment: 2, after_claim: 3 };
/** Claims older than this when first seen get no task (a new server does not flood its advisors). */
const CLAIM_LOOKBACK_MS = 30 * 86_400_000;

/** Makes the task once (a second call for the same source changes nothing). */
export async function createFollowUp(
  database: DbLike,
  input: {
    brandId: string;
    clientId: string;
    advisorId: string | null;
    kind: FollowUpKind;
    sourceId: string;
    after: Date;
    now: Date;
  },
): Promise<void> {
  await drizzleOf(database)
    .insert(followUps)
    .values({
      brandId: input.brandId,
      clientId: input.clientId,
      advisorId: input.advisorId,
      kind: input.kind,
      sourceId: input.sourceId,
      dueAt: new Date(input.after.getTime() + FOLLOW_UP_AFTER_DAYS[input.kind] * 86_400_000),
      status: "open",
      createdAt: input.now,
    })
    .onConflictDoNothing();
}

/**
 * Tasks for confirmed claims, in the brand's drops, of clients in the brand's book (assigned to the
 * client's preferred advisor). @returns how many tasks were made.
 */
export async function createClaimFollowUps(database: DbLike, clock: Clock): Promise<number> {
  const now = clock.now();
  const db = drizzleOf(database);
  const candidates = await db
    .select({
      brandId: drops.brandId,
      advisorId: clientRelationships.preferredAdvisorId,
      clientId: dropClaims.userId,
      sourceId: dropClaims.id,
      confirmedAt: dropClaims.confirmedAt,
    })
    .from(dropClaims)
    .innerJoin(drops, eq(drops.id, dropClaims.dropId))
    .innerJoin(
      clientRelationships,
      and(
        eq(clientRelationships.brandId, drops.brandId),
        eq(clientRelationships.clientId, dropClaims.userId),
      ),
    )
    .where(
      and(
        eq(dropClaims.status, "confirmed"),
        gt(dropClaims.confirmedAt, new Date(now.getTime() - CLAIM_LOOKBACK_MS)),
        sql`exists (select 1 from ${clientConsents} where ${clientConsents.brandId} = ${drops.brandId} and ${clientConsents.clientId} = ${dropClaims.userId} and ${clientConsents.granted})`,
        sql`not exists (select 1 from ${followUps} where ${followUps.kind} = 'after_claim' and ${followUps.sourceId} = ${dropClaims.id})`,
      ),
    )
    .limit(500);
  if (candidates.length === 0) return 0;
  const inserted = await db
    .insert(followUps)
    .values(
      candidates.map((c) => ({
        brandId: c.brandId,
        advisorId: c.advisorId,
        clientId: c.clientId,
        kind: "after_claim" as const,
        sourceId: c.sourceId,
        dueAt: new Date((c.confirmedAt ?? now).getTime() + FOLLOW_UP_AFTER_DAYS.after_claim * 86_400_000),
        status: "open" as const,
        createdAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: followUps.id });
  return inserted.length;
}

function toTask(row: typeof followUps.$inferSelect, clientName: string): FollowUpTask {
  return {
    id: row.id,
    brandId: row.brandId,
    advisorId: row.advisorId,
    clientId: row.clientId,
    clientName,
    kind: row.kind,
    sourceId: row.sourceId,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    outcome: row.outcome,
  };
}

/** The brand's tasks, soonest due first; `advisorId` keeps one advisor's. */
export async function listFollowUps(
  database: DbLike,
  request: { actorId: string; brandId: string; status?: FollowUpStatus; advisorId?: string },
): Promise<FollowUpTask[]> {
  const db = drizzleOf(database);
  await requireStaff(db, request.actorId, request.brandId);
  const rows = await db
    .select({ task: followUps, clientName: users.displayName })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.clientId))
    .where(
      and(
        eq(followUps.brandId, request.brandId),
        request.status === undefined ? undefined : eq(followUps.status, request.status),
        request.advisorId === undefined ? undefined : eq(followUps.advisorId, request.advisorId),
      ),
    )
    .orderBy(asc(followUps.dueAt))
    .limit(500);
  return rows.map((r) => toTask(r.task, r.clientName));
}

/**
 * Marks a task done with what came of it (done again is a no-op).
 * @throws DomainError forbidden, not_found (not a task of this brand).
 */
export async function completeFollowUp(
  database: DbLike,
  request: { actorId: string; brandId: string; taskId: string; outcome?: string },
  clock: Clock,
): Promise<FollowUpTask> {
  const db = drizzleOf(database);
  const staff = await requireStaff(db, request.actorId, request.brandId);
  await db
    .update(followUps)
    .set({
      status: "done",
      completedAt: clock.now(),
      completedBy: staff.userId,
      outcome: request.outcome ?? null,
    })
    .where(
      and(
        eq(followUps.id, request.taskId),
        eq(followUps.brandId, request.brandId),
        eq(followUps.status, "open"),
      ),
    );
  const [row] = await db
    .select({ task: followUps, clientName: users.displayName })
    .from(followUps)
    .innerJoin(users, eq(users.id, followUps.clientId))
    .where(and(eq(followUps.id, request.taskId), eq(followUps.brandId, request.brandId)));
  if (!row) throw DomainError.notFound("follow_up", request.taskId);
  return toTask(row.task, row.clientName);
}
