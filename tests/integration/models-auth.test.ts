/**
 * Who may do what with a brand's models and products: owner, merchandiser, advisor, another brand's
 * staff, shopper, guest and admin against upload, reading drafts, creating and editing products,
 * placement and publishing; and the per-account upload limit. Runs on PGlite, and on PostgreSQL
 * when TEST_DATABASE_URL is set. Publishing's effects: models-publish.test.ts.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ApiErrorBody } from "../../shared/errors.ts";
import {
  BrandProduct,
  BrandProductList,
  Placement,
  PublishResult,
  UploadedModel,
} from "../../shared/models.ts";
import { databaseTargets } from "../helpers/databases.ts";
import type { TestServer } from "../helpers/server.ts";
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
const PLANT = REAL_MODELS.find((m) => m.name === "PottedPlant04.glb") as { name: string; path: string };
const UPLOADS_PER_HOUR = 4;

for (const target of databaseTargets()) {
  describe(`brand models and products: roles (${target.name})`, {
    skip: target.skip,
  }, () => {
    let running: Awaited<ReturnType<typeof startServerOn>>;
    let server: TestServer;
    let as: RoleCookies;
    let model: UploadedModel;
    let productId: string;

    before(async () => {
      running = await startServerOn(target, { MODEL_UPLOADS_PER_HOUR: String(UPLOADS_PER_HOUR) });
      server = running.server;
      as = await roleCookies(server.database);
    });
    after(() => running.stop());

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
      const brandRoutes = ["models", "products", `models/${model.id}`, `uploads/${crypto.randomUUID()}`];
      for (const who of ["otherBrand", "shopper"] as const) {
        for (const route of brandRoutes) {
          const response = await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/${route}`, as[who]);
          await expectRefused(response, 403, "forbidden");
        }
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
      const body = {
        modelId: model.id,
        name: { en: "Jardin Suspendu", fr: "Jardin Suspendu (fr)" },
        description: { en: "A plant for a quiet corner of the boutique." },
        price: { amountMinor: 42_000, currency: "CHF" },
        stock: 12,
      };
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

    test("publishing: owners, merchandisers and admins only", async () => {
      for (const [who, status, code] of [
        ["advisor", 403, "forbidden"],
        ["otherBrand", 403, "forbidden"],
        ["shopper", 403, "forbidden"],
        ["guest", 401, "unauthenticated"],
      ] as const) {
        await expectRefused(
          await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/publish`, as[who]),
          status,
          code,
        );
      }
      const published = await jsonRequest(server.url, "POST", `/api/brands/${BRAND}/publish`, as.admin);
      assert.deepEqual(
        PublishResult.parse(await published.json()).published.sort(),
        [productId, `${productId}-2`].sort(),
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
