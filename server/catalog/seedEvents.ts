/**
 * The events part of the demo seed (`events` in assets/seed/demo.json): a live show, an upcoming
 * one and an invitation-only salon, dated from the moment they are seeded.
 *
 * Unlike the rest of the seed it runs on every start: events end (a show lasts hours), and the
 * demo should show a live one whenever it is started. For each seed event, if no instance of it is
 * still to come or on, a fresh instance is scheduled from now: the first under the seed's id, later
 * ones under `<id>-<stamp>` (the ended ones stay, with their replays). Everything goes through the
 * domain's own writes (`insertEvent`, `inviteGuests`), audited as the demo seed, in one transaction
 * under an advisory lock, so processes starting together seed each event once.
 */
import { eq, like, or, sql } from "drizzle-orm";
import { type SeedFile, seedEventBody } from "../../shared/seed.ts";
import { accountIdsByEmail } from "../accounts/accounts.ts";
import { DEMO_SEED } from "../audit.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { events } from "../db/schema.ts";
import { getEventRow } from "../events/eventRecords.ts";
import { inviteGuests } from "../events/invitations.ts";
import { insertEvent } from "../events/scheduling.ts";

const EVENTS_SEED_LOCK_KEY = 0x76_65_76_6e_74n; // "vevnt"

/** The id of the instance seeded at `now`: the seed's id first, then one stamped with the time. */
export function seedInstanceId(seedId: string, first: boolean, now: Date): string {
  return first ? seedId : `${seedId}-${now.getTime().toString(36)}`;
}

/**
 * Schedules a fresh instance of every demo event that has none still to come or on. Returns the
 * ids scheduled. Expects a validated seed file whose accounts and pass types are seeded.
 */
export async function seedDemoEvents(database: DbLike, seed: SeedFile, now: Date): Promise<string[]> {
  if (seed.events.length === 0) return [];
  return drizzleOf(database).transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EVENTS_SEED_LOCK_KEY})`);
    const idByEmail = await accountIdsByEmail(
      tx,
      seed.events.flatMap((e) => e.presenters.flatMap((p) => ("email" in p ? [p.email] : []))),
    );
    const scheduled: string[] = [];
    for (const event of seed.events) {
      const instances = await tx
        .select({ id: events.id, endsAt: events.endsAt, cancelledAt: events.cancelledAt })
        .from(events)
        .where(or(eq(events.id, event.id), like(events.id, `${event.id}-%`)));
      const current = instances.some((i) => i.cancelledAt === null && i.endsAt > now);
      if (current) continue;
      const id = seedInstanceId(event.id, instances.length === 0, now);
      const body = seedEventBody(event, id, now, (email) => idByEmail.get(email));
      if (!body.success) throw new Error(`seed event ${event.id} is invalid: ${body.error.message}`);
      const inserted = await insertEvent(tx, body.data, DEMO_SEED, now);
      if (!inserted) continue;
      if (event.guests) await inviteGuests(tx, await getEventRow(tx, inserted), event.guests, DEMO_SEED, now);
      scheduled.push(inserted);
    }
    return scheduled;
  });
}
