/**
 * The access log: every read (and change) of a client's card by a maison's staff, written in the
 * same transaction as the read itself, so no card is ever shown without its entry. The client can
 * read their own entries: who, which brand, when, what.
 */
import { desc, eq } from "drizzle-orm";
import type { AccessAction, AccessLogEntry } from "../../shared/clienteling/card.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brands, clientAccessLog } from "../db/schema.ts";
import type { StaffMember } from "./staff.ts";

/** Records one access by staff to a client's data. */
export async function recordAccess(
  database: DbLike,
  entry: {
    staff: StaffMember;
    clientId: string;
    action: AccessAction;
    sections: readonly string[];
    at: Date;
  },
): Promise<void> {
  await drizzleOf(database)
    .insert(clientAccessLog)
    .values({
      brandId: entry.staff.brandId,
      clientId: entry.clientId,
      staffId: entry.staff.userId,
      staffName: entry.staff.name,
      staffRole: entry.staff.role,
      action: entry.action,
      sections: [...entry.sections],
      at: entry.at,
    });
}

/** The client's own access log, newest first. */
export async function listMyAccessLog(
  database: DbLike,
  clientId: string,
  options: { limit?: number } = {},
): Promise<AccessLogEntry[]> {
  const rows = await drizzleOf(database)
    .select({ log: clientAccessLog, brandName: brands.name })
    .from(clientAccessLog)
    .innerJoin(brands, eq(brands.id, clientAccessLog.brandId))
    .where(eq(clientAccessLog.clientId, clientId))
    .orderBy(desc(clientAccessLog.seq))
    .limit(Math.min(Math.max(options.limit ?? 200, 1), 1000));
  return rows.map(({ log, brandName }) => ({
    at: log.at.toISOString(),
    brandId: log.brandId,
    brandName,
    staffId: log.staffId,
    staffName: log.staffName,
    staffRole: log.staffRole,
    action: log.action as AccessAction,
    sections: log.sections,
  }));
}
