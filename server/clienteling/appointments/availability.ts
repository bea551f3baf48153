/** Advisors publish their availability for a brand, in their own time zone. */
import { and, eq } from "drizzle-orm";
import type { AdvisorAvailability, SetAvailabilityBody } from "../../../shared/clienteling/availability.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { advisorAvailability } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { DomainError } from "../../errors.ts";
import { CLIENT_BOOK_ROLES, requireStaff, staffMemberOf } from "../staff.ts";

type Row = typeof advisorAvailability.$inferSelect;

export function toAvailability(row: Row): AdvisorAvailability {
  return {
    brandId: row.brandId,
    advisorId: row.advisorId,
    timeZone: row.timeZone,
    weekly: row.weekly,
    exceptions: row.exceptions,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Publishes (replaces) an advisor's availability for a brand. Advisors set their own; owners may
 * set any advisor's. Appointments already booked stay booked.
 * @throws DomainError forbidden, validation_failed (`not_an_advisor`).
 */
export async function setAvailability(
  database: DbLike,
  request: { actorId: string; brandId: string; advisorId?: string; body: SetAvailabilityBody },
  clock: Clock,
): Promise<AdvisorAvailability> {
  const db = drizzleOf(database);
  const advisorId = request.advisorId ?? request.actorId;
  const actor = await requireStaff(db, request.actorId, request.brandId);
  if (advisorId !== request.actorId) {
    if (actor.role !== "owner") {
      throw new DomainError("forbidden", "Only an owner sets another advisor's hours.", {
        reason: "role_not_allowed",
      });
    }
    const advisor = await staffMemberOf(db, advisorId, request.brandId);
    if (!advisor || !CLIENT_BOOK_ROLES.includes(advisor.role)) {
      throw new DomainError("validation_failed", "Only the maison's advisors publish hours.", {
        reason: "not_an_advisor",
        advisorId,
      });
    }
  }
  const values = { ...request.body, updatedAt: clock.now() };
  const [row] = await db
    .insert(advisorAvailability)
    .values({ brandId: request.brandId, advisorId, ...values })
    .onConflictDoUpdate({ target: [advisorAvailability.brandId, advisorAvailability.advisorId], set: values })
    .returning();
  if (!row) throw new Error("upsert returned nothing");
  return toAvailability(row);
}

/** An advisor's availability for a brand, or null when they published none. */
export async function getAvailability(
  database: DbLike,
  brandId: string,
  advisorId: string,
): Promise<AdvisorAvailability | null> {
  const [row] = await drizzleOf(database)
    .select()
    .from(advisorAvailability)
    .where(and(eq(advisorAvailability.brandId, brandId), eq(advisorAvailability.advisorId, advisorId)));
  return row ? toAvailability(row) : null;
}
