/**
 * "Take me to an advisor": the next free slots, or the live queue with a place and an estimated wait
 * when an advisor is online; the advisor takes the next; the private salon's door (client, advisor,
 * the one guest); sessions ending into follow-up tasks, and the tasks after a claim.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setAvailability } from "../../server/clienteling/appointments/availability.ts";
import { bookAppointment } from "../../server/clienteling/appointments/booking.ts";
import { inviteGuest, salonAccess } from "../../server/clienteling/appointments/guests.ts";
import {
  advisorHeartbeat,
  averageSessionMinutes,
  joinQueue,
  leaveQueue,
  queueStatus,
  takeNextInQueue,
} from "../../server/clienteling/appointments/queue.ts";
import {
  closePastAppointments,
  endSession,
  startSession,
} from "../../server/clienteling/appointments/sessions.ts";
import { completeFollowUp, createClaimFollowUps, listFollowUps } from "../../server/clienteling/followUps.ts";
import { clientMessages, dropClaims, drops } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { DomainError } from "../../server/errors.ts";
import { SetAvailabilityBody } from "../../shared/clienteling/availability.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { createWorld, optIn, type World } from "./clienteling-fixtures.ts";

const reason = (r: string) => (e: unknown) =>
  e instanceof DomainError && (e.details as { reason?: string }).reason === r;

for (const target of databaseTargets()) {
  describe(`salon, queue and follow-ups on ${target.name}`, { skip: target.skip }, () => {
    let database: TestDatabase;
    let world: World;
    const clock = manualClock(new Date("2026-06-01T08:00:00Z"));
    before(async () => {
      database = await target.open();
      world = await createWorld(database.db, "salon", 4);
    });
    after(() => database?.close());

    test("no advisor online: the next free slots instead of a queue", async () => {
      await setAvailability(
        database,
        {
          actorId: world.a.advisorIds[0],
          brandId: world.a.brandId,
          body: SetAvailabilityBody.parse({
            timeZone: "Europe/Paris",
            weekly: [{ weekday: 2, start: "10:00", end: "11:00" }],
            exceptions: [],
          }),
        },
        clock,
      );
      const answer = await joinQueue(
        database,
        { clientId: world.clients[0] as string, brandId: world.a.brandId },
        clock,
      );
      assert.equal(answer.outcome, "no_advisor_online");
      assert.deepEqual(answer.outcome === "no_advisor_online" && answer.nextSlots.map((s) => s.startsAt), [
        "2026-06-02T08:00:00.000Z",
        "2026-06-02T08:30:00.000Z",
        "2026-06-09T08:00:00.000Z",
        "2026-06-09T08:30:00.000Z",
      ]);
    });

    test("the live queue: places, an estimate from online advisors and session lengths; the advisor takes the next", async () => {
      const [c0, c1, c2] = world.clients as [string, string, string];
      const brandId = world.a.brandId;
      await advisorHeartbeat(
        database,
        { actorId: world.a.advisorIds[0], brandId, status: "in_session" },
        clock,
      );
      for (const clientId of [c0, c1, c2]) {
        assert.equal((await joinQueue(database, { clientId, brandId }, clock)).outcome, "queued");
        clock.advance(1000);
      }
      assert.equal(
        (await joinQueue(database, { clientId: c0, brandId }, clock)).outcome,
        "queued",
        "joining again keeps the place",
      );
      const places = async () =>
        Promise.all(
          [c0, c1, c2].map(
            async (clientId) => (await queueStatus(database, { clientId, brandId }, clock))?.position,
          ),
        );
      assert.deepEqual(await places(), [1, 2, 3]);
      // One advisor online, busy, no session history: one slot length (30 minutes) per person ahead.
      assert.deepEqual(
        (await queueStatus(database, { clientId: c2, brandId }, clock))?.estimatedWaitMinutes,
        90,
      );
      await leaveQueue(database, { clientId: c1, brandId }, clock);
      assert.deepEqual(
        await places(),
        [1, undefined, 2].map((p) => p ?? null),
      );
      // The advisor takes the next: a live appointment, its salon open to both at once.
      const live = await takeNextInQueue(database, { actorId: world.a.advisorIds[0], brandId }, clock);
      assert.equal(live?.clientId, c0);
      assert.equal(live?.kind, "live");
      assert.equal((await queueStatus(database, { clientId: c0, brandId }, clock))?.appointmentId, live?.id);
      const door = await salonAccess(database, { appointmentId: live?.id as string, userId: c0 }, clock);
      assert.deepEqual([door.role, door.roomId], ["client", live?.roomId]);
      assert.equal(
        (
          await salonAccess(
            database,
            { appointmentId: live?.id as string, userId: world.a.advisorIds[0] },
            clock,
          )
        ).role,
        "advisor",
      );
      await assert.rejects(
        salonAccess(database, { appointmentId: live?.id as string, userId: world.a.advisorIds[1] }, clock),
        (e: unknown) => e instanceof DomainError && e.code === "not_found",
      );
      await assert.rejects(
        takeNextInQueue(database, { actorId: world.b.advisorIds[0], brandId }, clock),
        reason("not_brand_staff"),
      );
      // A 12-minute session becomes the estimate's average; ending it makes a follow-up task.
      clock.advance(12 * 60_000);
      const ended = await endSession(
        database,
        { actorId: world.a.advisorIds[0], appointmentId: live?.id as string },
        clock,
      );
      assert.equal(ended.status, "completed");
      assert.equal(Math.round(await averageSessionMinutes(database, brandId, clock.now())), 12);
      assert.equal(
        (await queueStatus(database, { clientId: c2, brandId }, clock))?.estimatedWaitMinutes,
        0,
        "a free advisor now",
      );
      const tasks = await listFollowUps(database, { actorId: world.a.ownerId, brandId, status: "open" });
      assert.deepEqual(
        tasks.map((t) => [t.kind, t.sourceId, t.advisorId]),
        [["after_appointment", live?.id, world.a.advisorIds[0]]],
      );
      const done = await completeFollowUp(
        database,
        {
          actorId: world.a.advisorIds[0],
          brandId,
          taskId: tasks[0]?.id as string,
          outcome: "Sent the catalogue",
        },
        clock,
      );
      assert.equal(done.status, "done");
      await assert.rejects(
        completeFollowUp(
          database,
          { actorId: world.b.ownerId, brandId: world.b.brandId, taskId: done.id },
          clock,
        ),
        (e: unknown) => e instanceof DomainError && e.code === "not_found",
      );
    });

    test("the salon's door: opens ten minutes before, the invited guest enters with their link, a new invitation shuts the old", async () => {
      const [, , , c3] = world.clients as [string, string, string, string];
      const appointment = await bookAppointment(
        database,
        {
          clientId: c3,
          brandId: world.a.brandId,
          body: {
            advisorId: world.a.advisorIds[0],
            startsAt: "2026-06-02T08:30:00.000Z",
            source: "host",
            keepInTouch: false,
          },
        },
        clock,
      );
      assert.ok(appointment.outcome === "booked");
      const id = appointment.appointment.id;
      const first = await inviteGuest(
        database,
        { clientId: c3, appointmentId: id, body: { email: "Sister@Example.test" } },
        clock,
      );
      assert.equal(first.path, `/salon/${id}?guest=${first.token}`);
      const [invitation] = (await database.db.select().from(clientMessages)).filter(
        (m) => m.recipientEmail === "sister@example.test",
      );
      assert.deepEqual(
        [invitation?.email, invitation?.inApp, invitation?.countsTowardCap],
        [true, false, false],
      );
      assert.ok(invitation?.body.includes(first.path));
      await assert.rejects(
        inviteGuest(database, { clientId: world.clients[0] as string, appointmentId: id, body: {} }, clock),
        (e: unknown) => e instanceof DomainError && e.code === "not_found",
      );
      clock.set(new Date("2026-06-02T08:19:00Z"));
      await assert.rejects(
        salonAccess(database, { appointmentId: id, guestToken: first.token }, clock),
        reason("salon_not_open_yet"),
      );
      clock.set(new Date("2026-06-02T08:20:00Z"));
      assert.equal(
        (await salonAccess(database, { appointmentId: id, guestToken: first.token }, clock)).role,
        "guest",
      );
      const second = await inviteGuest(database, { clientId: c3, appointmentId: id, body: {} }, clock);
      assert.equal(second.emailedTo, null);
      await assert.rejects(
        salonAccess(database, { appointmentId: id, guestToken: first.token }, clock),
        (e: unknown) => e instanceof DomainError && e.code === "not_found",
      );
      assert.equal(
        (await salonAccess(database, { appointmentId: id, guestToken: second.token }, clock)).role,
        "guest",
      );
      await startSession(database, { actorId: c3, appointmentId: id }, clock);
      // Nobody ends it: the sweep closes it as completed (it started) and makes the follow-up.
      clock.set(new Date("2026-06-02T09:31:00Z"));
      assert.equal(await closePastAppointments(database, clock), 1);
      await assert.rejects(
        salonAccess(database, { appointmentId: id, userId: c3 }, clock),
        reason("salon_closed"),
      );
      const tasks = await listFollowUps(database, {
        actorId: world.a.advisorIds[0],
        brandId: world.a.brandId,
        advisorId: world.a.advisorIds[0],
        status: "open",
      });
      assert.ok(tasks.some((t) => t.sourceId === id));
    });

    test("a confirmed claim of a client in the book makes one task for their advisor; other clients none", async () => {
      const [c0, c1] = world.clients as [string, string];
      await optIn(database.db, clock, world.b.brandId, c0, ["new_pieces"], ["in_app"]);
      const now = clock.now();
      const [drop] = await database.db
        .insert(drops)
        .values({
          brandId: world.b.brandId,
          productId: world.b.ringId,
          title: { en: "B ring drop" },
          mode: "fcfs",
          stock: 2,
          remaining: 0,
          perAccountLimit: 1,
          earlyAccessPassTypeIds: [],
          holdSeconds: 600,
          announceAt: now,
          earlyAccessStartsAt: now,
          publicStartsAt: now,
          endsAt: new Date(now.getTime() + 86_400_000),
          createdAt: now,
        })
        .returning();
      for (const userId of [c0, c1]) {
        await database.db.insert(dropClaims).values({
          dropId: drop?.id as string,
          userId,
          status: "confirmed",
          holdExpiresAt: now,
          createdAt: now,
          confirmedAt: now,
        });
      }
      assert.equal(await createClaimFollowUps(database, clock), 1);
      assert.equal(await createClaimFollowUps(database, clock), 0, "once per claim");
      const tasks = await listFollowUps(database, { actorId: world.b.ownerId, brandId: world.b.brandId });
      assert.deepEqual(
        tasks.map((t) => [t.kind, t.clientId]),
        [["after_claim", c0]],
      );
      assert.deepEqual(
        await listFollowUps(database, {
          actorId: world.a.ownerId,
          brandId: world.a.brandId,
          status: "open",
        }).then((t) => t.filter((x) => x.kind === "after_claim")),
        [],
      );
    });
  });
}
