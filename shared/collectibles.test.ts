import assert from "node:assert/strict";
import { test } from "node:test";
import { CollectibleCreate, editionLabel, GrantCollectibleBody, UpdateOwnedCopy } from "./collectibles.ts";

const valid = {
  modelId: "m-1",
  name: { en: "Étoile", "zh-CN": "星辰" },
  story: { en: "A star." },
  editionSize: 500,
  obtainedBy: "event",
};

test("a collectible has no price: any commercial key is refused by name", () => {
  assert.equal(CollectibleCreate.safeParse(valid).success, true);
  for (const key of ["price", "priceMinor", "amountMinor", "currency", "resalePrice", "royalty"]) {
    const result = CollectibleCreate.safeParse({ ...valid, [key]: 1 });
    assert.equal(result.success, false);
    const [issue] = result.error?.issues ?? [];
    assert.equal(issue?.code, "unrecognized_keys");
    assert.equal(issue?.message, `Unknown key "${key}": collectibles have no price and cannot be sold`);
  }
  const other = CollectibleCreate.safeParse({ ...valid, colour: "red" });
  assert.equal(other.error?.issues[0]?.message, 'Unknown key "colour"');
});

test("edition sizes, slugs and sources", () => {
  for (const editionSize of [0, -1, 1.5, 100_001]) {
    assert.equal(CollectibleCreate.safeParse({ ...valid, editionSize }).success, false, String(editionSize));
  }
  assert.equal(CollectibleCreate.safeParse({ ...valid, editionSize: 1 }).success, true);
  assert.equal(CollectibleCreate.safeParse({ ...valid, editionSize: 100_000 }).success, true);
  assert.equal(CollectibleCreate.safeParse({ ...valid, id: "Not A Slug" }).success, false);
  for (const obtainedBy of ["drop", "pass"]) {
    const missing = CollectibleCreate.safeParse({ ...valid, obtainedBy });
    assert.deepEqual(missing.error?.issues[0]?.path, ["sourceId"]);
    assert.equal(CollectibleCreate.safeParse({ ...valid, obtainedBy, sourceId: "x" }).success, true);
  }
  assert.equal(CollectibleCreate.safeParse({ ...valid, obtainedBy: "sale" }).success, false);
});

test("owners may only hide or show; grants take emails and a reason", () => {
  assert.deepEqual(UpdateOwnedCopy.parse({ hidden: true }), { hidden: true });
  assert.equal(UpdateOwnedCopy.safeParse({ hidden: true, ownerId: "x" }).success, false);
  assert.equal(UpdateOwnedCopy.safeParse({}).success, false);
  assert.equal(GrantCollectibleBody.safeParse({ emails: ["a@b.co"], reason: "manual" }).success, true);
  assert.equal(GrantCollectibleBody.safeParse({ emails: [], reason: "manual" }).success, false);
  assert.equal(
    GrantCollectibleBody.safeParse({ emails: Array(501).fill("a@b.co"), reason: "manual" }).success,
    false,
  );
  assert.equal(GrantCollectibleBody.safeParse({ emails: ["a@b.co"], reason: "sale" }).success, false);
});

test("edition labels read #17 of 500", () => {
  assert.equal(editionLabel(17, 500), "#17 of 500");
});
