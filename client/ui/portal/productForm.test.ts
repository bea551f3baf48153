import assert from "node:assert/strict";
import { test } from "node:test";
import type { BrandProduct } from "../../../shared/models.ts";
import { initialValues, parseAmount, validateCreate, validateUpdate } from "./productForm.ts";

test("typed prices become minor units, read the way the reader's locale writes numbers", () => {
  assert.equal(parseAmount("12500", "EUR", "en"), 1_250_000);
  assert.equal(parseAmount("12,500.50", "EUR", "en"), 1_250_050);
  assert.equal(parseAmount("12 500,50", "EUR", "fr"), 1_250_050);
  assert.equal(parseAmount("12.500,5", "EUR", "de"), 1_250_050);
  assert.equal(parseAmount("1,5", "EUR", "fr"), 150, "a French comma is a decimal point");
  assert.equal(parseAmount("12,500", "EUR", "en"), 1_250_000, "an English comma groups thousands");
  assert.equal(parseAmount("12500", "JPY", "en"), 12_500, "yen have no minor unit");
  assert.equal(parseAmount("", "EUR", "en"), null);
  assert.equal(parseAmount("twelve", "EUR", "en"), null);
  assert.equal(parseAmount("-5", "EUR", "en"), null);
});

const start = initialValues({ modelId: "m-1", fileName: "AntiqueWallClock.glb", displayHeight: 0.4 });

test("a new piece starts from the model's file name and suggested height", () => {
  assert.equal(start.name.en, "Antique Wall Clock");
  assert.equal(start.displayHeight, "0.4");
  assert.equal(start.modelId, "m-1");
});

test("the shared schema refuses what the server would refuse, field by field", () => {
  const { body, errors } = validateCreate(start, [], "en");
  assert.equal(body, null);
  assert.ok(errors?.["description.en"], "English description is required");
  assert.ok(errors?.["price.amountMinor"], "a price is required");
});

test("a complete piece passes, without empty translations and with labelled variants only", () => {
  const values = {
    ...start,
    description: { en: "A clock.", fr: "Une pendule.", de: " ", "zh-CN": "" },
    amount: "9800",
    currency: "CHF",
    variantLabels: {
      Walnut: { en: "Walnut", fr: "Noyer", de: "", "zh-CN": "" },
      Ebony: { en: "", fr: "", de: "", "zh-CN": "" },
    },
  };
  const { body, errors } = validateCreate(values, ["Walnut", "Ebony"], "en");
  assert.equal(errors, null);
  assert.deepEqual(body?.description, { en: "A clock.", fr: "Une pendule." });
  assert.deepEqual(body?.price, { amountMinor: 980_000, currency: "CHF" });
  assert.deepEqual(body?.variantLabels, [{ name: "Walnut", label: { en: "Walnut", fr: "Noyer" } }]);
});

const published: BrandProduct = {
  id: "brevanne-grand-salon",
  brandId: "brevanne",
  status: "published",
  name: { en: "Grand Salon Wall Clock", fr: "Pendule Grand Salon" },
  description: { en: "A wall clock." },
  price: { amountMinor: 980_000, currency: "CHF" },
  stock: 3,
  modelId: null,
  model: { kind: "gltf", url: "/assets/models/AntiqueWallClock.glb", bytes: 2_404_104, displayHeight: 0.45 },
  variantLabels: [],
  publishedAt: "2026-11-01T10:00:00.000Z",
  updatedAt: "2026-11-01T10:00:00.000Z",
};

test("an edit sends only what changed, and an untouched form sends nothing", () => {
  const values = initialValues({ product: published });
  assert.deepEqual(validateUpdate(values, [], published, "fr"), {
    body: null,
    errors: null,
    unchanged: true,
  });
  const edited = { ...values, stock: "5", amount: "9900,00" };
  const { body, errors } = validateUpdate(edited, [], published, "fr");
  assert.equal(errors, null);
  assert.deepEqual(body, { price: { amountMinor: 990_000, currency: "CHF" }, stock: 5 });
});
