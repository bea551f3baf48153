/**
 * Issue 16 item 4: the heavy parts of the server stay out of an idle server's heap. A server started
 * as `npm start` starts it, with the demo content seeded (its models go through the real pipeline),
 * has loaded neither the model pipeline (validator, optimizer, texture and mesh codecs) nor the host's
 * intent classifier (nlp.js) in its main thread once it is open: the pipeline runs in a worker
 * (pipelineRunner.ts, the seed's too) and the classifier in another (intentWorkerClient.ts).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { freePort } from "../helpers/processes.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const HOOK = path.join(ROOT, "tests/helpers/loadedPackages.ts");

/** Packages that only the model pipeline and the intent classifier need. */
const HEAVY = [
  "gltf-validator",
  "@gltf-transform/functions",
  "sharp",
  "draco3dgltf",
  "meshoptimizer",
  "ktx2-encoder",
  "@nlpjs/nlp",
  "@nlpjs/core",
];

test("an open server with the demo content has loaded neither the model pipeline nor the classifier", async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-heavy-"));
  const record = path.join(dataDir, "loaded-packages.txt");
  fs.writeFileSync(record, "");
  const child = spawn(process.execPath, ["--import", HOOK, "server/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(await freePort()),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      SEED_DEMO: "true",
      VITRINE_LOADED_PACKAGES: record,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    let out = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("Vitrine is open")) resolve();
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.once("exit", (code) => reject(new Error(`the server exited (${code}) before opening:\n${out}`)));
    });
    const loaded = new Set(fs.readFileSync(record, "utf8").split("\n").filter(Boolean));
    // The hook works: the server's own light dependencies are there.
    for (const name of ["express", "@colyseus/core", "zod"]) assert.ok(loaded.has(name), `${name} recorded`);
    // The seed ran its models through the pipeline (in a worker): only the pipeline writes blobs.
    const blobs = fs.readdirSync(path.join(dataDir, "blobs"));
    assert.ok(blobs.length > 0, "the seeded models' files are stored");
    assert.deepEqual(
      HEAVY.filter((name) => loaded.has(name)),
      [],
      "heavy packages loaded in the server's main thread",
    );
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
