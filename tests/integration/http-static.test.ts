import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { startTestServer, type TestServer } from "../helpers/server.ts";

let server: TestServer;
let dist: string;

before(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-dist-"));
  fs.mkdirSync(path.join(dist, "static"));
  fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Vitrine</title>");
  fs.writeFileSync(path.join(dist, "static", "app-abc123.js"), "console.log(1)");
  server = await startTestServer({ CLIENT_DIST: dist, SEED_DEMO: "false" });
});
after(async () => {
  await server.stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

test("pages fall back to the client's index.html, uncached", async () => {
  for (const route of ["/", "/brand", "/vitrine/someone"]) {
    const res = await fetch(`${server.url}${route}`);
    assert.equal(res.status, 200, route);
    assert.match(await res.text(), /Vitrine/);
    assert.equal(res.headers.get("cache-control"), "no-cache");
  }
});

test("hashed build files are immutable", async () => {
  const res = await fetch(`${server.url}/static/app-abc123.js`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("cache-control") ?? "", /immutable/);
  assert.equal((await fetch(`${server.url}/static/missing.js`)).status, 404);
});

test("models are served from our origin with the glTF type and nosniff", async () => {
  const res = await fetch(`${server.url}/assets/models/PottedPlant04.glb`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "model/gltf-binary");
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
});

test("decoders come from our origin, not a CDN", async () => {
  for (const file of [
    "/decoders/draco/draco_decoder.wasm",
    "/decoders/draco/draco_wasm_wrapper.js",
    "/decoders/basis/basis_transcoder.wasm",
  ]) {
    const res = await fetch(`${server.url}${file}`);
    assert.equal(res.status, 200, file);
  }
});

test("the seed file with the demo passwords is never served, nor anything outside the asset folders", async () => {
  for (const route of [
    "/assets/seed/demo.json",
    "/assets/LICENSES.md",
    "/assets/models/../seed/demo.json",
    "/assets/models/%2e%2e/seed/demo.json",
  ]) {
    const res = await fetch(`${server.url}${route}`);
    assert.notEqual(res.status, 200, route);
    assert.doesNotMatch(await res.text(), /vitrine-admin/, route);
  }
});

test("the API allows no cross-origin use", async () => {
  const res = await fetch(`${server.url}/api/health`, { headers: { Origin: "https://evil.example" } });
  assert.equal(res.headers.get("access-control-allow-origin"), null);
  assert.equal(res.headers.get("x-frame-options"), "DENY");
});
