import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { test } from "node:test";
import { LOCALES } from "../../shared/constants.ts";
import { SeedFile } from "../../shared/seed.ts";

const repoRoot = resolve(import.meta.dirname, "..", "..");
const assetsDir = join(repoRoot, "assets");
const seedPath = join(assetsDir, "seed", "demo.json");

function loadSeed(): SeedFile {
  const raw: unknown = JSON.parse(readFileSync(seedPath, "utf8"));
  const parsed = SeedFile.safeParse(raw);
  assert.ok(parsed.success, `demo.json does not match SeedFile: ${parsed.error?.message}`);
  return parsed.data;
}

const seed = loadSeed();
const products = seed.brands.flatMap((b) => b.products);

test("demo.json parses with SeedFile, at a positive version", () => {
  // The version grows when new demo content must reach older databases (see server/catalog/seed.ts).
  assert.ok(Number.isInteger(seed.version) && seed.version >= 1, `version ${seed.version}`);
});

test("has at least 6 brands, each with at least 4 products", () => {
  assert.ok(seed.brands.length >= 6, `only ${seed.brands.length} brands`);
  for (const brand of seed.brands) {
    assert.ok(brand.products.length >= 4, `${brand.id} has only ${brand.products.length} products`);
  }
});

test("brand ids are unique and every product belongs to the brand that lists it", () => {
  const ids = seed.brands.map((b) => b.id);
  assert.equal(new Set(ids).size, ids.length, "duplicate brand id");
  for (const brand of seed.brands) {
    for (const product of brand.products) {
      assert.equal(product.brandId, brand.id, `${product.id} is listed under ${brand.id}`);
    }
  }
});

test("product ids are unique across the file", () => {
  const ids = products.map((p) => p.id);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  assert.deepEqual(dupes, []);
});

test("every product name and description, and every tagline, has all four languages", () => {
  const texts = [
    ...seed.brands.map((b) => ({ where: `${b.id}.tagline`, text: b.tagline })),
    ...products.flatMap((p) => [
      { where: `${p.id}.name`, text: p.name },
      { where: `${p.id}.description`, text: p.description },
    ]),
  ];
  for (const { where, text } of texts) {
    for (const locale of LOCALES) {
      const value = (text as Record<string, string | undefined>)[locale];
      assert.ok(value && value.trim().length > 0, `${where} is missing ${locale}`);
    }
  }
});

test("every glTF model URL maps to a file under assets/ whose size equals bytes", () => {
  let gltfCount = 0;
  for (const p of products) {
    if (p.model.kind !== "gltf") continue;
    gltfCount++;
    assert.ok(p.model.url.startsWith("/assets/"), `${p.id}: ${p.model.url} is not under /assets/`);
    const file = resolve(assetsDir, p.model.url.slice("/assets/".length));
    assert.ok(file.startsWith(assetsDir + sep), `${p.id}: ${p.model.url} escapes assets/`);
    const size = statSync(file, { throwIfNoEntry: false })?.size;
    assert.equal(size, p.model.bytes, `${p.id}: ${p.model.url} is ${size} bytes, seed says ${p.model.bytes}`);
    assert.ok(p.model.credit, `${p.id}: a real model needs its credit line`);
  }
  assert.ok(gltfCount > 0, "no product uses a real glTF model");
});

test("every shipped model and the licences file agree", () => {
  const licences = readFileSync(join(assetsDir, "LICENSES.md"), "utf8");
  for (const p of products) {
    if (p.model.kind !== "gltf") continue;
    const file = p.model.url.slice("/assets/".length);
    assert.ok(licences.includes(file), `LICENSES.md does not mention ${file}`);
  }
});

test("account emails are unique", () => {
  const emails = seed.accounts.map((a) => a.email.toLowerCase());
  assert.equal(new Set(emails).size, emails.length, "duplicate account email");
});

test("each role is present, and brand roles point at real brands", () => {
  const brandIds = new Set(seed.brands.map((b) => b.id));
  const roles = new Set<string>();
  for (const account of seed.accounts) {
    roles.add(account.role);
    for (const br of account.brandRoles) {
      roles.add(br.role);
      assert.ok(brandIds.has(br.brandId), `${account.email} has a role in unknown brand ${br.brandId}`);
    }
  }
  for (const role of ["shopper", "admin", "owner", "merchandiser", "advisor"]) {
    assert.ok(roles.has(role), `no account has role ${role}`);
  }
});
