/**
 * Publishing reaches shoppers already in the avenue: the joined room's catalogVersion goes up and
 * the catalog carries the new product on the slot the brand chose. Edits after that stay drafts
 * until the next publish, and shoppers keep published products in their wishlist.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Catalog } from "../../shared/catalog.ts";
import {
  BrandProduct,
  BrandProductList,
  PublishResult,
  UploadedModel,
  Wishlist,
} from "../../shared/models.ts";
import { databaseTargets } from "../helpers/databases.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";
import {
  DEMO,
  expectRefused,
  jsonRequest,
  REAL_MODELS,
  type RoleCookies,
  readModel,
  roleCookies,
  startServerOn,
  uploadModel,
} from "./models-fixtures.ts";

const BRAND = DEMO.merchandiser.brandId;
const CLOCK = REAL_MODELS.find((m) => m.name === "AntiqueWallClock.glb") as { name: string; path: string };

const catalogOf = async (server: TestServer) =>
  Catalog.parse(await (await fetch(`${server.url}/api/catalog`)).json());

for (const target of databaseTargets()) {
  describe(`publishing brand products (${target.name})`, { skip: target.skip }, () => {
    let running: Awaited<ReturnType<typeof startServerOn>>;
    let server: TestServer;
    let as: RoleCookies;
    let model: UploadedModel;
    let productId: string;
    let seedIds: string[];

    before(async () => {
      running = await startServerOn(target);
      server = running.server;
      as = await roleCookies(server.database);
      const uploaded = await uploadModel(server.url, BRAND, as.merchandiser, [
        { name: CLOCK.name, bytes: readModel(CLOCK.path) },
      ]);
      model = UploadedModel.parse(await uploaded.json());
      const created = await jsonRequest(
        server.url,
        "POST",
        `/api/brands/${BRAND}/products`,
        as.merchandiser,
        {
          modelId: model.id,
          name: { en: "Salon Clock", fr: "Pendule de salon" },
          description: { en: "A wall clock for a quiet salon.", de: "Eine Wanduhr für einen stillen Salon." },
          price: { amountMinor: 1_250_000, currency: "CHF" },
          credit: '"Antique Wall Clock" by Dr.cucky, CC BY 4.0',
        },
      );
      productId = BrandProduct.parse(await created.json()).id;
      const list = BrandProductList.parse(
        await (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/products`, as.merchandiser)).json(),
      );
      seedIds = list.products.filter((p) => p.status === "published").map((p) => p.id);
      const placed = await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/placement`, as.merchandiser, {
        slots: [seedIds[0], productId, null, seedIds[2]],
      });
      assert.equal(placed.status, 200);
    });
    after(() => running.stop());

    test("a shopper already in the avenue sees the catalog change; the product stands on its slot", async () => {
      assert.ok(
        !(await catalogOf(server)).brands.some((b) => b.products.some((p) => p.id === productId)),
        "drafts are not public",
      );
      const room: AvenueTestRoom = await joinAvenue(server.url);
      try {
        await waitFor("the first state", () => room.state.avatars?.has(room.sessionId) === true);
        // A zero counter is never sent: it reads undefined until the first change.
        const version = room.state.catalogVersion ?? 0;
        const response = await jsonRequest(
          server.url,
          "POST",
          `/api/brands/${BRAND}/publish`,
          as.merchandiser,
        );
        const result = PublishResult.parse(await response.json());
        assert.deepEqual(result.published, [productId]);
        assert.equal(result.placement.unpublished, false);
        await waitFor(
          "catalogVersion bump in the joined room",
          () => (room.state.catalogVersion ?? 0) > version,
          10_000,
        );
      } finally {
        await leaveQuietly(room);
      }

      const brand = (await catalogOf(server)).brands.find((b) => b.id === BRAND);
      const onDisplay = brand?.products.filter((p) => p.slot !== undefined).map((p) => [p.slot, p.id]);
      assert.deepEqual(onDisplay?.sort(), [
        [0, seedIds[0]],
        [1, productId],
        [3, seedIds[2]],
      ]);
      const published = brand?.products.find((p) => p.id === productId);
      assert.equal(published?.name.fr, "Pendule de salon");
      assert.deepEqual(published?.price, { amountMinor: 1_250_000, currency: "CHF" });
      assert.deepEqual(published?.model, {
        kind: "gltf",
        url: model.optimized.url,
        bytes: model.optimized.bytes,
        displayHeight: model.suggestedDisplayHeight,
        credit: '"Antique Wall Clock" by Dr.cucky, CC BY 4.0',
        lodUrl: model.lod.url,
        sha256: model.optimized.sha256,
      });
      const list = BrandProductList.parse(
        await (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/products`, as.owner)).json(),
      );
      assert.equal(list.products.find((p) => p.id === productId)?.status, "published");
    });

    test("publishing again with nothing new publishes nothing", async () => {
      const again = PublishResult.parse(
        await (await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/publish`, as.owner)).json(),
      );
      assert.deepEqual(again.published, []);
    });

    test("an edit after publishing stays a draft ('modified') until the next publish", async () => {
      const edit = await jsonRequest(
        server.url,
        "PUT",
        `/api/brands/${BRAND}/products/${productId}`,
        as.owner,
        {
          name: { en: "Grand Salon Clock" },
          displayHeight: 0.5,
        },
      );
      const edited = BrandProduct.parse(await edit.json());
      assert.equal(edited.status, "modified");
      assert.equal(edited.model.displayHeight, 0.5);
      const shown = (await catalogOf(server)).brands
        .flatMap((b) => b.products)
        .find((p) => p.id === productId);
      assert.equal(shown?.name.en, "Salon Clock", "shoppers still see the published version");
      await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/publish`, as.owner);
      const updated = (await catalogOf(server)).brands
        .flatMap((b) => b.products)
        .find((p) => p.id === productId);
      assert.equal(updated?.name.en, "Grand Salon Clock");
      assert.equal(updated?.slot, 1, "its slot is kept");
    });

    test("wishlist: signed-in shoppers keep published products; guests are asked to sign in", async () => {
      const route = `/api/wishlist/${productId}`;
      await expectRefused(
        await jsonRequest(server.url, "GET", "/api/wishlist", as.guest),
        401,
        "unauthenticated",
      );
      await expectRefused(await jsonRequest(server.url, "PUT", route, as.guest), 401, "unauthenticated");
      await expectRefused(
        await jsonRequest(server.url, "PUT", "/api/wishlist/no-such-product", as.shopper),
        404,
        "not_found",
      );
      const added = await jsonRequest(server.url, "PUT", route, as.shopper);
      assert.equal(added.status, 200);
      const twice = await jsonRequest(server.url, "PUT", route, as.shopper);
      assert.deepEqual(await twice.json(), await added.json(), "adding twice changes nothing");
      const items = async (who: string) =>
        Wishlist.parse(await (await jsonRequest(server.url, "GET", "/api/wishlist", who)).json()).items;
      assert.deepEqual(
        (await items(as.shopper)).map((i) => i.productId),
        [productId],
      );
      assert.deepEqual(await items(as.owner), [], "each account has its own");
      assert.equal((await jsonRequest(server.url, "DELETE", route, as.shopper)).status, 204);
      assert.equal((await jsonRequest(server.url, "DELETE", route, as.shopper)).status, 204);
      assert.deepEqual(await items(as.shopper), []);
    });
  });
}
