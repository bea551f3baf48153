import assert from "node:assert/strict";
import { test } from "node:test";
import {
  documentFromDraft,
  draftFromDocument,
  emptyLocalized,
  issuesUnder,
  localIssues,
  parseJson,
} from "./hostLinesDraft.ts";

const doc = {
  version: 1,
  greetings: [{ en: "Welcome to Aubrelle, {name}.", fr: "Bienvenue chez Aubrelle, {name}." }],
  products: [{ productId: "etoile-ring", line: { en: "Here is {product}, at {price}." } }],
  faq: [
    {
      id: "resizing",
      questions: {
        en: ["Can you resize a ring?", "Do you do ring sizing?"],
        fr: ["Mettez-vous une bague à taille ?"],
      },
      answer: { en: "Yes, free of charge." },
    },
  ],
};

test("a document survives the round trip through the form", () => {
  const draft = draftFromDocument(doc);
  assert.equal(draft.faq[0]?.questions.en, "Can you resize a ring?\nDo you do ring sizing?");
  assert.deepEqual(documentFromDraft(draft), doc);
  assert.deepEqual(localIssues(documentFromDraft(draft)), []);
});

test("blank lines of questions and blank languages are left out; English stays so its absence is named", () => {
  const draft = draftFromDocument({ version: 1 });
  draft.greetings.push({ ...emptyLocalized(), fr: "Bonjour" });
  draft.faq.push({
    id: " sizes ",
    questions: { ...emptyLocalized(), en: "\n  What sizes?\n\n" },
    answer: emptyLocalized(),
  });
  const out = documentFromDraft(draft);
  assert.deepEqual(out.greetings, [{ en: "", fr: "Bonjour" }]);
  assert.deepEqual(out.faq, [{ id: "sizes", questions: { en: ["What sizes?"] }, answer: { en: "" } }]);
  const issues = localIssues(out);
  const paths = issues.map((i) => i.path);
  assert.ok(paths.includes("greetings.0.en"), `greeting's English named: ${paths.join(", ")}`);
  assert.ok(paths.includes("faq.0.answer.en"), `answer's English named: ${paths.join(", ")}`);
});

test("every error of an invalid document is listed with its path", () => {
  const issues = localIssues({
    version: 1,
    greetings: [{ fr: "sans anglais" }],
    products: [{ productId: "Not An Id", line: { en: "x" } }],
    faq: [{ id: "a", questions: {}, answer: { en: "y" } }],
    extra: true,
  });
  const paths = issues.map((i) => i.path);
  for (const p of ["greetings.0.en", "products.0.productId", "faq.0.questions"]) {
    assert.ok(paths.includes(p), `${p} in ${paths.join(", ")}`);
  }
  assert.ok(issues.every((i) => i.message.length > 0));
  assert.deepEqual(
    issuesUnder(issues, "faq.0").map((i) => i.path),
    ["faq.0.questions"],
  );
});

test("unreadable JSON is a message, not a throw; odd shapes give an empty form", () => {
  const bad = parseJson("{ greetings: [ }");
  assert.equal(bad.ok, false);
  assert.deepEqual(draftFromDocument("nonsense"), { greetings: [], products: [], faq: [] });
  assert.deepEqual(draftFromDocument({ products: [42] }).products, [
    { productId: "", line: emptyLocalized() },
  ]);
});
