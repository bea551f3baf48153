/**
 * Appointments: 100 concurrent bookings of 5 slots give exactly 5 (PostgreSQL over several pools,
 * and PGlite); the database itself refuses a second booking of a slot; pass holders book further
 * ahead; reschedule and cancel; reminders to both sides on the manual clock, outside the cap.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { setAvailability } from "../../server/clienteling/appointments/availability.ts";
import { bookAppointment } from "../../server/clienteling/appointments/booking.ts";
import { cancelAppointment, rescheduleAppointment } from "../../server/clienteling/appointments/changes.ts";
import { freeSlotsOfBrand } from "../../server/clienteling/appointments/freeSlots.ts";
import { dueReminders, sweepReminders } from "../../server/clienteling/appointments/reminders.ts";
import { readClientCard } from "../../server/clienteling/clientCard.ts";
import { listInbox } from "../../server/clienteling/outreach/messages.ts";
import { sendOutreach } from "../../server/clienteling/outreach/outreach.ts";
import { updatePreferences } from "../../server/clienteling/preferences.ts";
import { appointments, users } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { issuePass } from "../../server/passes/passes.ts";
import { createPassType } from "../../server/passes/passTypes.ts";
import type { BookingAnswer } from "../../shared/clienteling/appointments.ts";
import { SetAvailabilityBody } from "../../shared/clienteling/availability.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { connections, createWorld, optIn, type World } from "./clienteling-fixtures.ts";

const DAY = 86_400_000;
const booked = (answer: BookingAnswer) =>
  answer.outcome === "booked" ? answer.appointment : assert.fail(JSON.stringify(answer));
const refusedFor = (answer: BookingAnswer) =>
  answer.outcome === "refused" ? answer.reason : assert.fail("booked");

for (const target of databaseTargets()) {
  describe(`appointments on ${target.name}`, { skip: target.skip }, () => {
    let database: TestDatabase;
    let world: World;
    // Monday 1 June 2026, 06:00 in Paris.
    const clock = manualClock(new Date("2026-06-01T04:00:00Z"));
    before(async () => {
      database = await target.open();
      world = await createWorld(database.db, "appt", 4);
    });
    after(() => database?.close());

    test("100 concurrent bookings of 5 slots give exactly 5, each slot once", async () => {
      const advisor = world.a.advisorIds[0];
      // Tuesday 2 June, 10:00–12:30 in Paris: five slots of 30 minutes.
      const body = SetAvailabilityBody.parse({
        timeZone: "Europe/Paris",
        weekly: [],
        exceptions: [{ kind: "extra_hours", date: "2026-06-02", start: "10:00", end: "12:30" }],
      });
      await setAvailability(database, { actorId: advisor, brandId: world.a.brandId, body }, clock);
      const free = await freeSlotsOfBrand(database, { brandId: world.a.brandId, clientId: null }, clock);
      assert.deepEqual(
        free.slots.map((s) => s.startsAt.slice(11, 16)),
        ["08:00", "08:30", "09:00", "09:30", "10:00"],
      );
      const shoppers = Array.from({ length: 100 }, (_, i) => `appt-rush-${String(i).padStart(3, "0")}`);
      await database.db
        .insert(users)
        .values(
          shoppers.map((id) => ({ id, email: `${id}@example.test`, passwordHash: "-", displayName: id })),
        );
      const pool = connections(database, 4);
      try {
        const answers = await Promise.all(
          shoppers.map((clientId, i) =>
            bookAppointment(
              pool.dbs[i % pool.dbs.length] as never,
              {
                clientId,
                brandId: world.a.brandId,
                body: {
                  advisorId: advisor,
                  startsAt: free.slots[i % 5]?.startsAt as string,
                  source: "host",
                  keepInTouch: false,
                },
              },
              clock,
            ),
          ),
        );
        const won = answers.flatMap((a) => (a.outcome === "booked" ? [a.appointment.startsAt] : []));
        assert.equal(won.length, 5);
        assert.deepEqual(
          [...won].sort(),
          free.slots.map((s) => s.startsAt),
        );
        // A refusal offers other free slots as it finds them: with real concurrency a loser may be
        // refused while another of the five is still free, so the offer is checked, not its size.
        const offered = new Set(free.slots.map((s) => s.startsAt));
        answers.forEach((a, i) => {
          if (a.outcome === "booked") return;
          assert.equal(a.reason, "slot_taken");
          const asked = free.slots[i % 5]?.startsAt;
          for (const slot of a.nextSlots) {
            assert.ok(offered.has(slot.startsAt), `an offered slot is one of the five: ${slot.startsAt}`);
            assert.notEqual(slot.startsAt, asked, "the slot just taken is never offered back");
          }
        });
      } finally {
        await pool.close();
      }
      const rows = await database.db
        .select()
        .from(appointments)
        .where(sql`${appointments.advisorId} = ${advisor}`);
      assert.equal(rows.length, 5);
      // The database refuses a second live booking of a slot by itself; a cancelled one does not count.
      const copy = {
        ...(rows[0] as typeof appointments.$inferSelect),
        id: "dup",
        roomId: "dup-room",
        guestToken: null,
      };
      await assert.rejects(database.db.insert(appointments).values(copy), (error: Error) =>
        /appointments_slot_unique/.test(String((error.cause as Error | undefined)?.message)),
      );
      await database.db.insert(appointments).values({ ...copy, status: "cancelled" });
    });

    test("pass holders of the brand's programmes book further ahead; notices go to both sides", async () => {
      const [holder, other] = world.clients as [string, string];
      const advisor = world.a.advisorIds[1];
      const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "14:00", end: "16:00" }));
      await setAvailability(
        database,
        {
          actorId: world.a.ownerId,
          brandId: world.a.brandId,
          advisorId: advisor,
          body: SetAvailabilityBody.parse({ timeZone: "Europe/Paris", weekly, exceptions: [] }),
        },
        clock,
      );
      const type = await createPassType(
        database,
        {
          brandId: world.a.brandId,
          name: { en: "Cercle A" },
          tier: "Or",
          validFrom: new Date("2026-01-01T00:00:00Z"),
          validUntil: new Date("2027-01-01T00:00:00Z"),
          entitlements: {
            earlyAccessLeadMinutes: 0,
            inviteOnlyEvents: true,
            perDropClaimLimit: null,
            passOnlyCollectibleIds: [],
          },
        },
        world.a.ownerId,
        clock,
      );
      await issuePass(database, type.id, holder, { source: "manual", issuedBy: world.a.ownerId }, clock);
      const far = "2026-07-01T12:00:00.000Z"; // a Wednesday, 14:00 in Paris, 30 days ahead
      const request = (clientId: string) => ({
        clientId,
        brandId: world.a.brandId,
        body: { advisorId: advisor, startsAt: far, source: "viewer" as const, keepInTouch: true },
      });
      assert.equal(refusedFor(await bookAppointment(database, request(other), clock)), "outside_horizon");
      const holderSlots = await freeSlotsOfBrand(
        database,
        { brandId: world.a.brandId, clientId: holder, advisorId: advisor, limit: 500 },
        clock,
      );
      assert.equal(holderSlots.passHolder, true);
      assert.ok(holderSlots.slots.some((s) => s.startsAt === far));
      assert.equal(holderSlots.horizonEndsAt, new Date(clock.now().getTime() + 60 * DAY).toISOString());
      const appointment = booked(await bookAppointment(database, request(holder), clock));
      assert.equal(appointment.advisorName, "Advisor a2");
      assert.ok(appointment.roomId.length > 20);
      assert.equal(refusedFor(await bookAppointment(database, request(holder), clock)), "slot_taken");
      // keepInTouch opted the client in (appointments, in-app) and made the advisor theirs.
      const card = await readClientCard(
        database,
        { actorId: advisor, brandId: world.a.brandId, clientId: holder },
        clock,
      );
      assert.equal(card.consent.appointments.in_app, true);
      assert.equal(card.preferredAdvisor?.id, advisor);
      assert.deepEqual(
        card.appointments.map((a) => a.id),
        [appointment.id],
      );
      assert.equal(
        (await listInbox(database, holder))[0]?.subject,
        `Your appointment with ${appointment.brandName}`,
      );
      assert.equal(
        (await listInbox(database, advisor))[0]?.subject,
        `New appointment: ${appointment.clientName}`,
      );
      assert.equal(
        refusedFor(
          await bookAppointment(
            database,
            { ...request(holder), body: { ...request(holder).body, startsAt: "2026-07-01T12:10:00.000Z" } },
            clock,
          ),
        ),
        "not_offered",
      );
      assert.equal(
        refusedFor(
          await bookAppointment(
            database,
            { ...request(holder), body: { ...request(holder).body, startsAt: "2026-06-01T04:30:00.000Z" } },
            clock,
          ),
        ),
        "too_soon",
      );
    });

    test("reschedule moves atomically to a free slot, cancel frees it; the other side is told", async () => {
      const [, , c2, c3] = world.clients as [string, string, string, string];
      const advisor = world.a.advisorIds[1];
      const first = booked(
        await bookAppointment(
          database,
          {
            clientId: c2,
            brandId: world.a.brandId,
            body: {
              advisorId: advisor,
              startsAt: "2026-06-03T12:00:00.000Z",
              source: "boutique",
              keepInTouch: false,
            },
          },
          clock,
        ),
      );
      booked(
        await bookAppointment(
          database,
          {
            clientId: c3,
            brandId: world.a.brandId,
            body: {
              advisorId: advisor,
              startsAt: "2026-06-03T12:30:00.000Z",
              source: "boutique",
              keepInTouch: false,
            },
          },
          clock,
        ),
      );
      const onto = (startsAt: string) =>
        rescheduleAppointment(database, { actorId: c2, appointmentId: first.id, body: { startsAt } }, clock);
      assert.equal(refusedFor(await onto("2026-06-03T12:30:00.000Z")), "slot_taken");
      const moved = booked(await onto("2026-06-03T13:00:00.000Z"));
      assert.equal(moved.startsAt, "2026-06-03T13:00:00.000Z");
      // The old slot is free for someone else at once.
      booked(
        await bookAppointment(
          database,
          {
            clientId: world.clients[1] as string,
            brandId: world.a.brandId,
            body: {
              advisorId: advisor,
              startsAt: "2026-06-03T12:00:00.000Z",
              source: "boutique",
              keepInTouch: false,
            },
          },
          clock,
        ),
      );
      assert.ok((await listInbox(database, advisor)).some((m) => m.subject.startsWith("Appointment moved")));
      // Another brand's staff cannot touch it; the client cancels, and the slot is offered again.
      await assert.rejects(
        cancelAppointment(database, { actorId: world.b.ownerId, appointmentId: first.id, body: {} }, clock),
      );
      const cancelled = await cancelAppointment(
        database,
        { actorId: c2, appointmentId: first.id, body: { reason: "Travelling" } },
        clock,
      );
      assert.equal(cancelled.status, "cancelled");
      const free = await freeSlotsOfBrand(
        database,
        { brandId: world.a.brandId, clientId: c2, advisorId: advisor, limit: 10 },
        clock,
      );
      assert.ok(free.slots.some((s) => s.startsAt === "2026-06-03T13:00:00.000Z"));
      assert.ok((await listInbox(database, advisor)).some((m) => m.subject === "Appointment cancelled"));
    });

    test("reminders 24 h and 1 h before, to both sides, once each; the client's wait for their quiet hours to end; none counts against the cap", async () => {
      const [, , , c3] = world.clients as [string, string, string, string];
      const advisor = world.b.advisorIds[0];
      await setAvailability(
        database,
        {
          actorId: advisor,
          brandId: world.b.brandId,
          body: SetAvailabilityBody.parse({
            timeZone: "America/New_York",
            weekly: [{ weekday: 4, start: "09:00", end: "12:00" }],
            exceptions: [],
          }),
        },
        clock,
      );
      await updatePreferences(database, c3, { timeZone: "America/New_York" }, clock);
      await optIn(database.db, clock, world.b.brandId, c3, ["new_pieces"], ["in_app"]);
      // Thursday 4 June, 09:30 in New York.
      const appointment = booked(
        await bookAppointment(
          database,
          {
            clientId: c3,
            brandId: world.b.brandId,
            body: {
              advisorId: advisor,
              startsAt: "2026-06-04T13:30:00.000Z",
              source: "host",
              keepInTouch: false,
            },
          },
          clock,
        ),
      );
      const reminders = async () =>
        (await listInbox(database, c3)).filter((m) => m.subject.startsWith("Reminder")).length;
      const advisorReminders = async () =>
        (await listInbox(database, advisor)).filter((m) => m.subject.startsWith("Reminder")).length;
      clock.set(new Date("2026-06-03T13:29:00Z"));
      assert.equal(await sweepReminders(database, clock), 0);
      clock.set(new Date("2026-06-03T13:30:00Z"));
      assert.equal(await sweepReminders(database, clock), 2);
      assert.equal(await sweepReminders(database, clock), 0, "sent once");
      // 1 h before is 08:30 in New York, inside quiet hours: the advisor's goes, the client's waits for 09:00.
      clock.set(new Date("2026-06-04T12:30:00Z"));
      assert.equal(await sweepReminders(database, clock), 1);
      assert.deepEqual([await reminders(), await advisorReminders()], [1, 2]);
      clock.set(new Date("2026-06-04T13:00:00Z"));
      assert.deepEqual(
        (await dueReminders(database, clock)).map((r) => [r.recipient, r.leadMinutes, r.email]),
        [["client", 60, true]],
      );
      assert.equal(await sweepReminders(database, clock), 1);
      assert.equal(await reminders(), 2);
      const reminder = (await listInbox(database, c3))[0];
      assert.equal(reminder?.kind, "service");
      assert.match(reminder?.body ?? "", /9:30|09:30/);
      assert.equal(reminder?.emailStatus, "pending", "its email copy waits for the mail sweep");
      // Booking notice and two reminders later, the cap of 2 is untouched: two outreach messages go.
      const outreach = {
        clientId: c3,
        purpose: "new_pieces" as const,
        channels: ["in_app" as const],
        content: { occasion: null, subject: "A word", body: "Thank you for your visit." },
      };
      for (const _ of [1, 2])
        assert.equal(
          (
            await sendOutreach(
              database,
              { actorId: advisor, brandId: world.b.brandId, body: outreach },
              clock,
            )
          ).outcome,
          "sent",
        );
      assert.equal(
        (await sendOutreach(database, { actorId: advisor, brandId: world.b.brandId, body: outreach }, clock))
          .outcome,
        "refused",
      );
      assert.equal(appointment.status, "booked");
    });
  });
}
