import assert from "node:assert/strict";
import { test } from "node:test";
import { layoutAvenue } from "../../../shared/avenue/layout.ts";
import type { BrandWithProducts, Catalog, Product } from "../../../shared/catalog.ts";
import { displayedProducts } from "./displayedProducts.ts";

function product(id: string, slot?: number): Product {
  return {
    id,
    brandId: "maison",
    name: { en: id },
    description: { en: id },
    price: { amountMinor: 100, currency: "EUR" },
    model: {
      kind: "procedural",
      shape: "ring",
      colors: { primary: "#ffffff", secondary: "#ffffff", accent: "#ffffff" },
      displayHeight: 0.25,
    },
    ...(slot === undefined ? {} : { slot }),
  };
}

function catalogOf(products: Product[]): Catalog {
  const brand: BrandWithProducts = {
    id: "maison",
    name: "Maison",
    tagline: { en: "A maison" },
    facade: { style: "classic", wall: "#ffffff", trim: "#c0a060", light: "#ffd8a1" },
    products,
  };
  return { brands: [brand] };
}

const shown = (products: Product[]) =>
  displayedProducts(layoutAvenue(["maison"]), catalogOf(products)).map(
    (d) => `${d.slotIndex}:${d.product.id}`,
  );

test("without an arrangement, products fill the slots in catalog order and the rest wait", () => {
  assert.deepEqual(shown(["a", "b", "c", "d", "e"].map((id) => product(id))), ["0:a", "1:b", "2:c", "3:d"]);
});

test("with an arrangement, products stand on their slots and unplaced ones are not shown", () => {
  assert.deepEqual(shown([product("a"), product("b", 3), product("c", 1), product("d")]), ["1:c", "3:b"]);
});
