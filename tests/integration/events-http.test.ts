/**
 * The event routes over HTTP (shared/api/events.ts through server/http/eventRoutes.ts): who may
 * schedule, change and cancel, what the list and one event show, the guest list and invitations,
 * RSVPs under the seat cap (200 concurrent yeses for 20 seats give exactly 20), and the replay's
 * timeline once the show has ended. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { describe, test } from "node:test";
import { eq } from "drizzle-orm";
import express from "express";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { type DbLike, drizzleOf } from "../../server/db/database.ts";
import { eventInvitations, eventSeats } from "../../server/db/schema.ts";
import { appendTimeline } from "../../server/events/timeline.ts";
import { apiNotFound, errorMiddleware } from "../../server/http/errors.ts";
import { createEventRoutes } from "../../server/http/eventRoutes.ts";
import { RsvpAccepted } from "../../shared/api/events.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { EventList, EventView, MyInvitations } from "../../shared/events/eventView.ts";
import { BuildGuestListAnswer } from "../../shared/events/guestList.ts";
import { Timeline } from "../../shared/events/timeline.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import { createUsers } from "./drops-fixtures.ts";
import { at, createEventWorld, minutes, PRODUCT_ID, showBody } from "./events-fixtures.ts";

const GUESTS = 200;
const SEATS = 20;

async function cookieOf(database: DbLike, userId: string): Promise<string> {
  return `${SESSION_COOKIE_NAME}=${(await createSession(database, userId, 1)).token}`;
}

for (const target of databaseTargets()) {
  describe(`event HTTP routes (${target.name})`, { skip: target.skip }, () => {
    test("schedule, view, change, guest list, 200 concurrent RSVPs for 20 seats, replay, cancel", () =>
      withDatabase(target, async (database) => {
        const world = await createEventWorld(database);
        const { clock } = world;
        const [shopperId] = await createUsers(database.db, 1, "shopper");
        const guestIds = await createUsers(database.db, GUESTS, "guest");
        const [owner, merch, advisor, otherOwner, admin, shopper] = await Promise.all(
          [
            world.owner.id,
            world.merch.id,
            world.advisor.id,
            world.otherOwner.id,
            world.admin.id,
            shopperId as string,
          ].map((id) => cookieOf(database, id)),
        );

        const app = express();
        const api = express.Router();
        api.use(express.json());
        api.use(createEventRoutes({ database, clock }));
        api.use(apiNotFound);
        api.use(errorMiddleware);
        app.use("/api", api);
        const server = app.listen(0);
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
        const call = async (method: string, path: string, who?: string | null, body?: unknown) => {
          const res = await fetch(`${base}${path}`, {
            method,
            headers: {
              ...(who ? { cookie: who } : {}),
              ...(body === undefined ? {} : { "content-type": "application/json" }),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          const text = await res.text();
          return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
        };
        const refusalOf = (answer: { status: number; json: unknown }) => {
          const { error } = ApiErrorBody.parse(answer.json);
          return `${answer.status} ${error.code}/${(error.details as { reason?: string } | undefined)?.reason}`;
        };
        try {
          // Scheduling: the brand's editors (and admins); platform events admins only.
          const show = { ...showBody(world.owner.id), id: "evening-of-stars" };
          assert.equal((await call("POST", "/events", null, show)).status, 401);
          assert.equal(
            refusalOf(await call("POST", "/events", shopper, show)),
            "403 forbidden/not_brand_staff",
          );
          assert.equal(
            refusalOf(await call("POST", "/events", advisor, show)),
            "403 forbidden/read_only_role",
          );
          assert.equal(
            refusalOf(await call("POST", "/events", otherOwner, show)),
            "403 forbidden/not_brand_staff",
          );
          assert.equal(
            refusalOf(await call("POST", "/events", merch, { ...show, brandId: null })),
            "403 forbidden/not_admin",
          );
          const badTimes = await call("POST", "/events", merch, { ...show, endsAt: show.startsAt });
          assert.equal(badTimes.status, 400);
          assert.equal(ApiErrorBody.parse(badTimes.json).error.code, "validation_failed");
          const scheduled = await call("POST", "/events", merch, show);
          assert.equal(scheduled.status, 201, JSON.stringify(scheduled.json));
          const view = EventView.parse(scheduled.json);
          assert.equal(view.id, "evening-of-stars");
          assert.equal(view.phase, "scheduled");
          assert.ok(view.staff, "its scheduler sees the staff side");
          assert.equal(refusalOf(await call("POST", "/events", merch, show)), "409 conflict/id_taken");

          // Anyone lists and views it; only staff see the staff side.
          const list = EventList.parse((await call("GET", "/events")).json);
          assert.deepEqual(
            list.events.map((e) => e.id),
            ["evening-of-stars"],
          );
          const asGuest = EventView.parse((await call("GET", "/events/evening-of-stars")).json);
          assert.equal(asGuest.staff, null);
          assert.deepEqual(asGuest.details?.productIds, show.productIds);
          assert.equal(
            refusalOf(await call("GET", "/events/no-such-event")),
            "404 not_found/event_not_found",
          );
          assert.equal((await call("GET", "/events/Not%20An%20Id")).status, 400);

          // Changing it: editors only; the body is checked.
          const renamed = await call("PATCH", "/events/evening-of-stars", owner, {
            title: { en: "Night of Stars" },
          });
          assert.equal(renamed.status, 200, JSON.stringify(renamed.json));
          assert.equal(EventView.parse(renamed.json).title.en, "Night of Stars");
          assert.equal(
            refusalOf(await call("PATCH", "/events/evening-of-stars", advisor, { title: { en: "No" } })),
            "403 forbidden/read_only_role",
          );
          assert.equal((await call("PATCH", "/events/evening-of-stars", owner, {})).status, 400);
          assert.equal(
            (await call("PATCH", "/events/evening-of-stars", owner, { title: { en: "x" }, bogus: 1 })).status,
            400,
          );

          // An invite-only salon with 20 seats and 200 guests named by email.
          const salon = {
            ...showBody(world.owner.id, { kind: "invite", seatCap: SEATS }),
            id: "salon-prive",
          };
          assert.equal((await call("POST", "/events", owner, salon)).status, 201);
          const emails = guestIds.map((id) => `${id}@example.test`);
          assert.equal(
            refusalOf(await call("POST", "/events/salon-prive/guests", advisor, { emails })),
            "403 forbidden/read_only_role",
          );
          assert.equal((await call("POST", "/events/salon-prive/guests", owner, { emails: [] })).status, 400);
          assert.equal(
            refusalOf(await call("POST", "/events/evening-of-stars/guests", owner, { emails })),
            "409 conflict/not_invite_only",
          );
          const built = await call("POST", "/events/salon-prive/guests", owner, { emails });
          assert.equal(built.status, 200, JSON.stringify(built.json));
          assert.deepEqual(BuildGuestListAnswer.parse(built.json), {
            added: GUESTS,
            alreadyInvited: 0,
            pendingEmails: [],
            total: GUESTS,
          });
          const guestCookies = await Promise.all(guestIds.map((id) => cookieOf(database, id)));
          const mine = MyInvitations.parse((await call("GET", "/invitations/mine", guestCookies[0])).json);
          assert.deepEqual(
            mine.invitations.map((i) => [i.event.id, i.status]),
            [["salon-prive", "invited"]],
          );
          assert.equal((await call("GET", "/invitations/mine")).status, 401);
          // Guests see the salon's details; someone not invited does not.
          const salonOfShopper = EventView.parse((await call("GET", "/events/salon-prive", shopper)).json);
          assert.equal(salonOfShopper.details, null);

          // 200 concurrent yeses for 20 seats: exactly 20 seats taken, the rest told it is full.
          assert.equal(
            (await call("PUT", "/events/salon-prive/rsvp", guestCookies[0], { answer: "maybe" })).status,
            400,
          );
          const answers = await Promise.all(
            guestCookies.map((c) => call("PUT", "/events/salon-prive/rsvp", c, { answer: "yes" })),
          );
          const accepted = answers.filter((a) => a.status === 200);
          assert.equal(accepted.length, SEATS);
          for (const a of accepted) assert.equal(RsvpAccepted.parse(a.json).status, "yes");
          const refused = answers.filter((a) => a.status !== 200).map(refusalOf);
          assert.deepEqual([...new Set(refused)], ["409 conflict/seats_full"]);
          assert.equal(refused.length, GUESTS - SEATS);
          const db = drizzleOf(database);
          const [seats] = await db.select().from(eventSeats).where(eq(eventSeats.eventId, "salon-prive"));
          assert.equal(seats?.seatsTaken, SEATS);
          const yeses = await db.select().from(eventInvitations).where(eq(eventInvitations.status, "yes"));
          assert.equal(yeses.length, SEATS);

          // Saying no gives the seat back; a yes again takes it; the uninvited are refused.
          const holder = guestCookies[answers.indexOf(accepted[0] as (typeof answers)[number])] as string;
          const waiting = guestCookies[answers.findIndex((a) => a.status !== 200)] as string;
          const declined = await call("PUT", "/events/salon-prive/rsvp", holder, { answer: "no" });
          assert.equal(RsvpAccepted.parse(declined.json).seatsLeft, 1);
          const late = await call("PUT", "/events/salon-prive/rsvp", waiting, { answer: "yes" });
          assert.deepEqual(
            [late.status, RsvpAccepted.parse(late.json).status, RsvpAccepted.parse(late.json).seatsLeft],
            [200, "yes", 0],
          );
          assert.equal(
            refusalOf(await call("PUT", "/events/salon-prive/rsvp", shopper, { answer: "yes" })),
            "403 forbidden/not_invited",
          );
          assert.equal(
            refusalOf(await call("PUT", "/events/evening-of-stars/rsvp", shopper, { answer: "yes" })),
            "403 forbidden/not_invited",
          );

          // The replay opens after the end; staff may read it any time.
          assert.equal(
            refusalOf(await call("GET", "/events/evening-of-stars/timeline", shopper)),
            "403 forbidden/not_ended",
          );
          assert.equal((await call("GET", "/events/evening-of-stars/timeline", owner)).status, 200);
          await appendTimeline(database, "evening-of-stars", [
            { at: at(-minutes(5)).getTime(), kind: "pin", payload: { productId: PRODUCT_ID } },
          ]);
          clock.set(at(minutes(51)));
          const replay = await call("GET", "/events/evening-of-stars/timeline");
          assert.equal(replay.status, 200, JSON.stringify(replay.json));
          assert.deepEqual(
            Timeline.parse(replay.json).entries.map((e) => [e.t, e.kind]),
            [[minutes(5), "pin"]],
          );
          assert.equal(
            refusalOf(await call("GET", "/events/salon-prive/timeline", shopper)),
            "403 forbidden/invite_only",
          );

          // Cancelling: a reason is required; after the start it is refused.
          clock.set(at(-minutes(60)));
          const later = {
            ...showBody(world.owner.id, {
              startsAt: at(minutes(60)).toISOString(),
              endsAt: at(minutes(120)).toISOString(),
            }),
            id: "later-show",
          };
          assert.equal((await call("POST", "/events", admin, later)).status, 201);
          assert.equal((await call("DELETE", "/events/later-show", owner, {})).status, 400);
          assert.equal(
            refusalOf(await call("DELETE", "/events/later-show", advisor, { reason: "No" })),
            "403 forbidden/read_only_role",
          );
          const cancelled = await call("DELETE", "/events/later-show", owner, {
            reason: "The maison is closed.",
          });
          assert.equal(cancelled.status, 200, JSON.stringify(cancelled.json));
          assert.ok(EventView.parse(cancelled.json).cancelledAt);
          assert.equal(
            refusalOf(await call("PATCH", "/events/later-show", owner, { title: { en: "Again" } })),
            "409 conflict/cancelled",
          );
          clock.set(at(minutes(1)));
          assert.equal(
            refusalOf(await call("DELETE", "/events/evening-of-stars", owner, { reason: "Too late now." })),
            "409 conflict/already_started",
          );
        } finally {
          await new Promise<void>((resolve) => server.close(() => resolve()));
        }
      }));
  });
}
