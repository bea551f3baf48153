/**
 * The first download (issue 15): the avenue's initial JavaScript stays within its gzipped budget,
 * and what the server sends is compressed for clients that accept it, never for those that do not,
 * with `Vary: Accept-Encoding`, per-representation ETags and the right caching. Runs against the real
 * build in dist/ (npm test builds it first).
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import {
  INITIAL_JS_BUDGET_GZIP_BYTES,
  initialChunkFiles,
  initialChunks,
  scriptsInIndexHtml,
} from "../helpers/firstDownload.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist");

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET with exactly the headers given (fetch would add its own Accept-Encoding and decode). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

function decode(res: Raw): Buffer {
  const coding = res.headers["content-encoding"];
  if (coding === "br") return zlib.brotliDecompressSync(res.body);
  if (coding === "gzip") return zlib.gunzipSync(res.body);
  assert.equal(coding, undefined, `unexpected coding ${coding}`);
  return res.body;
}

function varies(res: Raw): boolean {
  return /\baccept-encoding\b/i.test(String(res.headers.vary ?? ""));
}

let server: TestServer;
before(async () => {
  server = await startTestServer({ CLIENT_DIST: DIST, SEED_DEMO: "true" });
});
after(async () => {
  await server.stop();
});

test("the avenue's entry and its modulepreloads stay within 300 KB gzipped", () => {
  const chunks = initialChunks(DIST);
  // The budget counts what the browser really fetches up front: index.html names exactly these.
  assert.deepEqual([...scriptsInIndexHtml(DIST)].sort(), [...initialChunkFiles(DIST)].sort());
  const total = chunks.reduce((sum, c) => sum + c.gzipBytes, 0);
  const listing = chunks.map((c) => `${c.file} ${c.gzipBytes}`).join(", ");
  assert.ok(
    total <= INITIAL_JS_BUDGET_GZIP_BYTES,
    `initial JS is ${total} bytes gzipped, over ${INITIAL_JS_BUDGET_GZIP_BYTES}: ${listing}`,
  );
});

test("the initial chunks hold no 3D engine, no other language and no decoder", () => {
  for (const file of initialChunkFiles(DIST)) {
    const code = fs.readFileSync(path.join(DIST, file), "utf8");
    // Strings that only three's renderer, the glTF loader and the French strings contain.
    assert.doesNotMatch(code, /WebGLRenderer|KHR_draco_mesh_compression/, `${file} carries three`);
    assert.doesNotMatch(code, /Entrer dans la boutique|Bienvenue/, `${file} carries French`);
  }
  const emitted = fs.readdirSync(path.join(DIST, "static"));
  assert.deepEqual(
    emitted.filter((f) => /draco_|basis_transcoder/.test(f)),
    [],
    "decoders come from /decoders only, never a second copy in the bundle",
  );
});

test("every initial script goes out brotli or gzip to a browser that accepts them, identity otherwise", async () => {
  for (const file of initialChunkFiles(DIST)) {
    const url = `${server.url}/${file}`;
    const original = fs.readFileSync(path.join(DIST, file));
    const cases: [string | undefined, string | undefined][] = [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip", "gzip"],
      ["br;q=0, gzip;q=0.8", "gzip"],
      ["identity", undefined],
      [undefined, undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await rawGet(url, accept === undefined ? {} : { "Accept-Encoding": accept });
      assert.equal(res.status, 200, `${file} with ${accept}`);
      const small = original.length < 1024;
      assert.equal(res.headers["content-encoding"], small ? undefined : expected, `${file} with ${accept}`);
      assert.ok(decode(res).equals(original), `${file} with ${accept}: bytes differ after decoding`);
      assert.match(String(res.headers["content-type"]), /^text\/javascript/);
      assert.match(String(res.headers["cache-control"]), /immutable/);
      assert.ok(res.headers.etag, `${file} has an ETag`);
      if (!small) assert.ok(varies(res), `${file} with ${accept}: Vary: Accept-Encoding`);
    }
  }
});

test("each representation has its own ETag, and revalidates to 304 with Vary", async () => {
  const [entry] = initialChunkFiles(DIST);
  const url = `${server.url}/${entry}`;
  const br = await rawGet(url, { "Accept-Encoding": "br" });
  const gz = await rawGet(url, { "Accept-Encoding": "gzip" });
  const plain = await rawGet(url);
  const tags = new Set([br.headers.etag, gz.headers.etag, plain.headers.etag]);
  assert.equal(tags.size, 3, "br, gzip and identity carry distinct ETags");
  const again = await rawGet(url, { "Accept-Encoding": "br", "If-None-Match": String(br.headers.etag) });
  assert.equal(again.status, 304);
  assert.equal(again.body.length, 0);
});

test("index.html is never cached without revalidation; CSS goes out compressed too", async () => {
  const page = await rawGet(`${server.url}/`, { "Accept-Encoding": "br, gzip" });
  assert.equal(page.status, 200);
  assert.equal(page.headers["cache-control"], "no-cache");
  assert.match(decode(page).toString(), /<div id="root">/);
  const css = /href="\/(static\/index-[^"]+\.css)"/.exec(
    fs.readFileSync(path.join(DIST, "index.html"), "utf8"),
  );
  assert.ok(css?.[1], "index.html links its stylesheet");
  const sheet = await rawGet(`${server.url}/${css[1]}`, { "Accept-Encoding": "gzip, br" });
  assert.equal(sheet.headers["content-encoding"], "br");
  assert.match(String(sheet.headers["content-type"]), /^text\/css/);
});

test("the API's JSON is compressed on the fly for clients that accept it, and only for them", async () => {
  const url = `${server.url}/api/catalog`;
  const plain = await rawGet(url);
  assert.equal(plain.status, 200);
  assert.equal(plain.headers["content-encoding"], undefined, "no Accept-Encoding: identity");
  assert.ok(varies(plain), "identity answers vary on Accept-Encoding too");
  assert.ok(plain.body.length > 1024, "the demo catalog is big enough to be worth compressing");

  for (const [accept, expected] of [
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["x-gzip", "gzip"],
    ["br;q=0.5, gzip;q=0.9", "gzip"],
    ["*", "br"],
    ["deflate", undefined],
    ["br;q=0, gzip;q=0", undefined],
  ] as const) {
    const res = await rawGet(url, { "Accept-Encoding": accept });
    assert.equal(res.status, 200, accept);
    assert.equal(res.headers["content-encoding"], expected, accept);
    assert.ok(varies(res), accept);
    assert.equal(res.headers["content-length"] === undefined, expected !== undefined, accept);
    assert.deepEqual(JSON.parse(decode(res).toString()), JSON.parse(plain.body.toString()), accept);
    if (expected) assert.ok(res.body.length < plain.body.length / 2, `${accept}: ${res.body.length} bytes`);
  }
});

test("small answers and errors keep their shape; a compressed error still parses", async () => {
  const health = await rawGet(`${server.url}/api/health`, { "Accept-Encoding": "br" });
  assert.equal(health.status, 200);
  assert.equal(health.headers["content-encoding"], undefined, "under 1 KB: not worth a zlib context");
  assert.equal(JSON.parse(health.body.toString()).status !== undefined || health.body.length > 0, true);
  const missing = await rawGet(`${server.url}/api/no-such-thing`, { "Accept-Encoding": "gzip" });
  assert.equal(missing.status, 404);
  assert.equal(JSON.parse(decode(missing).toString()).error.code, "not_found");
});

test("decoders and shipped models go out compressed where it helps, as they are where it does not", async () => {
  const wrapper = await rawGet(`${server.url}/decoders/draco/draco_wasm_wrapper.js`, {
    "Accept-Encoding": "gzip",
  });
  assert.equal(wrapper.status, 200);
  assert.equal(wrapper.headers["content-encoding"], "gzip");
  assert.ok(varies(wrapper));
  assert.match(decode(wrapper).toString(), /DracoDecoderModule/);
  const wasm = await rawGet(`${server.url}/decoders/basis/basis_transcoder.wasm`, {
    "Accept-Encoding": "br",
  });
  assert.equal(wasm.headers["content-encoding"], "br");
  assert.equal(wasm.headers["content-type"], "application/wasm");
  const plainWasm = await rawGet(`${server.url}/decoders/basis/basis_transcoder.wasm`);
  assert.equal(plainWasm.headers["content-encoding"], undefined);
  assert.ok(decode(wasm).equals(plainWasm.body));

  // The robot avatar carries raw geometry and animations: a quarter of its size in brotli.
  const robotPath = path.resolve(DIST, "../assets/avatars/RobotExpressive.glb");
  const robot = await rawGet(`${server.url}/assets/avatars/RobotExpressive.glb`, {
    "Accept-Encoding": "br, gzip",
  });
  assert.equal(robot.headers["content-encoding"], "br");
  assert.equal(robot.headers["content-type"], "model/gltf-binary");
  assert.ok(varies(robot));
  assert.ok(decode(robot).equals(fs.readFileSync(robotPath)));
  assert.ok(robot.body.length < fs.statSync(robotPath).size * 0.5, `${robot.body.length} bytes`);
  const again = await rawGet(`${server.url}/assets/avatars/RobotExpressive.glb`, {
    "Accept-Encoding": "br",
    "If-None-Match": String(robot.headers.etag),
  });
  assert.equal(again.status, 304);
  const gz = await rawGet(`${server.url}/assets/avatars/RobotExpressive.glb`, { "Accept-Encoding": "gzip" });
  assert.equal(gz.headers["content-encoding"], "gzip");
  assert.notEqual(gz.headers.etag, robot.headers.etag);

  // The product models' textures are WebP/KTX2 already: gzip would gain a few percent, so never.
  const model = await rawGet(`${server.url}/assets/models/PottedPlant04.glb`, {
    "Accept-Encoding": "br, gzip",
  });
  assert.equal(model.status, 200);
  assert.equal(model.headers["content-encoding"], undefined);
  assert.equal(model.headers["content-type"], "model/gltf-binary");
});
