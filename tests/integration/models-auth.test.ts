/**
 * Who may do what with a brand's models and products (owner, merchandiser, advisor, another brand's
 * staff, shopper, guest, admin), the product lifecycle (draft → published → modified), placement,
 * and publishing reaching shoppers already in the avenue (catalogVersion bump), plus the wishlist.
 * Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Catalog } from "../../shared/catalog.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import {
  BrandProduct,
  BrandProductList,
  Placement,
  PublishResult,
  UploadedModel,
  Wishlist,
} from "../../shared/models.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";
import {
  cookieFor,
  DEMO,
  jsonRequest,
  REAL_MODELS,
  readModel,
  staffCookie,
  uploadModel,
} from "./models-fixtures.ts";

const BRAND = DEMO.merchandiser.brandId;
const PLANT = REAL_MODELS.find((m) => m.name === "PottedPlant04.glb") as { name: string; path: string };
const UPLOADS_PER_HOUR = 4;

const productBody = (name: string) => ({
  modelId: "",
  name: { en: name, fr: `${name} (fr)` },
  description: { en: "A plant for a quiet corner of the boutique." },
  price: { amountMinor: 42_000, currency: "CHF" },
  stock: 12,
});

for (const target of databaseTargets()) {
  describe(`brand models and products: roles, publishing, wishlist (${target.name})`, {
    skip: target.skip,
  }, () => {
    let database: TestDatabase | undefined;
    let server: TestServer;
    let as: Record<"owner" | "merchandiser" | "advisor" | "otherBrand" | "shopper" | "admin", string> & {
      guest: null;
    };
    let model: UploadedModel;
    let productId: string;

    before(async () => {
      database = target.name === "postgres" ? await target.open() : undefined;
      server = await startTestServer({
        MODEL_UPLOADS_PER_HOUR: String(UPLOADS_PER_HOUR),
        ...(database?.url ? { DATABASE_URL: database.url } : {}),
      });
      const db = server.database;
      as = {
        owner: await staffCookie(db, BRAND, "owner", "brevanne-owner"),
        merchandiser: await cookieFor(db, DEMO.merchandiser.email),
        advisor: await staffCookie(db, BRAND, "advisor", "brevanne-advisor"),
        otherBrand: await cookieFor(db, DEMO.owner.email),
        shopper: await cookieFor(db, DEMO.shopper.email),
        admin: await cookieFor(db, DEMO.admin.email),
        guest: null,
      };
    });
    after(async () => {
      await server.stop();
      await database?.close();
    });

    /** Expects a refusal with the status and error code, and a message that says why. */
    async function expectRefused(response: Response, status: number, code: string): Promise<void> {
      const body = ApiErrorBody.parse(await response.json());
      assert.equal(response.status, status, JSON.stringify(body));
      assert.equal(body.error.code, code);
      assert.ok(body.error.message.length > 10);
    }

    test("upload: owner, merchandiser and admin may; advisor, other brands, shoppers and guests may not", async () => {
      const plant = [{ name: PLANT.name, bytes: readModel(PLANT.path) }];
      const response = await uploadModel(server.url, BRAND, as.merchandiser, plant);
      assert.equal(response.status, 201);
      model = UploadedModel.parse(await response.json());
      for (const who of ["owner", "admin"] as const) {
        assert.equal((await uploadModel(server.url, BRAND, as[who], plant)).status, 201, who);
      }
      await expectRefused(await uploadModel(server.url, BRAND, as.advisor, plant), 403, "forbidden");
      const other = await uploadModel(server.url, BRAND, as.otherBrand, plant);
      assert.equal(other.status, 403);
      const body = ApiErrorBody.parse(await other.json());
      assert.match(body.error.message, /brevanne/);
      assert.deepEqual(body.error.details, { brandId: BRAND, reason: "not_brand_staff" });
      await expectRefused(await uploadModel(server.url, BRAND, as.shopper, plant), 403, "forbidden");
      await expectRefused(await uploadModel(server.url, BRAND, as.guest, plant), 401, "unauthenticated");
      await expectRefused(await uploadModel(server.url, "no-such-brand", as.admin, plant), 404, "not_found");
    });

    test("reading models and drafts: the brand's staff (advisor included) and admins only", async () => {
      for (const who of ["owner", "merchandiser", "advisor", "admin"] as const) {
        assert.equal(
          (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models`, as[who])).status,
          200,
          who,
        );
        assert.equal(
          (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/products`, as[who])).status,
          200,
          who,
        );
        assert.equal(
          (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models/${model.id}`, as[who])).status,
          200,
          who,
        );
      }
      for (const who of ["otherBrand", "shopper"] as const) {
        await expectRefused(
          await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models`, as[who]),
          403,
          "forbidden",
        );
        await expectRefused(
          await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/products`, as[who]),
          403,
          "forbidden",
        );
        await expectRefused(
          await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models/${model.id}`, as[who]),
          403,
          "forbidden",
        );
        await expectRefused(
          await jsonRequest(
            server.url,
            "GET",
            `/api/brands/${BRAND}/uploads/${crypto.randomUUID()}`,
            as[who],
          ),
          403,
          "forbidden",
        );
      }
      await expectRefused(
        await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/products`, as.guest),
        401,
        "unauthenticated",
      );
      // A model of one brand is not readable through another brand's address, even by its staff.
      await expectRefused(
        await jsonRequest(server.url, "GET", `/api/brands/aubrelle/models/${model.id}`, as.otherBrand),
        404,
        "not_found",
      );
    });

    test("creating and editing products: editors only; bodies validated by the shared schema", async () => {
      const body = { ...productBody("Jardin Suspendu"), modelId: model.id };
      for (const [who, status, code] of [
        ["advisor", 403, "forbidden"],
        ["otherBrand", 403, "forbidden"],
        ["shopper", 403, "forbidden"],
        ["guest", 401, "unauthenticated"],
      ] as const) {
        await expectRefused(
          await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/products`, as[who], body),
          status,
          code,
        );
      }
      await expectRefused(
        await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/products`, as.merchandiser, {
          ...body,
          price: { amountMinor: -1, currency: "chf" },
        }),
        400,
        "validation_failed",
      );
      await expectRefused(
        await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/products`, as.merchandiser, {
          ...body,
          modelId: "not-ours",
        }),
        400,
        "validation_failed",
      );

      const created = await jsonRequest(
        server.url,
        "POST",
        `/api/brands/${BRAND}/products`,
        as.merchandiser,
        body,
      );
      assert.equal(created.status, 201);
      const product = BrandProduct.parse(await created.json());
      productId = product.id;
      assert.equal(product.id, "brevanne-jardin-suspendu");
      assert.equal(product.status, "draft");
      assert.equal(product.stock, 12);
      assert.equal(product.model.kind, "gltf");
      assert.equal(product.model.displayHeight, model.suggestedDisplayHeight);
      if (product.model.kind === "gltf") {
        assert.equal(product.model.url, model.optimized.url);
        assert.equal(product.model.lodUrl, model.lod.url);
      }
      const again = BrandProduct.parse(
        await (await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/products`, as.owner, body)).json(),
      );
      assert.equal(again.id, "brevanne-jardin-suspendu-2", "ids stay unique");

      for (const who of ["advisor", "otherBrand", "shopper"] as const) {
        await expectRefused(
          await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/products/${productId}`, as[who], {
            stock: 1,
          }),
          403,
          "forbidden",
        );
      }
      const edited = await jsonRequest(
        server.url,
        "PUT",
        `/api/brands/${BRAND}/products/${productId}`,
        as.admin,
        { displayHeight: 0.5, stock: 3 },
      );
      assert.equal(edited.status, 200);
      const after = BrandProduct.parse(await edited.json());
      assert.equal(after.model.displayHeight, 0.5);
      assert.equal(after.stock, 3);
      await expectRefused(
        await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/products/${productId}`, as.owner, {}),
        400,
        "validation_failed",
      );
      await expectRefused(
        await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/products/aubrelle-aube-rose`, as.owner, {
          stock: 1,
        }),
        404,
        "not_found",
      );
    });

    test("placement: editors only, exactly the boutique's slots, the brand's own products", async () => {
      const list = BrandProductList.parse(
        await (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/products`, as.advisor)).json(),
      );
      const seedIds = list.products.filter((p) => p.status === "published").map((p) => p.id);
      assert.equal(seedIds.length, 4, "the seed's four products are listed as published");
      assert.deepEqual(list.placement, { slots: seedIds, unpublished: false, updatedAt: null });

      const slots = [productId, seedIds[1] as string, null, seedIds[3] as string];
      await expectRefused(
        await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/placement`, as.advisor, { slots }),
        403,
        "forbidden",
      );
      await expectRefused(
        await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/placement`, as.owner, {
          slots: [productId],
        }),
        400,
        "validation_failed",
      );
      await expectRefused(
        await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/placement`, as.owner, {
          slots: [productId, productId, null, null],
        }),
        400,
        "validation_failed",
      );
      await expectRefused(
        await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/placement`, as.owner, {
          slots: ["aubrelle-aube-rose", null, null, null],
        }),
        400,
        "validation_failed",
      );
      const saved = Placement.parse(
        await (
          await jsonRequest(server.url, "PUT", `/api/brands/${BRAND}/placement`, as.owner, { slots })
        ).json(),
      );
      assert.deepEqual(saved.slots, slots);
      assert.equal(saved.unpublished, true);
    });

    test("publishing: editors only; reaches a shopper already in the avenue (catalogVersion), with slots", async () => {
      for (const who of ["advisor", "otherBrand", "shopper"] as const) {
        await expectRefused(
          await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/publish`, as[who]),
          403,
          "forbidden",
        );
      }
      const before = Catalog.parse(await (await fetch(`${server.url}/api/catalog`)).json());
      assert.ok(
        !before.brands.some((b) => b.products.some((p) => p.id === productId)),
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
        assert.equal(response.status, 200);
        const result = PublishResult.parse(await response.json());
        assert.deepEqual(result.published.sort(), [productId, `${productId}-2`].sort());
        assert.equal(result.placement.unpublished, false);
        await waitFor(
          "catalogVersion bump in the joined room",
          () => (room.state.catalogVersion ?? 0) > version,
          10_000,
        );
      } finally {
        await leaveQuietly(room);
      }

      const catalog = Catalog.parse(await (await fetch(`${server.url}/api/catalog`)).json());
      const brand = catalog.brands.find((b) => b.id === BRAND);
      const published = brand?.products.find((p) => p.id === productId);
      assert.ok(published);
      assert.equal(published.slot, 0);
      assert.equal(published.name.fr, "Jardin Suspendu (fr)");
      assert.equal(published.model.kind === "gltf" && published.model.sha256, model.optimized.sha256);
      assert.deepEqual(
        brand?.products
          .filter((p) => p.slot !== undefined)
          .map((p) => [p.slot, p.id])
          .sort(),
        [
          [0, productId],
          [1, brand?.products[1]?.id],
          [3, brand?.products[3]?.id],
        ].sort(),
      );
      const drafts = BrandProductList.parse(
        await (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/products`, as.owner)).json(),
      );
      assert.equal(drafts.products.find((p) => p.id === productId)?.status, "published");
    });

    test("an edit after publishing stays a draft ('modified') until the next publish", async () => {
      const edit = await jsonRequest(
        server.url,
        "PUT",
        `/api/brands/${BRAND}/products/${productId}`,
        as.owner,
        {
          name: { en: "Jardin Suspendu II" },
        },
      );
      assert.equal(BrandProduct.parse(await edit.json()).status, "modified");
      const catalog = Catalog.parse(await (await fetch(`${server.url}/api/catalog`)).json());
      const shown = catalog.brands.flatMap((b) => b.products).find((p) => p.id === productId);
      assert.equal(shown?.name.en, "Jardin Suspendu", "shoppers still see the published version");
    });

    test("wishlist: signed-in shoppers keep published products; guests are asked to sign in", async () => {
      await expectRefused(
        await jsonRequest(server.url, "GET", "/api/wishlist", as.guest),
        401,
        "unauthenticated",
      );
      await expectRefused(
        await jsonRequest(server.url, "PUT", `/api/wishlist/${productId}`, as.guest),
        401,
        "unauthenticated",
      );
      await expectRefused(
        await jsonRequest(server.url, "PUT", "/api/wishlist/no-such-product", as.shopper),
        404,
        "not_found",
      );
      const added = await jsonRequest(server.url, "PUT", `/api/wishlist/${productId}`, as.shopper);
      assert.equal(added.status, 200);
      const twice = await jsonRequest(server.url, "PUT", `/api/wishlist/${productId}`, as.shopper);
      assert.deepEqual(await twice.json(), await added.json(), "adding twice changes nothing");
      const list = Wishlist.parse(
        await (await jsonRequest(server.url, "GET", "/api/wishlist", as.shopper)).json(),
      );
      assert.deepEqual(
        list.items.map((i) => i.productId),
        [productId],
      );
      assert.deepEqual(
        Wishlist.parse(await (await jsonRequest(server.url, "GET", "/api/wishlist", as.owner)).json()).items,
        [],
      );
      assert.equal(
        (await jsonRequest(server.url, "DELETE", `/api/wishlist/${productId}`, as.shopper)).status,
        204,
      );
      assert.equal(
        (await jsonRequest(server.url, "DELETE", `/api/wishlist/${productId}`, as.shopper)).status,
        204,
      );
      assert.deepEqual(
        Wishlist.parse(await (await jsonRequest(server.url, "GET", "/api/wishlist", as.shopper)).json())
          .items,
        [],
      );
    });

    test("uploads are rate limited per account", async () => {
      // The merchandiser has used 1 upload; the limit is UPLOADS_PER_HOUR.
      const tiny = [{ name: "x.glb", bytes: new Uint8Array(4) }];
      for (let i = 1; i < UPLOADS_PER_HOUR; i++) {
        assert.equal((await uploadModel(server.url, BRAND, as.merchandiser, tiny)).status, 415);
      }
      const limited = await uploadModel(server.url, BRAND, as.merchandiser, tiny);
      await expectRefused(limited, 429, "rate_limited");
      assert.ok(Number(limited.headers.get("retry-after")) > 0);
      assert.equal(
        (await uploadModel(server.url, BRAND, as.owner, tiny)).status,
        415,
        "other accounts keep their own allowance",
      );
    });
  });
}
