import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProductModel } from "./catalog.ts";
import {
  ProductPersonalisation,
  personalisationChoiceSchema,
  personalisationProblems,
  SafeCharacterClass,
} from "./personalisation.ts";

const watch = ProductPersonalisation.parse({
  options: [
    {
      id: "caseback",
      kind: "initials",
      label: { en: "Initials on the case back" },
      surface: "case-back",
      fonts: ["cormorant-garamond"],
      maxLetters: 3,
    },
    {
      id: "strap",
      kind: "choice",
      role: "strap",
      required: true,
      label: { en: "Strap" },
      choices: [
        { value: "navy", label: { en: "Navy alligator" }, appearance: { colors: { accent: "#1f2a44" } } },
        { value: "cognac", label: { en: "Cognac calf" }, appearance: { colors: { accent: "#9a5b2e" } } },
      ],
    },
    {
      id: "message",
      kind: "engraving",
      label: { en: "A message" },
      surface: "case-back",
      fonts: ["inter", "cormorant-garamond"],
      maxLength: 12,
      allowed: { set: "latin_extended" },
    },
  ],
});
const schema = personalisationChoiceSchema(watch.options);

test("a valid choice passes (initials uppercased, text in NFC)", () => {
  const choice = schema.parse({
    caseback: { letters: "iv", font: "cormorant-garamond" },
    strap: { value: "navy" },
    message: { text: "Pour Ine\u0301s ♥", font: "inter" },
  });
  assert.deepEqual(choice, {
    caseback: { letters: "IV", font: "cormorant-garamond" },
    strap: { value: "navy" },
    message: { text: "Pour Inés ♥", font: "inter" },
  });
});

test("each rule refuses with a path: length, characters, font, letters, choice, required, unknown option", () => {
  const cases: [unknown, string][] = [
    [{ strap: { value: "navy" }, message: { text: "Thirteen char", font: "inter" } }, "message.text"],
    [{ strap: { value: "navy" }, message: { text: "<script>", font: "inter" } }, "message.text"],
    [{ strap: { value: "navy" }, message: { text: " Inès", font: "inter" } }, "message.text"],
    [{ strap: { value: "navy" }, message: { text: "Inès", font: "comic-sans" } }, "message.font"],
    [
      { strap: { value: "navy" }, caseback: { letters: "ABCD", font: "cormorant-garamond" } },
      "caseback.letters",
    ],
    [
      { strap: { value: "navy" }, caseback: { letters: "A.B", font: "cormorant-garamond" } },
      "caseback.letters",
    ],
    [{ strap: { value: "chartreuse" } }, "strap.value"],
    [{}, "strap"],
    [{ strap: { value: "navy" }, crown: { value: "gold" } }, ""],
  ];
  for (const [input, path] of cases) {
    const result = schema.safeParse(input);
    assert.ok(!result.success, JSON.stringify(input));
    assert.equal(result.error.issues[0]?.path.join("."), path, JSON.stringify(input));
  }
});

test("a safe character class is accepted; anything beyond one class of literals is not", () => {
  assert.ok(SafeCharacterClass.safeParse("[A-Z0-9 .]").success);
  assert.ok(SafeCharacterClass.safeParse("[a-z\\-]").success);
  for (const unsafe of ["(a+)+", "[a-z]+", "[^a-z]", "[[:alpha:]]", "[z-a]", "[]", "a|b", "[a-z](?=x)"]) {
    assert.ok(!SafeCharacterClass.safeParse(unsafe).success, unsafe);
  }
  const custom = personalisationChoiceSchema([
    {
      id: "band",
      kind: "engraving",
      required: true,
      label: { en: "Inside the band" },
      surface: "band-inner",
      fonts: ["inter"],
      maxLength: 20,
      allowed: { pattern: "[A-Z0-9 .]" },
    },
  ]);
  assert.ok(custom.safeParse({ band: { text: "J.M. 2026", font: "inter" } }).success);
  assert.ok(!custom.safeParse({ band: { text: "j.m.", font: "inter" } }).success);
});

test("options are checked against the product's model: surfaces, variants, colours", () => {
  const procedural: ProductModel = {
    kind: "procedural",
    shape: "watch",
    colors: { primary: "#c8ccd0", secondary: "#1f3a66", accent: "#e8e8e8" },
    displayHeight: 0.3,
  };
  assert.deepEqual(personalisationProblems(watch, procedural), []);
  const ring: ProductModel = { ...procedural, shape: "ring" };
  assert.deepEqual(
    personalisationProblems(watch, ring).map((p) => [p.code, p.path]),
    [
      ["unknown_surface", "options.0.surface"],
      ["unknown_surface", "options.2.surface"],
    ],
  );
  const gltf: ProductModel = {
    kind: "gltf",
    url: "/blobs/abc.glb",
    bytes: 10,
    displayHeight: 0.3,
    variants: [{ name: "navy", label: { en: "Navy" } }],
  };
  const gltfOptions = ProductPersonalisation.parse({
    options: [
      {
        id: "strap",
        kind: "choice",
        role: "strap",
        label: { en: "Strap" },
        choices: [
          { value: "navy", label: { en: "Navy" }, appearance: { variant: "navy" } },
          { value: "red", label: { en: "Red" }, appearance: { variant: "red" } },
        ],
      },
      { ...watch.options[0], surface: "caseback_metal" },
    ],
  });
  assert.deepEqual(
    personalisationProblems(gltfOptions, gltf, ["caseback_metal", "glass"]).map((p) => p.code),
    ["unknown_variant"],
  );
  assert.deepEqual(
    personalisationProblems(watch, gltf, ["glass"]).map((p) => p.code),
    ["unknown_surface", "appearance_mismatch", "appearance_mismatch", "unknown_surface"],
  );
  assert.ok(
    !ProductPersonalisation.safeParse({ options: [watch.options[0], watch.options[0]] }).success,
    "option ids are unique",
  );
});
