import assert from "node:assert/strict";
import { test } from "node:test";
import type { Catalog } from "../../../shared/catalog.ts";
import { linkedPiece, pieceLink } from "./deepLink.ts";

// Only what linkedPiece reads: brands and their products' ids.
const catalog = {
  brands: [
    { id: "aubrelle", products: [{ id: "aubrelle-aube-rose" }] },
    { id: "brevanne", products: [{ id: "brevanne-gousset-1862" }] },
  ],
} as unknown as Catalog;

test("a shared piece's address names the piece and its boutique", () => {
  const link = pieceLink("https://vitrine.example", "brevanne-gousset-1862");
  assert.equal(link, "https://vitrine.example/?piece=brevanne-gousset-1862");
  assert.deepEqual(linkedPiece(new URL(link).search, catalog), {
    productId: "brevanne-gousset-1862",
    brandId: "brevanne",
  });
});

test("no piece, an unknown piece or a malformed one opens nothing", () => {
  for (const search of ["", "?shard=abc", "?piece=unknown-piece", "?piece=<script>", "?piece=A-B", "?piece="])
    assert.equal(linkedPiece(search, catalog), null, search);
  assert.equal(linkedPiece(`?piece=${"a".repeat(49)}`, catalog), null, "too long");
});
