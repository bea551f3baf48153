/**
 * Resolving guest-list rules into people: holders of live passes of given types, and segments of a
 * brand's clients (pass type, spend on the brand's drops, past attendance of the brand's events).
 * Spend is the sum of the products' current prices over the client's confirmed claims in the
 * brand's drops, in one currency, within the segment's days.
 */
import { and, countDistinct, eq, gt, gte, inArray, isNull, lte, ne, sql, sum } from "drizzle-orm";
import { ErrorCode } from "../../shared/errors.ts";
import type { GuestSegment } from "../../shared/events/guestList.ts";
import type { Db } from "../db/database.ts";
import {
  dropClaims,
  drops,
  eventAttendance,
  events,
  passes,
  passTypes,
  products,
  users,
} from "../db/schema.ts";
import { DomainError } from "../errors.ts";

const DAY = 86_400_000;

/**
 * Pass types a guest list may use: the brand's own programmes, and platform programmes whose
 * passes entitle to invite-only events. A platform event may use any platform programme.
 */
export async function checkGuestPassTypes(
  tx: Db,
  brandId: string | null,
  passTypeIds: string[],
): Promise<void> {
  const ids = [...new Set(passTypeIds)];
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: passTypes.id, brandId: passTypes.brandId, entitlements: passTypes.entitlements })
    .from(passTypes)
    .where(inArray(passTypes.id, ids));
  for (const id of ids) {
    const type = rows.find((r) => r.id === id);
    if (!type)
      throw new DomainError(ErrorCode.validation, `There is no pass type ${id}.`, {
        reason: "pass_type_not_found",
        passTypeId: id,
      });
    const allowed =
      type.brandId === brandId ||
      (type.brandId === null && (brandId === null || type.entitlements.inviteOnlyEvents));
    if (!allowed)
      throw new DomainError(
        ErrorCode.validation,
        `Pass type ${id} is another brand's programme, or a platform programme without invite-only events.`,
        { reason: "pass_type_not_allowed", passTypeId: id },
      );
  }
}

export type Person = { userId: string; email: string };

/** People holding a live pass (valid now, unrevoked) of any of the types. */
export async function passHolders(tx: Db, passTypeIds: string[], now: Date): Promise<Person[]> {
  if (passTypeIds.length === 0) return [];
  return tx
    .selectDistinct({ userId: users.id, email: users.email })
    .from(passes)
    .innerJoin(users, eq(users.id, passes.userId))
    .where(
      and(
        inArray(passes.passTypeId, passTypeIds),
        isNull(passes.revokedAt),
        lte(passes.validFrom, now),
        gt(passes.validUntil, now),
      ),
    );
}

async function spenders(
  tx: Db,
  brandId: string | null,
  rule: NonNullable<GuestSegment["minSpend"]>,
  now: Date,
) {
  const since = new Date(now.getTime() - rule.withinDays * DAY);
  const rows = await tx
    .select({ userId: dropClaims.userId, total: sum(products.priceMinor) })
    .from(dropClaims)
    .innerJoin(drops, eq(drops.id, dropClaims.dropId))
    .innerJoin(products, eq(products.id, drops.productId))
    .where(
      and(
        eq(dropClaims.status, "confirmed"),
        gte(dropClaims.confirmedAt, since),
        eq(products.currency, rule.currency),
        brandId === null ? undefined : eq(drops.brandId, brandId),
      ),
    )
    .groupBy(dropClaims.userId)
    .having(sql`sum(${products.priceMinor}) >= ${rule.amountMinor}`);
  return new Set(rows.map((r) => r.userId));
}

async function attendees(
  tx: Db,
  brandId: string | null,
  eventId: string,
  rule: NonNullable<GuestSegment["attended"]>,
  now: Date,
) {
  const since = new Date(now.getTime() - rule.withinDays * DAY);
  const rows = await tx
    .select({ userId: eventAttendance.userId, n: countDistinct(eventAttendance.eventId) })
    .from(eventAttendance)
    .innerJoin(events, eq(events.id, eventAttendance.eventId))
    .where(
      and(
        brandId === null ? isNull(events.brandId) : eq(events.brandId, brandId),
        ne(events.id, eventId),
        gte(eventAttendance.firstSeenAt, since),
      ),
    )
    .groupBy(eventAttendance.userId)
    .having(sql`count(distinct ${eventAttendance.eventId}) >= ${rule.minEvents}`);
  return new Set(rows.map((r) => r.userId));
}

/** Everyone in a segment: every condition it gives holds. */
export async function segmentMembers(
  tx: Db,
  brandId: string | null,
  eventId: string,
  segment: GuestSegment,
  now: Date,
): Promise<Person[]> {
  const sets: Set<string>[] = [];
  if (segment.passTypeId !== undefined)
    sets.push(new Set((await passHolders(tx, [segment.passTypeId], now)).map((p) => p.userId)));
  if (segment.minSpend) sets.push(await spenders(tx, brandId, segment.minSpend, now));
  if (segment.attended) sets.push(await attendees(tx, brandId, eventId, segment.attended, now));
  const [first, ...rest] = sets;
  const ids = [...(first ?? [])].filter((id) => rest.every((s) => s.has(id)));
  if (ids.length === 0) return [];
  const people: Person[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    people.push(
      ...(await tx
        .select({ userId: users.id, email: users.email })
        .from(users)
        .where(inArray(users.id, ids.slice(i, i + 1000)))),
    );
  }
  return people;
}
