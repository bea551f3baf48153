/**
 * The client book: consent gates every card read, withdrawal takes a client out of the book (and
 * erases the maison's notes), every read is in the client's access log, and a brand's staff never
 * see another brand's clients, cards, lists or log entries.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { listMyAccessLog } from "../../server/clienteling/accessLog.ts";
import { assignPreferredAdvisor, listClientBook } from "../../server/clienteling/clientBook.ts";
import { readClientCard, updateClientCard } from "../../server/clienteling/clientCard.ts";
import {
  consentHistory,
  listMyConsents,
  setConsent,
  withdrawAllConsent,
} from "../../server/clienteling/consent.ts";
import { listBrandMessagesToClient } from "../../server/clienteling/outreach/messages.ts";
import { createSelectionList, listBrandSelectionLists } from "../../server/clienteling/selectionLists.ts";
import { dropClaims, drops, wishlistItems } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { DomainError } from "../../server/errors.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { createWorld, optIn, type World } from "./clienteling-fixtures.ts";

const T0 = new Date("2026-06-10T10:00:00Z");

function rejectsWith(reason: string) {
  return (error: unknown) =>
    error instanceof DomainError && (error.details as { reason?: string }).reason === reason;
}

for (const target of databaseTargets()) {
  describe(`client book on ${target.name}`, { skip: target.skip }, () => {
    let database: TestDatabase;
    let world: World;
    const clock = manualClock(T0);
    before(async () => {
      database = await target.open();
      world = await createWorld(database.db, "book", 3);
    });
    after(() => database?.close());

    test("no card without consent; opting in puts the client in the book, per brand only", async () => {
      const [c0] = world.clients as [string];
      const read = { actorId: world.a.advisorIds[0], brandId: world.a.brandId, clientId: c0 };
      await assert.rejects(readClientCard(database, read, clock), rejectsWith("client_not_in_book"));
      await optIn(database.db, clock, world.a.brandId, c0, ["new_pieces"], ["in_app"]);
      const card = await readClientCard(database, read, clock);
      assert.equal(card.consent.new_pieces.in_app, true);
      assert.equal(card.consent.new_pieces.email, false);
      assert.deepEqual(
        (await listClientBook(database, { actorId: world.a.ownerId, brandId: world.a.brandId }, clock)).map(
          (e) => e.clientId,
        ),
        [c0],
      );
      // Brand B has no relationship with c0: no card, an empty book.
      const otherRead = { actorId: world.b.advisorIds[0], brandId: world.b.brandId, clientId: c0 };
      await assert.rejects(readClientCard(database, otherRead, clock), rejectsWith("client_not_in_book"));
      assert.deepEqual(
        await listClientBook(database, { actorId: world.b.ownerId, brandId: world.b.brandId }, clock),
        [],
      );
    });

    test("only the brand's advisors and owners read cards: not its merchandisers, not another brand's staff", async () => {
      const [c0] = world.clients as [string];
      await assert.rejects(
        readClientCard(
          database,
          { actorId: world.a.merchandiserId, brandId: world.a.brandId, clientId: c0 },
          clock,
        ),
        rejectsWith("role_not_allowed"),
      );
      await assert.rejects(
        readClientCard(
          database,
          { actorId: world.b.advisorIds[0], brandId: world.a.brandId, clientId: c0 },
          clock,
        ),
        rejectsWith("not_brand_staff"),
      );
      await assert.rejects(
        listClientBook(database, { actorId: world.b.ownerId, brandId: world.a.brandId }, clock),
        rejectsWith("not_brand_staff"),
      );
    });

    test("a card holds only its brand's data: wishlist, claims; never the other brand's", async () => {
      const [, c1] = world.clients as [string, string];
      await optIn(database.db, clock, world.a.brandId, c1);
      await optIn(database.db, clock, world.b.brandId, c1);
      await database.db.insert(wishlistItems).values([
        { userId: c1, productId: world.a.ringId },
        { userId: c1, productId: world.b.watchId },
      ]);
      const times = {
        announceAt: T0,
        earlyAccessStartsAt: T0,
        publicStartsAt: T0,
        endsAt: new Date(T0.getTime() + 86_400_000),
      };
      const [dropB] = await database.db
        .insert(drops)
        .values({
          brandId: world.b.brandId,
          productId: world.b.watchId,
          title: { en: "B drop" },
          mode: "fcfs",
          stock: 1,
          remaining: 0,
          perAccountLimit: 1,
          earlyAccessPassTypeIds: [],
          holdSeconds: 600,
          createdAt: T0,
          ...times,
        })
        .returning();
      await database.db.insert(dropClaims).values({
        dropId: dropB?.id as string,
        userId: c1,
        status: "confirmed",
        holdExpiresAt: T0,
        createdAt: T0,
        confirmedAt: T0,
      });
      await createSelectionList(
        database,
        {
          actorId: world.b.advisorIds[0],
          brandId: world.b.brandId,
          body: { clientId: c1, title: "For c1 at B" },
        },
        clock,
      );

      const cardA = await readClientCard(
        database,
        { actorId: world.a.advisorIds[0], brandId: world.a.brandId, clientId: c1 },
        clock,
      );
      assert.deepEqual(
        cardA.wishlist.map((w) => w.productId),
        [world.a.ringId],
      );
      assert.deepEqual(cardA.claims, []);
      assert.deepEqual(cardA.events, { available: false, items: [] });
      const cardB = await readClientCard(
        database,
        { actorId: world.b.advisorIds[0], brandId: world.b.brandId, clientId: c1 },
        clock,
      );
      assert.deepEqual(
        cardB.wishlist.map((w) => w.productId),
        [world.b.watchId],
      );
      assert.deepEqual(
        cardB.claims.map((c) => c.dropTitle),
        [{ en: "B drop" }],
      );
      // Lists: brand A sees none of B's.
      assert.deepEqual(
        await listBrandSelectionLists(
          database,
          { actorId: world.a.ownerId, brandId: world.a.brandId, clientId: c1 },
          clock,
        ),
        [],
      );
      const listsB = await listBrandSelectionLists(
        database,
        { actorId: world.b.ownerId, brandId: world.b.brandId, clientId: c1 },
        clock,
      );
      assert.deepEqual(
        listsB.map((l) => l.title),
        ["For c1 at B"],
      );
      // The events seam: a provider fills the card's events.
      const withEvents = await readClientCard(
        database,
        { actorId: world.a.advisorIds[0], brandId: world.a.brandId, clientId: c1 },
        clock,
        {
          events: async (_db, scope) => [
            {
              eventId: `${scope.brandId}-soiree`,
              title: "Soirée",
              startsAt: T0.toISOString(),
              role: "attended",
            },
          ],
        },
      );
      assert.deepEqual(
        withEvents.events.items.map((e) => e.eventId),
        [`${world.a.brandId}-soiree`],
      );
    });

    test("every read is in the client's access log: who, which brand, when, what", async () => {
      const [, , c2] = world.clients as [string, string, string];
      await optIn(database.db, clock, world.a.brandId, c2);
      clock.set(new Date("2026-06-11T09:00:00Z"));
      await readClientCard(
        database,
        { actorId: world.a.advisorIds[1], brandId: world.a.brandId, clientId: c2 },
        clock,
      );
      clock.set(new Date("2026-06-11T09:05:00Z"));
      await updateClientCard(
        database,
        {
          actorId: world.a.ownerId,
          brandId: world.a.brandId,
          clientId: c2,
          patch: { notes: "Prefers rose gold", sizes: { ring: "52" } },
        },
        clock,
      );
      await listBrandMessagesToClient(
        database,
        { actorId: world.a.advisorIds[0], brandId: world.a.brandId, clientId: c2 },
        clock,
      );
      const log = await listMyAccessLog(database, c2);
      assert.deepEqual(
        log.map((e) => [e.staffName, e.brandId, e.action, e.at]),
        [
          ["Advisor a1", world.a.brandId, "messages_read", "2026-06-11T09:05:00.000Z"],
          ["Owner a", world.a.brandId, "card_read", "2026-06-11T09:05:00.000Z"],
          ["Owner a", world.a.brandId, "card_updated", "2026-06-11T09:05:00.000Z"],
          ["Advisor a2", world.a.brandId, "card_read", "2026-06-11T09:00:00.000Z"],
        ],
      );
      assert.ok(log[1]?.sections.includes("wishlist"));
      assert.deepEqual(log[2]?.sections, ["notes", "sizes"]);
      // A refused read leaves no entry (nothing was read), and nobody else's log is touched.
      await assert.rejects(
        readClientCard(database, { actorId: world.b.ownerId, brandId: world.b.brandId, clientId: c2 }, clock),
      );
      assert.equal((await listMyAccessLog(database, c2)).length, 4);
      assert.ok(
        (await listMyAccessLog(database, world.clients[0] as string)).every(
          (e) => e.brandId === world.a.brandId,
        ),
      );
    });

    test("owners reassign clients; advisors may not; only staff can be assigned", async () => {
      const [, , c2] = world.clients as [string, string, string];
      const assign = { brandId: world.a.brandId, clientId: c2 };
      await assignPreferredAdvisor(
        database,
        { ...assign, actorId: world.a.ownerId, advisorId: world.a.advisorIds[1] },
        clock,
      );
      const mine = await listClientBook(
        database,
        { actorId: world.a.advisorIds[1], brandId: world.a.brandId, advisorId: world.a.advisorIds[1] },
        clock,
      );
      assert.deepEqual(
        mine.map((e) => [e.clientId, e.preferredAdvisor?.name]),
        [[c2, "Advisor a2"]],
      );
      await assert.rejects(
        assignPreferredAdvisor(
          database,
          { ...assign, actorId: world.a.advisorIds[0], advisorId: world.a.advisorIds[0] },
          clock,
        ),
        rejectsWith("role_not_allowed"),
      );
      await assert.rejects(
        assignPreferredAdvisor(
          database,
          { ...assign, actorId: world.a.ownerId, advisorId: world.b.advisorIds[0] },
          clock,
        ),
        rejectsWith("not_an_advisor"),
      );
      await assert.rejects(
        assignPreferredAdvisor(
          database,
          { ...assign, actorId: world.a.ownerId, advisorId: world.a.merchandiserId },
          clock,
        ),
        rejectsWith("not_an_advisor"),
      );
    });

    test("withdrawing every purpose removes the client from the book and erases the maison's notes", async () => {
      const [, , c2] = world.clients as [string, string, string];
      clock.set(new Date("2026-06-12T08:00:00Z"));
      // Changing one cell keeps them in the book; the history records it with its source.
      await setConsent(
        database,
        {
          clientId: c2,
          brandId: world.a.brandId,
          body: { source: "wallet", changes: [{ purpose: "events", channel: "email", granted: false }] },
        },
        clock,
      );
      assert.ok(
        (await listClientBook(database, { actorId: world.a.ownerId, brandId: world.a.brandId }, clock)).some(
          (e) => e.clientId === c2,
        ),
      );
      const withdrawn = await withdrawAllConsent(
        database,
        { clientId: c2, brandId: world.a.brandId, source: "wallet" },
        clock,
      );
      assert.equal(withdrawn.inBook, false);
      assert.ok(
        !(await listClientBook(database, { actorId: world.a.ownerId, brandId: world.a.brandId }, clock)).some(
          (e) => e.clientId === c2,
        ),
      );
      await assert.rejects(
        readClientCard(database, { actorId: world.a.ownerId, brandId: world.a.brandId, clientId: c2 }, clock),
        rejectsWith("client_not_in_book"),
      );
      await assert.rejects(
        listBrandSelectionLists(
          database,
          { actorId: world.a.ownerId, brandId: world.a.brandId, clientId: c2 },
          clock,
        ),
        rejectsWith("client_not_in_book"),
      );
      // Opting in again starts afresh: no notes, no sizes, no advisor.
      await optIn(database.db, clock, world.a.brandId, c2, ["appointments"], ["in_app"]);
      const fresh = await readClientCard(
        database,
        { actorId: world.a.ownerId, brandId: world.a.brandId, clientId: c2 },
        clock,
      );
      assert.deepEqual([fresh.notes, fresh.sizes, fresh.preferredAdvisor], ["", {}, null]);
      const history = await consentHistory(database, c2, world.a.brandId);
      assert.deepEqual(
        history.filter((h) => h.source === "wallet").length,
        6,
        "one entry per cell that changed",
      );
      assert.equal(history.at(-1)?.source, "boutique");
      const wallet = await listMyConsents(database, c2);
      assert.deepEqual(
        wallet.map((w) => [w.brandId, w.inBook, w.consent.appointments.in_app]),
        [[world.a.brandId, true, true]],
      );
    });
  });
}
