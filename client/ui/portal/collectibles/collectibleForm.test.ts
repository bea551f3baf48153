import assert from "node:assert/strict";
import { test } from "node:test";
import { blankCollectibleForm, collectibleBody, parseEmails } from "./collectibleForm.ts";

test("a complete form gives the create body, languages left empty omitted", () => {
  const form = { ...blankCollectibleForm(), modelId: "m1", editionSize: "250" };
  form.name = { ...form.name, en: " Rose des Vents ", fr: "Rose des Vents" };
  form.story = { ...form.story, en: "A keepsake." };
  const result = collectibleBody(form);
  assert.ok(result.ok);
  assert.deepEqual(result.body.name, { en: "Rose des Vents", fr: "Rose des Vents" });
  assert.equal(result.body.editionSize, 250);
  assert.equal(result.body.sourceId, undefined);
});

test("problems are keyed by field: English name, edition size, the drop a drop collectible needs", () => {
  const form = { ...blankCollectibleForm(), modelId: "m1", editionSize: "0" };
  const result = collectibleBody(form);
  assert.ok(!result.ok);
  assert.ok(result.errors["name.en"] ?? result.errors.name, "the English name is required");
  assert.ok(result.errors.editionSize);
  const drop = { ...blankCollectibleForm(), modelId: "m1", obtainedBy: "drop" as const };
  drop.name = { ...drop.name, en: "Keepsake" };
  drop.story = { ...drop.story, en: "Story" };
  const missing = collectibleBody(drop);
  assert.ok(!missing.ok);
  assert.match(missing.errors.sourceId ?? "", /sourceId/);
});

test("emails are split on commas, spaces and lines, lowercased, once each", () => {
  assert.deepEqual(parseEmails("A@x.test, b@x.test\nb@x.test;  c@x.test"), [
    "a@x.test",
    "b@x.test",
    "c@x.test",
  ]);
});
