import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProductModel } from "../catalog.ts";
import type { ProductPersonalisation } from "../personalisation.ts";
import { tableVariantsOf } from "./salonRoom.ts";

const strap: ProductPersonalisation = {
  options: [
    {
      id: "initials",
      kind: "initials",
      required: false,
      label: { en: "Initials" },
      surface: "strap",
      fonts: ["cormorant-garamond"],
      maxLetters: 3,
    },
    {
      id: "strap",
      kind: "choice",
      role: "strap",
      required: false,
      label: { en: "Strap" },
      choices: [
        { value: "navy", label: { en: "Navy" }, appearance: { colors: { accent: "#1F2A44" } } },
        { value: "cognac", label: { en: "Cognac" }, appearance: { colors: { accent: "#9A5B2E" } } },
      ],
    },
  ],
};

test("a procedural piece's table variants are its recolouring choices; a glTF's are its own", () => {
  const watch: ProductModel = {
    kind: "procedural",
    shape: "watch",
    colors: { primary: "#C8CCD0", secondary: "#1F3A66", accent: "#E8E8E8" },
    displayHeight: 0.3,
  };
  assert.deepEqual(tableVariantsOf(watch, strap), [
    { name: "navy", colors: { accent: "#1F2A44" } },
    { name: "cognac", colors: { accent: "#9A5B2E" } },
  ]);
  assert.deepEqual(tableVariantsOf(watch, { options: [] }), []);
  const gltf: ProductModel = {
    kind: "gltf",
    url: "/assets/chrono.glb",
    bytes: 1000,
    displayHeight: 0.3,
    variants: [{ name: "steel", label: { en: "Steel" } }],
  };
  assert.deepEqual(tableVariantsOf(gltf, strap), [{ name: "steel", colors: null }]);
});
