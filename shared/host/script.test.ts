import assert from "node:assert/strict";
import fs from "node:fs";
import { describe, test } from "node:test";
import { TEST_CATALOG, TEST_SCRIPT_INPUT } from "../../tests/fixtures/host-world.ts";
import { SeedFile } from "../seed.ts";
import { fillLine, HostScript } from "./script.ts";
import { type ScriptReferences, validateBrandHostLines, validateHostScript } from "./scriptValidation.ts";

const refs: ScriptReferences = {
  productsByBrand: new Map(TEST_CATALOG.brands.map((b) => [b.id, new Set(b.products.map((p) => p.id))])),
  dropIds: new Set(["drop-1"]),
};

const clone = <T>(v: T): T => structuredClone(v);

describe("host script schema", () => {
  test("a valid script passes, with defaults filled in", () => {
    const result = validateHostScript(TEST_SCRIPT_INPUT, refs);
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(result.value.tours[0]?.stops[0]?.presentSeconds, 5);
  });

  test("an invalid script is refused with the path and reason of every error, references included", () => {
    const bad = clone(TEST_SCRIPT_INPUT) as Record<string, unknown> & typeof TEST_SCRIPT_INPUT;
    bad.host.name = "";
    bad.host.model = "https://cdn.example.com/host.glb";
    const stops = bad.tours[0]?.stops;
    assert.ok(stops?.[0] && stops[1]);
    stops[0].productId = "aurel-unknown";
    stops[1].brandId = "nobody";
    bad.pointsOfInterest.push({ id: "north", x: 1, z: 1 });
    bad.pointsOfInterest.push({ id: "half", x: 1 });
    bad.schedule.events?.push({
      id: "launch",
      title: { en: "Launch" },
      dropId: "drop-404",
      startsAt: "tomorrow",
    });
    (bad.lines as Record<string, unknown>).greetings = [];
    bad.extra = true;

    const result = validateHostScript(bad, refs);
    assert.equal(result.ok, false);
    if (result.ok) return;
    const byPath = new Map(result.issues.map((i) => [i.path, i.message]));
    const expected = [
      "host.name",
      "host.model",
      "tours.0.stops.0.productId",
      "tours.0.stops.1.brandId",
      "pointsOfInterest.3.id",
      "pointsOfInterest.4",
      "schedule.events.1.dropId",
      "schedule.events.1.startsAt",
      "lines.greetings",
      "(root)",
    ];
    for (const path of expected)
      assert.ok(byPath.has(path), `an issue at ${path}: ${JSON.stringify(result.issues)}`);
    assert.match(byPath.get("tours.0.stops.0.productId") ?? "", /Unknown product "aurel-unknown"/);
    assert.match(byPath.get("tours.0.stops.1.brandId") ?? "", /Unknown boutique "nobody"/);
    assert.match(byPath.get("pointsOfInterest.3.id") ?? "", /Duplicate id "north"/);
    assert.match(byPath.get("schedule.events.1.dropId") ?? "", /Unknown drop "drop-404"/);
    assert.match(byPath.get("host.model") ?? "", /same-origin/);
    assert.match(byPath.get("pointsOfInterest.4") ?? "", /either a brandId or both x and z/);
  });

  test("duplicate ids are refused", () => {
    const bad = clone(TEST_SCRIPT_INPUT);
    bad.pointsOfInterest.push({ id: "north", x: 1, z: 1 });
    const result = validateHostScript(bad, refs);
    assert.equal(result.ok, false);
    if (!result.ok)
      assert.deepEqual(result.issues, [{ path: "pointsOfInterest.3.id", message: 'Duplicate id "north"' }]);
  });

  test("a stop's product must belong to the stop's boutique", () => {
    const bad = clone(TEST_SCRIPT_INPUT);
    const stop = bad.tours[0]?.stops[0];
    assert.ok(stop);
    stop.productId = "verre-bleu";
    const result = validateHostScript(bad, refs);
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.deepEqual(result.issues, [
        { path: "tours.0.stops.0.productId", message: '"verre-bleu" is not a product of aurel' },
      ]);
    }
  });

  test("a brand's lines may name only its own products", () => {
    const lines = {
      version: 1,
      greetings: [{ en: "Welcome to Aurel, {name}." }],
      products: [
        { productId: "aurel-lune", line: { en: "Our {product}, {price}." } },
        { productId: "verre-bleu", line: { en: "Not ours." } },
      ],
      faq: [
        { id: "engraving", questions: { en: ["Can you engrave a ring?"] }, answer: { en: "Yes, free." } },
      ],
    };
    const refused = validateBrandHostLines(lines, "aurel", refs);
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.deepEqual(refused.issues, [
        { path: "products.1.productId", message: '"verre-bleu" is not a product of aurel' },
      ]);
    }
    lines.products.pop();
    assert.equal(validateBrandHostLines(lines, "aurel", refs).ok, true);
    const noQuestion = { version: 1, faq: [{ id: "x", questions: {}, answer: { en: "A" } }] };
    const r = validateBrandHostLines(noQuestion, "aurel", refs);
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.issues[0]?.path, "faq.0.questions");
    const unknownBrand = validateBrandHostLines({ version: 1 }, "nobody", refs);
    assert.equal(unknownBrand.ok, false);
  });

  test("the shipped platform script is valid against the demo catalog and drops", () => {
    const script = JSON.parse(
      fs.readFileSync(new URL("../../assets/host/platform-script.json", import.meta.url), "utf8"),
    );
    const seed = SeedFile.parse(
      JSON.parse(fs.readFileSync(new URL("../../assets/seed/demo.json", import.meta.url), "utf8")),
    );
    const demoRefs: ScriptReferences = {
      productsByBrand: new Map(seed.brands.map((b) => [b.id, new Set(b.products.map((p) => p.id))])),
      dropIds: new Set(seed.drops.map((d) => d.id)),
    };
    const result = validateHostScript(script, demoRefs);
    assert.deepEqual(result.ok ? [] : result.issues, []);
    const parsed = HostScript.parse(script);
    for (const key of ["greetings", "patrol"] as const) {
      for (const line of parsed.lines[key])
        for (const l of ["fr", "de", "zh-CN"]) assert.ok(line[l], `${key} in ${l}`);
    }
  });

  test("fillLine fills placeholders in every locale and leaves line tokens alone", () => {
    const line = fillLine(
      { en: "{product} costs {price}, {name}", fr: "{product} coûte {price}, {name}" },
      { product: { en: "Moon Ring", fr: "Bague Lune" }, price: "{{price:100:EUR}}", name: "Ana" },
    );
    assert.equal(line.en, "Moon Ring costs {{price:100:EUR}}, Ana");
    assert.equal(line.fr, "Bague Lune coûte {{price:100:EUR}}, Ana");
    assert.equal(line.de, "Moon Ring costs {{price:100:EUR}}, Ana", "falls back on English");
    assert.equal(fillLine({ en: "{unknown} stays" }).en, "{unknown} stays");
  });
});
