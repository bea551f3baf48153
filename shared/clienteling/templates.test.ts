import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_TEMPLATES } from "./defaultTemplates.ts";
import { estimateWaitMinutes } from "./queue.ts";
import { OUTREACH_OCCASIONS, renderTemplate, templateProblems } from "./templates.ts";

const values = {
  clientName: "Inès Valmont",
  advisorName: "Léa Martin",
  brandName: "Aubrelle",
  productName: "Étoile Solitaire",
  dropTitle: "Étoile",
  dropStartsAt: "1 June",
  eventTitle: "Soirée",
  eventStartsAt: "2 June",
};

test("every default template is valid in every language and renders without a hole", () => {
  for (const occasion of OUTREACH_OCCASIONS) {
    const template = DEFAULT_TEMPLATES[occasion];
    assert.deepEqual(templateProblems(occasion, template), [], occasion);
    assert.deepEqual(Object.keys(template.body).sort(), ["de", "en", "fr", "zh-CN"], occasion);
    for (const language of ["en", "fr", "de", "zh-CN"]) {
      const result = renderTemplate(occasion, template, language, values);
      assert.ok(result.ok, `${occasion} ${language}`);
      assert.equal(result.rendered.language, language);
      assert.ok(!result.rendered.body.includes("{{"), `${occasion} ${language}`);
    }
  }
});

test("the client's language with an English fallback", () => {
  const template = { subject: { en: "Hello {{clientName}}" }, body: { en: "Hi", fr: "Bonjour" } };
  const fr = renderTemplate("birthday", template, "fr", values);
  assert.ok(fr.ok);
  assert.deepEqual(fr.rendered, { subject: "Hello Inès Valmont", body: "Bonjour", language: "fr" });
  const de = renderTemplate("birthday", template, "de", values);
  assert.ok(de.ok);
  assert.equal(de.rendered.language, "en");
});

test("an unknown merge field is a named error; so are a missing value and an unclosed field", () => {
  const bad = {
    subject: { en: "For {{clientName}}" },
    body: { en: "Your {{productName}} and {{secretScore}}" },
  };
  const problems = templateProblems("birthday", bad);
  assert.deepEqual(
    problems.map((p) => [p.code, p.field, p.path]),
    [
      ["unknown_merge_field", "productName", "body.en"],
      ["unknown_merge_field", "secretScore", "body.en"],
    ],
  );
  const rendered = renderTemplate(
    "wishlist_piece_new",
    { subject: { en: "x" }, body: { en: "{{productName}}" } },
    "en",
    {},
  );
  assert.ok(!rendered.ok);
  assert.deepEqual(
    rendered.problems.map((p) => [p.code, p.field]),
    [["missing_merge_field", "productName"]],
  );
  const unclosed = templateProblems("birthday", { subject: { en: "Hi {{clientName" }, body: { en: "x" } });
  assert.equal(unclosed[0]?.code, "malformed_merge_field");
});

test("the queue's estimate: nothing while a free advisor waits, one session per round otherwise", () => {
  assert.equal(
    estimateWaitMinutes({ position: 1, advisorsOnline: 2, advisorsFree: 1, averageSessionMinutes: 20 }),
    0,
  );
  assert.equal(
    estimateWaitMinutes({ position: 2, advisorsOnline: 2, advisorsFree: 1, averageSessionMinutes: 20 }),
    20,
  );
  assert.equal(
    estimateWaitMinutes({ position: 5, advisorsOnline: 2, advisorsFree: 0, averageSessionMinutes: 20 }),
    60,
  );
});
