/**
 * The audit log as admins read it: newest first, filtered by actor (id or email), action, brand
 * (named in the row's details, or owning its drop, pass, event or collectible), target (any id a row
 * is about) and a date range, paged by `seq` so a page never shifts under new rows.
 */
import { and, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AuditPage, AuditQuery } from "../../shared/admin.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, collectibles, drops, events, passes, passTypes, users } from "../db/schema.ts";

/** Keys of `details` that name what a row is about (the console's writes, events, drops). */
const TARGET_KEYS = ["brandId", "reportId", "eventId", "productId", "collectibleId"] as const;

export async function readAuditLog(database: DbLike, query: AuditQuery): Promise<AuditPage> {
  const actor = alias(users, "actor");
  const subject = alias(users, "subject");
  const filters: SQL[] = [];
  if (query.actor) {
    const who = or(eq(auditEvents.actorUserId, query.actor), eq(actor.email, query.actor.toLowerCase()));
    if (who) filters.push(who);
  }
  if (query.action) filters.push(eq(auditEvents.kind, query.action));
  if (query.brand) {
    const b = query.brand;
    filters.push(sql`(
      ${auditEvents.details} ->> 'brandId' = ${b}
      or ${auditEvents.dropId} in (select ${drops.id} from ${drops} where ${drops.brandId} = ${b})
      or ${auditEvents.passId} in (
        select ${passes.id} from ${passes}
        join ${passTypes} on ${passTypes.id} = ${passes.passTypeId}
        where ${passTypes.brandId} = ${b})
      or ${auditEvents.details} ->> 'eventId' in (select ${events.id} from ${events} where ${events.brandId} = ${b})
      or ${auditEvents.details} ->> 'collectibleId' in (
        select ${collectibles.id} from ${collectibles} where ${collectibles.brandId} = ${b})
    )`);
  }
  if (query.target) {
    const t = query.target;
    const about = or(
      eq(auditEvents.subjectUserId, t),
      eq(auditEvents.dropId, t),
      eq(auditEvents.passId, t),
      eq(auditEvents.claimId, t),
      ...TARGET_KEYS.map((key) => sql`${auditEvents.details} ->> ${key} = ${t}`),
    );
    if (about) filters.push(about);
  }
  if (query.from) filters.push(gte(auditEvents.at, new Date(query.from)));
  if (query.to) filters.push(lt(auditEvents.at, new Date(query.to)));
  if (query.before) filters.push(lt(auditEvents.seq, query.before));
  const rows = await drizzleOf(database)
    .select({
      row: auditEvents,
      actorName: actor.displayName,
      actorEmail: actor.email,
      subjectName: subject.displayName,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .leftJoin(subject, eq(subject.id, auditEvents.subjectUserId))
    .where(and(...filters))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map(({ row, actorName, actorEmail, subjectName }) => ({
      seq: row.seq,
      at: row.at.toISOString(),
      action: row.kind,
      actorUserId: row.actorUserId,
      actorName: actorName ? `${actorName} <${actorEmail}>` : null,
      subjectUserId: row.subjectUserId,
      subjectName,
      dropId: row.dropId,
      passId: row.passId,
      reason: row.reason,
      details: row.details ?? null,
    })),
    nextBefore: rows.length > query.limit && last ? last.row.seq : null,
  };
}
