import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import zlib from "node:zlib";
import express from "express";
import { compressResponses } from "./compression.ts";

let server: http.Server;
let base: string;
let dir: string;
const big = JSON.stringify(Array.from({ length: 20_000 }, (_, i) => ({ i, name: `item ${i}` })));

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-compress-"));
  fs.writeFileSync(path.join(dir, "big.js"), `console.log(${JSON.stringify(big)});`);
  const app = express();
  app.use(compressResponses());
  app.get("/json", (_req, res) => {
    res.json(JSON.parse(big));
  });
  app.get("/chunks", (_req, res) => {
    // Written in pieces, as a streaming answer would be.
    res.type("application/json");
    for (let i = 0; i < big.length; i += 4096) res.write(big.slice(i, i + 4096));
    res.end();
  });
  app.get("/head-object", (_req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end("x".repeat(5000));
  });
  app.get("/no-transform", (_req, res) => {
    res.setHeader("Cache-Control", "no-transform");
    res.json(JSON.parse(big));
  });
  app.get("/empty", (_req, res) => {
    res.status(204).end();
  });
  app.use("/files", express.static(dir));
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function get(route: string, accept?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(`${base}${route}`, { headers: accept ? { "Accept-Encoding": accept } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on("error", reject);
    },
  );
}

const decode = (coding: string | undefined, body: Buffer) =>
  coding === "br" ? zlib.brotliDecompressSync(body) : coding === "gzip" ? zlib.gunzipSync(body) : body;

test("whole, chunked, writeHead-headed and piped answers all decode to the same bytes", async () => {
  const file = fs.readFileSync(path.join(dir, "big.js"));
  for (const [route, expected] of [
    ["/json", Buffer.from(big)],
    ["/chunks", Buffer.from(big)],
    ["/head-object", Buffer.from("x".repeat(5000))],
    ["/files/big.js", file],
  ] as const) {
    for (const coding of ["br", "gzip"]) {
      const res = await get(route, coding);
      assert.equal(res.status, 200, route);
      assert.equal(res.headers["content-encoding"], coding, route);
      assert.match(String(res.headers.vary), /Accept-Encoding/, route);
      assert.ok(decode(coding, res.body).equals(expected), `${route} ${coding}`);
      assert.ok(res.body.length < expected.length / 3, `${route} ${coding}: ${res.body.length}`);
    }
    const plain = await get(route);
    assert.equal(plain.headers["content-encoding"], undefined, route);
    assert.ok(plain.body.equals(expected), route);
  }
});

test("ETags of compressed answers are weak; no-transform and 204 are left alone", async () => {
  const strong = await get("/files/big.js");
  const compressed = await get("/files/big.js", "gzip");
  assert.ok(String(compressed.headers.etag).startsWith("W/"));
  assert.equal(
    String(compressed.headers.etag).replace(/^W\//, ""),
    String(strong.headers.etag).replace(/^W\//, ""),
  );
  const kept = await get("/no-transform", "br");
  assert.equal(kept.headers["content-encoding"], undefined);
  assert.deepEqual(JSON.parse(kept.body.toString()), JSON.parse(big));
  const empty = await get("/empty", "br");
  assert.equal(empty.status, 204);
  assert.equal(empty.headers["content-encoding"], undefined);
});
