import assert from "node:assert/strict";
import { test } from "node:test";
import { blankDropForm, dropBody } from "./dropForm.ts";

const NOW = new Date("2027-03-14T15:00:00Z");

test("a drop's title and description go in every language written, English required", () => {
  const form = blankDropForm(NOW, "p1");
  form.title = { en: "Midnight", fr: " Minuit ", de: "", "zh-CN": "午夜" };
  const checked = dropBody(form);
  assert.ok(checked.ok);
  assert.deepEqual(checked.body.title, { en: "Midnight", fr: "Minuit", "zh-CN": "午夜" });
  assert.equal(checked.body.description, undefined, "no description written, none sent");

  form.title = { en: "", fr: "Minuit", de: "", "zh-CN": "" };
  form.description = { en: "", fr: "Dix pièces", de: "", "zh-CN": "" };
  const refused = dropBody(form);
  assert.ok(!refused.ok);
  assert.ok(refused.errors["title.en"], JSON.stringify(refused.errors));
  assert.ok(refused.errors["description.en"], JSON.stringify(refused.errors));
});

test("a raffle sends its entry deadline and one unit per person; a first-come drop neither", () => {
  const form = blankDropForm(NOW, "p1");
  form.title.en = "Midnight";
  form.perAccountLimit = "3";
  const fcfs = dropBody(form);
  assert.ok(fcfs.ok);
  assert.equal(fcfs.body.entriesCloseAt, undefined);
  assert.equal(fcfs.body.perAccountLimit, 3);
  const raffle = dropBody({ ...form, mode: "raffle" });
  assert.ok(raffle.ok);
  assert.equal(typeof raffle.body.entriesCloseAt, "string");
  assert.equal(raffle.body.perAccountLimit, 1);
  assert.ok(!dropBody({ ...form, publicStartsAt: form.endsAt }).ok, "times out of order are refused");
});
