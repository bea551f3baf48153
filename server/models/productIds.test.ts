import assert from "node:assert/strict";
import { test } from "node:test";
import { Product } from "../../shared/catalog.ts";
import { suggestDisplayHeight } from "./modelNormalization.ts";
import { newProductId, slugify } from "./productIds.ts";

test("product ids are slugs of brand and English name, unique, and valid catalog ids", async () => {
  assert.equal(slugify("Étoile Solitaire — Ring No. 5"), "etoile-solitaire-ring-no-5");
  const taken = new Set(["brevanne-gousset", "brevanne-gousset-2"]);
  const id = await newProductId("brevanne", "Gousset", async (c) => taken.has(c));
  assert.equal(id, "brevanne-gousset-3");
  assert.equal(await newProductId("brevanne", "香水", async () => false), "brevanne-product");
  const long = await newProductId("brevanne", "a very long name ".repeat(10), async () => false);
  assert.ok(long.length <= 48 && !long.endsWith("-"));
  assert.ok(Product.shape.id.safeParse(long).success);
});

test("display heights: plausible sizes kept within the seed's range, absurd ones get a default", () => {
  assert.equal(suggestDisplayHeight(0.3), 0.3);
  assert.equal(suggestDisplayHeight(0.05), 0.2);
  assert.equal(suggestDisplayHeight(2), 0.6);
  assert.equal(suggestDisplayHeight(150), 0.4);
  assert.equal(suggestDisplayHeight(0), 0.4);
});
