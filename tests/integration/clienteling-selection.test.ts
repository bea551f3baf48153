/**
 * Personalisation and selection lists: product options validated against the product (and the demo
 * seed against the real demo pieces), choices validated by the same schema as the client's, lists the
 * client keeps, and the hand-over of one piece to the order webhook (the existing signed delivery,
 * with the personalisation in its payload) or to the drop's claim (into the order on confirmation).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { handOverSelectionItem } from "../../server/clienteling/handover.ts";
import {
  getProductPersonalisation,
  setProductPersonalisation,
  storeProductPersonalisation,
} from "../../server/clienteling/productOptions.ts";
import {
  DEMO_PERSONALISATION,
  seedDemoPersonalisation,
} from "../../server/clienteling/seedPersonalisation.ts";
import {
  addSelectionItem,
  createSelectionList,
  listMySelectionLists,
} from "../../server/clienteling/selectionLists.ts";
import { brands, claimPersonalisations, drops, orderDeliveries, products } from "../../server/db/schema.ts";
import { confirmClaim } from "../../server/drops/claims.ts";
import { manualClock } from "../../server/drops/clock.ts";
import {
  deliverPendingOrders,
  SIGNATURE_HEADER,
  setBrandWebhook,
  verifyWebhookSignature,
} from "../../server/drops/orderWebhooks.ts";
import { DomainError } from "../../server/errors.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { createWorld, optIn, type World } from "./clienteling-fixtures.ts";

const code = (c: string, r?: string) => (e: unknown) =>
  e instanceof DomainError &&
  e.code === c &&
  (r === undefined || (e.details as { reason?: string }).reason === r);

const RING_OPTIONS = DEMO_PERSONALISATION["aubrelle-solitaire-etoile"];

for (const target of databaseTargets()) {
  describe(`personalisation and selection lists on ${target.name}`, { skip: target.skip }, () => {
    let database: TestDatabase;
    let world: World;
    const clock = manualClock(new Date("2026-06-01T08:00:00Z"));
    before(async () => {
      database = await target.open();
      world = await createWorld(database.db, "sel", 2);
      await optIn(database.db, clock, world.a.brandId, world.clients[0] as string);
      await optIn(database.db, clock, world.b.brandId, world.clients[0] as string);
    });
    after(() => database?.close());

    test("the demo seed fits the real demo pieces, once per version", async () => {
      const demo = JSON.parse(
        await readFile(new URL("../../assets/seed/demo.json", import.meta.url), "utf8"),
      ) as {
        brands: {
          id: string;
          name: string;
          tagline: never;
          facade: never;
          products: {
            id: string;
            name: never;
            description: never;
            price: { amountMinor: number; currency: string };
            model: never;
          }[];
        }[];
      };
      for (const [i, brand] of demo.brands
        .filter((b) => b.id === "aubrelle" || b.id === "brevanne")
        .entries()) {
        await database.db.insert(brands).values({
          id: brand.id,
          name: brand.name,
          tagline: brand.tagline,
          facade: brand.facade,
          position: 10 + i,
        });
        await database.db.insert(products).values(
          brand.products.map((p, position) => ({
            id: p.id,
            brandId: brand.id,
            name: p.name,
            description: p.description,
            priceMinor: p.price.amountMinor,
            currency: p.price.currency,
            model: p.model,
            position,
          })),
        );
      }
      assert.equal(await seedDemoPersonalisation(database, clock), true);
      assert.equal(await seedDemoPersonalisation(database, clock), false);
      assert.deepEqual(
        (await getProductPersonalisation(database, "brevanne-leman-bleu")).options.map((o) => o.kind),
        ["initials", "choice"],
      );
      assert.equal(
        (await getProductPersonalisation(database, "aubrelle-solitaire-etoile")).options[0]?.kind,
        "engraving",
      );
    });

    test("options are validated against the product and set only by its owners and merchandisers", async () => {
      const watchOnRing = {
        options: [
          { id: "back", kind: "initials", label: { en: "Initials" }, surface: "case-back", fonts: ["inter"] },
        ],
      };
      await assert.rejects(
        storeProductPersonalisation(
          database,
          { productId: world.a.ringId, options: watchOnRing, updatedBy: null },
          clock,
        ),
        code("validation_failed", "unknown_surface"),
      );
      await assert.rejects(
        storeProductPersonalisation(
          database,
          { productId: world.a.ringId, options: { options: [{ id: "Bad Id" }] }, updatedBy: null },
          clock,
        ),
        code("validation_failed"),
      );
      await assert.rejects(
        setProductPersonalisation(
          database,
          { actorId: world.a.advisorIds[0], productId: world.a.ringId, options: RING_OPTIONS },
          clock,
        ),
        code("forbidden", "role_not_allowed"),
      );
      await assert.rejects(
        setProductPersonalisation(
          database,
          { actorId: world.b.ownerId, productId: world.a.ringId, options: RING_OPTIONS },
          clock,
        ),
        code("forbidden", "not_brand_staff"),
      );
      const stored = await setProductPersonalisation(
        database,
        { actorId: world.a.merchandiserId, productId: world.a.ringId, options: RING_OPTIONS },
        clock,
      );
      assert.equal(stored.options[0]?.id, "band");
    });

    test("an advisor builds a list; each piece's personalisation passes the same schema as the client's", async () => {
      const [c0] = world.clients as [string];
      const list = await createSelectionList(
        database,
        {
          actorId: world.a.advisorIds[0],
          brandId: world.a.brandId,
          body: { clientId: c0, title: "After our appointment" },
        },
        clock,
      );
      const add = (body: Parameters<typeof addSelectionItem>[1]["body"]) =>
        addSelectionItem(database, { actorId: world.a.advisorIds[0], listId: list.id, body }, clock);
      await assert.rejects(
        add({
          productId: world.a.ringId,
          variant: null,
          personalisation: { band: { text: "<b>x</b>", font: "inter" } },
        }),
        code("validation_failed", "invalid_personalisation"),
      );
      await assert.rejects(
        add({ productId: world.a.ringId, variant: "rose-gold", personalisation: undefined }),
        code("validation_failed", "unknown_variant"),
      );
      await assert.rejects(add({ productId: world.b.ringId, variant: null }), code("not_found"));
      await assert.rejects(
        addSelectionItem(
          database,
          {
            actorId: world.b.advisorIds[0],
            listId: list.id,
            body: { productId: world.a.ringId, variant: null },
          },
          clock,
        ),
        code("forbidden"),
      );
      const withItem = await add({
        productId: world.a.ringId,
        variant: null,
        personalisation: { band: { text: "Pour toujours ♥", font: "cormorant-garamond" } },
        note: "Size 52",
      });
      assert.deepEqual(
        withItem.items.map((i) => [i.productId, i.personalisation]),
        [[world.a.ringId, { band: { text: "Pour toujours ♥", font: "cormorant-garamond" } }]],
      );
      await createSelectionList(
        database,
        {
          actorId: world.b.advisorIds[0],
          brandId: world.b.brandId,
          body: { clientId: c0, title: "Watches" },
        },
        clock,
      );
      assert.deepEqual((await listMySelectionLists(database, c0)).map((l) => l.brandId).sort(), [
        world.a.brandId,
        world.b.brandId,
      ]);
      await assert.rejects(
        createSelectionList(
          database,
          {
            actorId: world.a.advisorIds[0],
            brandId: world.a.brandId,
            body: { clientId: world.clients[1] as string, title: "x" },
          },
          clock,
        ),
        code("not_found", "client_not_in_book"),
      );
    });

    test("hand-over to the brand's order webhook: signed, once, with the personalisation in the payload", async () => {
      const [c0] = world.clients as [string];
      const [list] = (await listMySelectionLists(database, c0)).filter((l) => l.brandId === world.a.brandId);
      const item = list?.items[0];
      assert.ok(list && item);
      await assert.rejects(
        handOverSelectionItem(
          database,
          { clientId: world.clients[1] as string, listId: list.id, itemId: item.id, body: { to: "order" } },
          clock,
        ),
        code("not_found"),
      );
      const answer = await handOverSelectionItem(
        database,
        { clientId: c0, listId: list.id, itemId: item.id, body: { to: "order" } },
        clock,
      );
      assert.ok(answer.to === "order");
      assert.equal(answer.item.handover.status, "order_sent");
      const again = await handOverSelectionItem(
        database,
        { clientId: c0, listId: list.id, itemId: item.id, body: { to: "order" } },
        clock,
      );
      assert.ok(again.to === "order" && again.orderDeliveryId === answer.orderDeliveryId);
      assert.equal((await database.db.select().from(orderDeliveries)).length, 1);
      await setBrandWebhook(database, world.a.brandId, {
        url: "https://orders.example.test/hook",
        secret: "whsec_0123456789abcdef",
      });
      const received: { body: string; signature: string }[] = [];
      const result = await deliverPendingOrders(
        database,
        async (_url, init) => {
          received.push({ body: init.body, signature: init.headers[SIGNATURE_HEADER] as string });
          return { status: 202 };
        },
        clock,
      );
      assert.deepEqual(result, { delivered: 1, failed: 0 });
      const payload = JSON.parse(received[0]?.body ?? "{}");
      assert.deepEqual(
        [
          payload.type,
          payload.source,
          payload.productId,
          payload.userId,
          payload.personalisation,
          payload.selectionItemId,
        ],
        [
          "order.created",
          "selection_list",
          world.a.ringId,
          c0,
          { band: { text: "Pour toujours ♥", font: "cormorant-garamond" } },
          item.id,
        ],
      );
      assert.ok(
        verifyWebhookSignature(
          "whsec_0123456789abcdef",
          received[0]?.body ?? "",
          received[0]?.signature ?? "",
          Math.floor(clock.now().getTime() / 1000),
        ),
      );
    });

    test("a piece in a running drop goes to the drop's claim, and its personalisation into the order", async () => {
      const [c0] = world.clients as [string];
      await setProductPersonalisation(
        database,
        {
          actorId: world.a.ownerId,
          productId: world.a.watchId,
          options: DEMO_PERSONALISATION["brevanne-leman-bleu"],
        },
        clock,
      );
      const now = clock.now();
      const [drop] = await database.db
        .insert(drops)
        .values({
          brandId: world.a.brandId,
          productId: world.a.watchId,
          title: { en: "Watch drop" },
          mode: "fcfs",
          stock: 3,
          remaining: 3,
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
      assert.ok(drop);
      const list = await createSelectionList(
        database,
        {
          actorId: world.a.advisorIds[1],
          brandId: world.a.brandId,
          body: { clientId: c0, title: "The watch" },
        },
        clock,
      );
      const choice = {
        initials: { letters: "iv", font: "cormorant-garamond" },
        strap: { value: "cognac-calf" },
      };
      const withWatch = await addSelectionItem(
        database,
        {
          actorId: world.a.advisorIds[1],
          listId: list.id,
          body: { productId: world.a.watchId, variant: null, personalisation: choice },
        },
        clock,
      );
      const itemId = withWatch.items[0]?.id as string;
      await assert.rejects(
        handOverSelectionItem(
          database,
          { clientId: c0, listId: list.id, itemId, body: { to: "order" } },
          clock,
        ),
        code("conflict", "piece_in_drop"),
      );
      const answer = await handOverSelectionItem(
        database,
        { clientId: c0, listId: list.id, itemId, body: { to: "claim", dropId: drop.id } },
        clock,
      );
      assert.ok(answer.to === "claim" && answer.claim.outcome === "held");
      assert.equal(answer.item.handover.status, "claim_held");
      const retry = await handOverSelectionItem(
        database,
        { clientId: c0, listId: list.id, itemId, body: { to: "claim", dropId: drop.id } },
        clock,
      );
      assert.ok(
        retry.to === "claim" &&
          retry.claim.outcome === "held" &&
          retry.claim.claim.id === answer.claim.claim.id,
        "the same claim",
      );
      const [stored] = await database.db
        .select()
        .from(claimPersonalisations)
        .where(eq(claimPersonalisations.claimId, answer.claim.claim.id));
      assert.deepEqual(stored?.choice, {
        initials: { letters: "IV", font: "cormorant-garamond" },
        strap: { value: "cognac-calf" },
      });
      await confirmClaim(database, { claimId: answer.claim.claim.id, userId: c0 }, clock);
      const [order] = await database.db
        .select()
        .from(orderDeliveries)
        .where(eq(orderDeliveries.claimId, answer.claim.claim.id));
      assert.deepEqual(order?.payload.personalisation, stored?.choice);
    });

    test("a choice that no longer fits the piece's options is refused at hand-over", async () => {
      const [c0] = world.clients as [string];
      const list = await createSelectionList(
        database,
        { actorId: world.a.advisorIds[0], brandId: world.a.brandId, body: { clientId: c0, title: "Later" } },
        clock,
      );
      const withRing = await addSelectionItem(
        database,
        {
          actorId: world.a.advisorIds[0],
          listId: list.id,
          body: {
            productId: world.a.ringId,
            variant: null,
            personalisation: { band: { text: "Toujours", font: "inter" } },
          },
        },
        clock,
      );
      const narrower = { options: [{ ...RING_OPTIONS?.options[0], fonts: ["cormorant-garamond"] }] };
      await setProductPersonalisation(
        database,
        { actorId: world.a.ownerId, productId: world.a.ringId, options: narrower },
        clock,
      );
      await assert.rejects(
        handOverSelectionItem(
          database,
          { clientId: c0, listId: list.id, itemId: withRing.items[0]?.id as string, body: { to: "order" } },
          clock,
        ),
        code("validation_failed", "invalid_personalisation"),
      );
    });
  });
}
