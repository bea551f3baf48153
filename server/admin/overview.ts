/** What runs across brands, for the console: pass programmes, events and drops with their status. */
import { and, asc, count, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type {
  AdminDrop,
  AdminDropStatus,
  AdminEvent,
  AdminEventStatus,
  AdminProgramme,
} from "../../shared/admin.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brands, drops, events, passes, passTypes } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";

export async function listProgrammes(database: DbLike, clock: Clock): Promise<AdminProgramme[]> {
  const now = clock.now();
  const rows = await drizzleOf(database)
    .select({ type: passTypes, brandName: brands.name, active: count(passes.id) })
    .from(passTypes)
    .leftJoin(brands, eq(brands.id, passTypes.brandId))
    .leftJoin(
      passes,
      and(
        eq(passes.passTypeId, passTypes.id),
        isNull(passes.revokedAt),
        lt(passes.validFrom, now),
        gt(passes.validUntil, now),
      ),
    )
    .groupBy(passTypes.id, brands.name)
    .orderBy(asc(brands.name), asc(sql`${passTypes.name}->>'en'`), asc(passTypes.id));
  return rows.map(({ type, brandName, active }) => ({
    id: type.id,
    brandId: type.brandId,
    brandName,
    name: type.name,
    tier: type.tier,
    validFrom: type.validFrom.toISOString(),
    validUntil: type.validUntil.toISOString(),
    activePasses: Number(active),
  }));
}

/** How long ended events and drops stay in the lists. */
const RECENT_MS = 30 * 86_400_000;

function eventStatus(
  e: { cancelledAt: Date | null; startsAt: Date; endsAt: Date },
  now: Date,
): AdminEventStatus {
  if (e.cancelledAt) return "cancelled";
  if (now < e.startsAt) return "upcoming";
  return now < e.endsAt ? "live" : "ended";
}

export async function listEvents(database: DbLike, clock: Clock): Promise<AdminEvent[]> {
  const now = clock.now();
  const rows = await drizzleOf(database)
    .select({ event: events, brandName: brands.name })
    .from(events)
    .leftJoin(brands, eq(brands.id, events.brandId))
    .where(gt(events.endsAt, new Date(now.getTime() - RECENT_MS)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(200);
  return rows.map(({ event, brandName }) => ({
    id: event.id,
    brandId: event.brandId,
    brandName,
    title: event.title,
    kind: event.kind,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    status: eventStatus(event, now),
  }));
}

function dropStatus(
  d: {
    earlyAccessStartsAt: Date;
    publicStartsAt: Date;
    endsAt: Date;
    soldOutAt: Date | null;
    remaining: number;
  },
  now: Date,
): AdminDropStatus {
  if (now >= d.endsAt) return "ended";
  if (d.soldOutAt || d.remaining === 0) return "sold_out";
  if (now < d.earlyAccessStartsAt) return "announced";
  return now < d.publicStartsAt ? "early_access" : "open";
}

export async function listDrops(database: DbLike, clock: Clock): Promise<AdminDrop[]> {
  const now = clock.now();
  const rows = await drizzleOf(database)
    .select({ drop: drops, brandName: brands.name })
    .from(drops)
    .innerJoin(brands, eq(brands.id, drops.brandId))
    .where(gt(drops.endsAt, new Date(now.getTime() - RECENT_MS)))
    .orderBy(asc(drops.publicStartsAt), asc(drops.id))
    .limit(200);
  return rows.map(({ drop, brandName }) => ({
    id: drop.id,
    brandId: drop.brandId,
    brandName,
    title: drop.title,
    mode: drop.mode,
    stock: drop.stock,
    remaining: drop.remaining,
    publicStartsAt: drop.publicStartsAt.toISOString(),
    endsAt: drop.endsAt.toISOString(),
    status: dropStatus(drop, now),
  }));
}
