/**
 * Scheduling events: who may, what the body must name (and every refusal by its reason), changes and
 * cancellation before the start, phases on a manual clock, the list, and what an invite-only event
 * shows to whom.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { collectibles } from "../../server/db/schema.ts";
import { DomainError } from "../../server/errors.ts";
import { getEventView, listEvents } from "../../server/events/eventQueries.ts";
import { buildGuestList } from "../../server/events/invitations.ts";
import { rsvp } from "../../server/events/rsvp.ts";
import { cancelEvent, scheduleEvent, updateEvent } from "../../server/events/scheduling.ts";
import { appendTimeline } from "../../server/events/timeline.ts";
import { ScheduleEventBody } from "../../shared/events/eventSchedule.ts";
import { GuestListRules } from "../../shared/events/guestList.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import { createUsers } from "./drops-fixtures.ts";
import {
  at,
  createEventWorld,
  createOtherBrandCollectible,
  minutes,
  NECKLACE_ID,
  OTHER_PRODUCT_ID,
  PRODUCT_ID,
  sessionUser,
  showBody,
} from "./events-fixtures.ts";

/** The code and reason of the DomainError a call is refused with. */
async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError)
      return `${error.code}/${(error.details as { reason?: string } | undefined)?.reason}`;
    throw error;
  }
  return assert.fail("expected a refusal");
}

describe("event bodies on their own (shared schema)", () => {
  test("times, kind and seats, presenters and the host's script", () => {
    const issues = (input: Record<string, unknown>) => {
      const base = {
        brandId: "b1",
        title: { en: "Show" },
        description: { en: "d" },
        startsAt: "2026-12-01T18:00:00Z",
        endsAt: "2026-12-01T19:00:00Z",
        kind: "open",
        presenters: [{ kind: "staff", userId: "u1" }],
        productIds: ["p1"],
      };
      const parsed = ScheduleEventBody.safeParse({ ...base, ...input });
      return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    assert.deepEqual(issues({}), []);
    assert.match(
      issues({ endsAt: "2026-12-01T17:00:00Z" }).join(),
      /endsAt: The event must end after it starts/,
    );
    assert.match(issues({ endsAt: "2026-12-02T18:00:00Z" }).join(), /at most 8 hours/);
    assert.match(issues({ startsAt: "2026-12-01 18:00" }).join(), /startsAt: Use an ISO 8601 instant/);
    assert.match(issues({ kind: "invite" }).join(), /seatCap: An invite-only event needs a seat cap/);
    assert.match(issues({ seatCap: 10 }).join(), /Open events have no seat cap/);
    assert.match(issues({ kind: "invite", seatCap: 10_001 }).join(), /seatCap/);
    assert.match(issues({ title: { fr: "Sans anglais" } }).join(), /title.en/);
    assert.match(issues({ title: { en: "Show", es: "Espectáculo" } }).join(), /Languages must be among/);
    assert.match(
      issues({ productIds: Array.from({ length: 13 }, (_, i) => `p${i}`) }).join(),
      /at most 12 products/,
    );
    assert.match(issues({ presenters: [{ kind: "host" }] }).join(), /host presents alone, give her a script/);
    const script = {
      segments: [{ productId: "p2", atSeconds: 0, line: { en: "x" } }],
      dropCountdownAtSeconds: 60,
    };
    const scripted = issues({ presenters: [{ kind: "host" }], hostScript: script }).join();
    assert.match(scripted, /Product p2 is not among productIds/);
    assert.match(scripted, /A drop countdown needs the event's dropId/);
    assert.match(issues({ hostScript: { segments: [] } }).join(), /needs the host among the presenters/);
  });
});

for (const target of databaseTargets()) {
  describe(`scheduling events on ${target.name}`, { skip: target.skip }, () => {
    test("who may schedule, and every reference the body makes, refused by name", () =>
      withDatabase(target, async (database) => {
        const w = await createEventWorld(database);
        const schedule = (actor = w.owner, over = {}) =>
          scheduleEvent(database, actor, showBody(w.owner.id, over), w.clock);
        assert.equal(await refusal(schedule(w.otherOwner)), "forbidden/not_brand_staff");
        assert.equal(await refusal(schedule(w.advisor)), "forbidden/read_only_role");
        assert.equal(await refusal(schedule(w.owner, { brandId: null })), "forbidden/admin_only");
        assert.equal(
          await refusal(schedule(w.admin, { brandId: "no-such-brand" })),
          "not_found/brand_not_found",
        );
        assert.equal(
          await refusal(schedule(w.owner, { startsAt: at(-minutes(200)).toISOString() })),
          "validation_failed/starts_in_past",
        );
        const staff = (userId: string) => ({ presenters: [{ kind: "staff", userId }] });
        assert.equal(
          await refusal(schedule(w.owner, staff("nobody"))),
          "validation_failed/presenter_not_found",
        );
        assert.equal(
          await refusal(schedule(w.owner, staff(w.otherOwner.id))),
          "validation_failed/presenter_not_staff",
        );
        assert.equal(
          await refusal(schedule(w.owner, { productIds: ["nothing"] })),
          "validation_failed/product_not_found",
        );
        assert.equal(
          await refusal(schedule(w.owner, { productIds: [OTHER_PRODUCT_ID] })),
          "validation_failed/product_not_brands",
        );
        assert.equal(
          await refusal(schedule(w.owner, { dropId: "no-drop" })),
          "validation_failed/drop_not_found",
        );
        const late = {
          startsAt: at(minutes(5)).toISOString(),
          endsAt: at(minutes(60)).toISOString(),
          dropId: w.dropId,
        };
        assert.equal(await refusal(schedule(w.owner, late)), "validation_failed/drop_outside_show");
        const script = (over: object) => ({
          dropId: w.dropId,
          hostScript: {
            segments: [{ productId: NECKLACE_ID, atSeconds: 0, line: { en: "{product}" }, ...over }],
          },
        });
        assert.equal(
          await refusal(
            schedule(w.owner, { ...script({}), hostScript: { segments: [], dropCountdownAtSeconds: 600 } }),
          ),
          "validation_failed/countdown_after_drop",
        );
        assert.equal(
          await refusal(schedule(w.owner, script({ variant: "ruby" }))),
          "validation_failed/unknown_variant",
        );
        assert.equal(
          await refusal(schedule(w.owner, { collectibleId: "none" })),
          "validation_failed/collectible_not_found",
        );
        const otherCollectible = await createOtherBrandCollectible(database);
        assert.equal(
          await refusal(schedule(w.owner, { collectibleId: otherCollectible })),
          "validation_failed/collectible_not_brands",
        );
        await database.db
          .update(collectibles)
          .set({ obtainedBy: "manual" })
          .where(eq(collectibles.id, w.collectibleId));
        assert.equal(
          await refusal(schedule(w.owner, { collectibleId: w.collectibleId })),
          "validation_failed/collectible_not_event_kind",
        );
        await database.db
          .update(collectibles)
          .set({ obtainedBy: "event", sourceId: "another-event" })
          .where(eq(collectibles.id, w.collectibleId));
        assert.equal(
          await refusal(schedule(w.owner, { collectibleId: w.collectibleId })),
          "validation_failed/collectible_of_other_event",
        );
        await database.db
          .update(collectibles)
          .set({ sourceId: "the-show" })
          .where(eq(collectibles.id, w.collectibleId));

        // All of it, right: the merchandiser schedules it, with the script, drop and collectible.
        const view = await schedule(w.merch, {
          id: "the-show",
          ...script({ variant: "gold" }),
          collectibleId: w.collectibleId,
        });
        assert.equal(view.id, "the-show");
        assert.equal(view.phase, "scheduled");
        assert.deepEqual(view.details?.productIds, [PRODUCT_ID, NECKLACE_ID]);
        assert.deepEqual(view.details?.presenters, [
          { kind: "staff", userId: w.owner.id, displayName: w.owner.id },
          { kind: "host" },
        ]);
        assert.equal(view.staff?.hostScript?.segments[0]?.variant, "gold");
        assert.equal(view.staff?.createdBy, w.merch.id);
        assert.equal(await refusal(schedule(w.merch, { id: "the-show" })), "conflict/id_taken");

        // A platform event (admins): products of several brands, presented by an admin and a brand's staff.
        const platform = await scheduleEvent(
          database,
          w.admin,
          showBody(w.owner.id, {
            brandId: null,
            presenters: [
              { kind: "staff", userId: w.admin.id },
              { kind: "staff", userId: w.otherOwner.id },
            ],
            productIds: [PRODUCT_ID, OTHER_PRODUCT_ID],
          }),
          w.clock,
        );
        assert.equal(platform.brandId, null);
        assert.equal(platform.brandName, null);
      }));

    test("changes and cancellation before the start; phases on the server's clock; the list", () =>
      withDatabase(target, async (database) => {
        const w = await createEventWorld(database);
        const show = await scheduleEvent(database, w.owner, showBody(w.owner.id), w.clock);
        const salon = await scheduleEvent(
          database,
          w.owner,
          showBody(w.owner.id, {
            kind: "invite",
            seatCap: 2,
            startsAt: at(minutes(60)).toISOString(),
            endsAt: at(minutes(90)).toISOString(),
          }),
          w.clock,
        );
        const later = await scheduleEvent(
          database,
          w.owner,
          showBody(w.owner.id, {
            startsAt: at(minutes(120)).toISOString(),
            endsAt: at(minutes(150)).toISOString(),
          }),
          w.clock,
        );

        const changed = await updateEvent(
          database,
          w.merch,
          show.id,
          { title: { en: "Evening of Stars, live" }, doorsOpenMinutes: 30 },
          w.clock,
        );
        assert.equal(changed.title.en, "Evening of Stars, live");
        assert.equal(changed.doorsOpenAt, at(-minutes(40)).toISOString());
        assert.deepEqual(changed.details?.productIds, [PRODUCT_ID, NECKLACE_ID], "fields not given stay");
        assert.equal(
          await refusal(updateEvent(database, w.advisor, show.id, { title: { en: "No" } }, w.clock)),
          "forbidden/read_only_role",
        );
        assert.equal(
          await refusal(
            updateEvent(database, w.owner, show.id, { endsAt: at(-minutes(20)).toISOString() }, w.clock),
          ),
          "validation_failed/invalid_event",
        );
        assert.equal(
          await refusal(
            updateEvent(database, w.owner, show.id, { startsAt: at(-minutes(130)).toISOString() }, w.clock),
          ),
          "validation_failed/starts_in_past",
        );
        assert.equal(
          await refusal(updateEvent(database, w.owner, show.id, { productIds: [OTHER_PRODUCT_ID] }, w.clock)),
          "validation_failed/product_not_brands",
        );

        // The salon's seat cap never goes below the seats taken; its kind is kept once guests are invited.
        const guests = [sessionUser("merch-000"), sessionUser("advisor-000")];
        await buildGuestList(
          database,
          w.owner,
          salon.id,
          GuestListRules.parse({ emails: guests.map((g) => g.email) }),
          w.clock,
        );
        for (const g of guests)
          assert.equal((await rsvp(database, g, salon.id, "yes", w.clock)).outcome, "accepted");
        assert.equal(
          await refusal(updateEvent(database, w.owner, salon.id, { seatCap: 1 }, w.clock)),
          "conflict/seat_cap_below_taken",
        );
        assert.equal(
          (await updateEvent(database, w.owner, salon.id, { seatCap: 3 }, w.clock)).details?.seatCap,
          3,
        );
        assert.equal(
          await refusal(updateEvent(database, w.owner, salon.id, { kind: "open", seatCap: null }, w.clock)),
          "conflict/kind_locked",
        );

        assert.equal(
          (await cancelEvent(database, w.owner, later.id, { reason: "The maison moved it." }, w.clock))
            .cancelledAt,
          w.clock.now().toISOString(),
        );
        assert.ok(
          (await cancelEvent(database, w.owner, later.id, { reason: "again" }, w.clock)).cancelledAt,
          "cancelling again is a no-op",
        );
        assert.equal(
          await refusal(updateEvent(database, w.owner, later.id, { seatCap: 3 }, w.clock)),
          "conflict/cancelled",
        );

        // Phases on the manual clock: doors open 30 minutes before the start now.
        const phaseAt = async (offset: number) => {
          w.clock.set(at(offset));
          return (await getEventView(database, show.id, null, w.clock)).phase;
        };
        assert.equal(await phaseAt(-minutes(41)), "scheduled");
        assert.equal(await phaseAt(-minutes(40)), "doors_open");
        assert.equal(await phaseAt(-minutes(10)), "live");
        assert.equal(
          await refusal(updateEvent(database, w.owner, show.id, { title: { en: "Too late" } }, w.clock)),
          "conflict/already_started",
        );
        assert.equal(
          await refusal(cancelEvent(database, w.owner, show.id, { reason: "too late" }, w.clock)),
          "conflict/already_started",
        );
        assert.equal(await phaseAt(minutes(49)), "live");

        // Live first, then upcoming by start; cancelled ones never.
        let list = await listEvents(database, null, w.clock);
        assert.deepEqual(
          list.events.map((e) => [e.id, e.phase]),
          [
            [show.id, "live"],
            [salon.id, "doors_open"],
          ],
        );
        assert.equal(await phaseAt(minutes(50)), "ended");
        list = await listEvents(database, null, w.clock);
        assert.deepEqual(
          list.events.map((e) => e.id),
          [salon.id],
          "an ended show without a replay is not listed",
        );
        await appendTimeline(database, show.id, [
          { at: at(minutes(1)).getTime(), kind: "pin", payload: { productId: PRODUCT_ID } },
        ]);
        list = await listEvents(database, null, w.clock);
        assert.deepEqual(
          list.events.map((e) => [e.id, e.hasReplay]),
          [
            [salon.id, false],
            [show.id, true],
          ],
        );
        w.clock.set(at(minutes(50) + 15 * 86_400_000));
        assert.deepEqual(
          (await listEvents(database, null, w.clock)).events,
          [],
          "replays stay listed two weeks",
        );
      }));

    test("an invite-only salon shows anyone its title and time, its guests the details, its staff the list", () =>
      withDatabase(target, async (database) => {
        const w = await createEventWorld(database);
        const salon = await scheduleEvent(
          database,
          w.owner,
          showBody(w.owner.id, { kind: "invite", seatCap: 4 }),
          w.clock,
        );
        await createUsers(database.db, 1, "guest");
        const guest = sessionUser("guest-000");
        await buildGuestList(
          database,
          w.owner,
          salon.id,
          GuestListRules.parse({ emails: [guest.email] }),
          w.clock,
        );
        const stranger = await getEventView(database, salon.id, sessionUser("someone"), w.clock);
        assert.equal(stranger.title.en, "Evening of Stars");
        assert.equal(stranger.startsAt, at(-minutes(10)).toISOString());
        assert.equal(stranger.details, null);
        assert.equal(stranger.staff, null);
        const invited = await getEventView(database, salon.id, guest, w.clock);
        assert.equal(invited.viewerInvitation, "invited");
        assert.deepEqual(invited.details?.productIds, [PRODUCT_ID, NECKLACE_ID]);
        assert.equal(invited.staff, null, "guests do not see the guest list");
        const advisorView = await getEventView(database, salon.id, w.advisor, w.clock);
        assert.deepEqual(advisorView.staff?.counts, { invited: 1, yes: 0, no: 0, pending: 0 });
        assert.deepEqual(
          advisorView.staff?.guests.map((g) => [g.email, g.status, g.source]),
          [[guest.email, "invited", "email"]],
        );
        assert.equal(
          (await getEventView(database, salon.id, w.otherOwner, w.clock)).staff,
          null,
          "another brand's staff see nothing more",
        );
        assert.equal(
          await refusal(getEventView(database, "missing", null, w.clock)),
          "not_found/event_not_found",
        );
      }));
  });
}
