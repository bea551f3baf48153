/** The audit rows the admin console writes: one per action, in the action's transaction. */
import type { AdminAuditKind } from "../../shared/admin.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents } from "../db/schema.ts";

export type AdminAuditRow = {
  kind: AdminAuditKind;
  actorId: string;
  at: Date;
  subjectUserId?: string | null;
  reason?: string | null;
  /** What the row is about beyond its subject (brandId, reportId, the role…). */
  details: Record<string, unknown>;
};

export async function writeAdminAudit(database: DbLike, row: AdminAuditRow): Promise<void> {
  await drizzleOf(database)
    .insert(auditEvents)
    .values({
      at: row.at,
      kind: row.kind,
      actorUserId: row.actorId,
      subjectUserId: row.subjectUserId ?? null,
      reason: row.reason ?? null,
      details: row.details,
    });
}
