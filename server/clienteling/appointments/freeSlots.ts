/**
 * Free slots: each advisor's availability expanded over the shopper's booking window, minus every
 * appointment the advisor already has (at any brand: one person cannot be in two salons). Pass
 * holders of one of the brand's programmes may book further ahead.
 */
import { and, eq, gt, inArray, lt, ne } from "drizzle-orm";
import type { FreeSlot, FreeSlotsAnswer } from "../../../shared/clienteling/appointments.ts";
import type { ClientelingSettings } from "../../../shared/clienteling/settings.ts";
import { expandSlots } from "../../../shared/clienteling/slots.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { advisorAvailability, appointments, brandStaff, passTypes, users } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { activePassesOf } from "../../passes/passes.ts";
import { getClientelingSettings } from "../settings.ts";

export type BookingWindow = { from: Date; to: Date; passHolder: boolean };

/** Whether the shopper holds an active pass of one of the brand's own programmes. */
export async function holdsBrandPass(
  database: DbLike,
  brandId: string,
  userId: string,
  now: Date,
): Promise<boolean> {
  const types = await drizzleOf(database)
    .select({ id: passTypes.id })
    .from(passTypes)
    .where(eq(passTypes.brandId, brandId));
  const active = await activePassesOf(
    database,
    userId,
    types.map((t) => t.id),
    now,
  );
  return active.length > 0;
}

/** From the brand's notice period to its horizon (the longer one for its pass holders). */
export async function bookingWindowFor(
  database: DbLike,
  brandId: string,
  clientId: string | null,
  now: Date,
  settings: ClientelingSettings,
): Promise<BookingWindow> {
  const passHolder = clientId !== null && (await holdsBrandPass(database, brandId, clientId, now));
  const days = passHolder ? settings.passHolderHorizonDays : settings.bookingHorizonDays;
  return {
    from: new Date(now.getTime() + settings.minNoticeMinutes * 60_000),
    to: new Date(now.getTime() + days * 86_400_000),
    passHolder,
  };
}

/** Appointments (not cancelled) of these advisors that overlap [from, to), at any brand. */
export async function busyTimes(
  database: DbLike,
  advisorIds: string[],
  from: Date,
  to: Date,
  exceptId?: string,
) {
  if (advisorIds.length === 0) return [];
  return drizzleOf(database)
    .select({
      advisorId: appointments.advisorId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
    })
    .from(appointments)
    .where(
      and(
        inArray(appointments.advisorId, advisorIds),
        ne(appointments.status, "cancelled"),
        lt(appointments.startsAt, to),
        gt(appointments.endsAt, from),
        exceptId === undefined ? undefined : ne(appointments.id, exceptId),
      ),
    );
}

/**
 * The brand's free slots for a shopper (null for a visitor not signed in), soonest first.
 * `advisorId` keeps one advisor's; `limit` caps the answer (default 50).
 */
export async function freeSlotsOfBrand(
  database: DbLike,
  request: { brandId: string; clientId: string | null; advisorId?: string; limit?: number },
  clock: Clock,
): Promise<FreeSlotsAnswer> {
  const db = drizzleOf(database);
  const now = clock.now();
  const settings = await getClientelingSettings(db, request.brandId);
  const window = await bookingWindowFor(db, request.brandId, request.clientId, now, settings);
  const advisors = await db
    .select({ availability: advisorAvailability, name: users.displayName })
    .from(advisorAvailability)
    .innerJoin(
      brandStaff,
      and(
        eq(brandStaff.brandId, advisorAvailability.brandId),
        eq(brandStaff.userId, advisorAvailability.advisorId),
      ),
    )
    .innerJoin(users, eq(users.id, advisorAvailability.advisorId))
    .where(
      and(
        eq(advisorAvailability.brandId, request.brandId),
        inArray(brandStaff.role, ["advisor", "owner"]),
        request.advisorId === undefined ? undefined : eq(advisorAvailability.advisorId, request.advisorId),
        request.clientId === null ? undefined : ne(advisorAvailability.advisorId, request.clientId),
      ),
    );
  const busy = await busyTimes(
    db,
    advisors.map((a) => a.availability.advisorId),
    window.from,
    window.to,
  );
  const slots: FreeSlot[] = advisors.flatMap(({ availability, name }) =>
    expandSlots(availability, window.from, window.to, settings.slotMinutes)
      .filter(
        (slot) =>
          !busy.some(
            (b) =>
              b.advisorId === availability.advisorId && b.startsAt < slot.endsAt && b.endsAt > slot.startsAt,
          ),
      )
      .map((slot) => ({
        brandId: request.brandId,
        advisorId: availability.advisorId,
        advisorName: name,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
      })),
  );
  slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.advisorName.localeCompare(b.advisorName));
  return {
    slots: slots.slice(0, Math.min(Math.max(request.limit ?? 50, 1), 500)),
    horizonEndsAt: window.to.toISOString(),
    passHolder: window.passHolder,
  };
}
