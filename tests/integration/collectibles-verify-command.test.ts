/**
 * The offline verifier, spawned as a person would run it, on a real certificate file downloaded from
 * a running server, which is then stopped: only the key file is needed. Every byte of the file,
 * changed, makes the command fail; `npx vitrine-verify` and `npm run verify` both work.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { MyCollectiblesAnswer } from "../../shared/collectibles.ts";
import { startTestServer } from "../helpers/server.ts";
import { cookieFor } from "./models-fixtures.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const COMMAND = path.join(ROOT, "bin/vitrine-verify.ts");
const run = promisify(execFile);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

type Outcome = { code: number; stdout: string; stderr: string };

/** Runs a command; a non-zero exit is an outcome, not an error. */
async function outcome(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/** The command itself, through its shebang (Node 24 first on PATH, as inside npm and npx). */
const verify = (args: string[]) =>
  outcome(COMMAND, args, {
    ...process.env,
    PATH: `${path.join(ROOT, "node_modules/.bin")}:${process.env.PATH}`,
  });

describe("vitrine-verify, offline", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-verify-"));
  const certPath = path.join(dir, "certificate.json");
  const jwksPath = path.join(dir, "keys.json");
  const jwkPath = path.join(dir, "key.jwk.json");
  const pemPath = path.join(dir, "key.pem");
  const modelPath = path.join(dir, "model.glb");
  let certificate: Uint8Array;

  before(async () => {
    const server = await startTestServer();
    try {
      const cookie = await cookieFor(server.database, "vip@vitrine.demo");
      const get = async (route: string) => {
        const res = await fetch(`${server.url}${route}`, { headers: { cookie } });
        assert.equal(res.status, 200, route);
        return new Uint8Array(await res.arrayBuffer());
      };
      const { copies } = MyCollectiblesAnswer.parse(
        JSON.parse(new TextDecoder().decode(await get("/api/collectibles/mine"))),
      );
      const copy = copies[0];
      assert.ok(copy);
      certificate = await get(`/api/collectibles/mine/${copy.id}/certificate.json`);
      fs.writeFileSync(certPath, certificate);
      fs.writeFileSync(modelPath, await get(`/api/collectibles/mine/${copy.id}/model.glb`));
      const jwks = await get("/.well-known/vitrine-certificate-keys.json");
      fs.writeFileSync(jwksPath, jwks);
      const [jwk] = (JSON.parse(new TextDecoder().decode(jwks)) as { keys: unknown[] }).keys;
      fs.writeFileSync(jwkPath, JSON.stringify(jwk));
      fs.copyFileSync(path.join(server.dataDir, "keys/signing-ed25519.public.pem"), pemPath);
    } finally {
      await server.stop();
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a genuine certificate: exit 0 and a readable summary, with a JWKS, a JWK or a PEM key", async () => {
    for (const key of [jwksPath, jwkPath, pemPath]) {
      const result = await verify([certPath, "--key", key]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^VALID: /);
      assert.match(result.stdout, /#1 of 100/);
      assert.match(result.stdout, /"Gousset du Cercle" by Brévanne Genève/);
      assert.match(result.stdout, /owner own_[0-9a-f]{24}/);
    }
    const withModel = await verify([certPath, "--key", jwksPath, "--model", modelPath]);
    assert.equal(withModel.code, 0, withModel.stderr);
    assert.match(withModel.stdout, /model file .* matches the certificate/);
  });

  test("every changed byte of the file: non-zero exit with the reason", async () => {
    // One file per byte position, each with that byte changed, all verified by one run of the
    // command (it gives one verdict per file), so that every position is checked by the command.
    const changedDir = path.join(dir, "changed");
    fs.mkdirSync(changedDir);
    const files = Array.from({ length: certificate.length }, (_, position) => {
      const changed = certificate.slice();
      changed[position] = (changed[position] as number) ^ 0x01;
      const file = path.join(changedDir, `changed-${position}.json`);
      fs.writeFileSync(file, changed);
      return file;
    });
    const result = await verify([...files, "--key", jwksPath]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, "", "no changed file is valid");
    const failures = files.filter(
      (file) => !new RegExp(`^NOT VALID: ${escapeRegExp(file)}\\nReason: .{6,}$`, "m").test(result.stderr),
    );
    assert.deepEqual(failures, [], "each changed file is refused with a reason");

    // Mixed: a changed file among genuine ones fails the run, and only it is reported.
    const mixed = await verify([certPath, files[10] ?? "", certPath, "--key", jwksPath]);
    assert.equal(mixed.code, 1);
    assert.equal((mixed.stdout.match(/^VALID: /gm) ?? []).length, 2);
    assert.equal((mixed.stderr.match(/^NOT VALID: /gm) ?? []).length, 1);
    assert.equal((await verify([certPath, "--key", jwksPath])).code, 0, "the untouched file still passes");
    fs.rmSync(changedDir, { recursive: true });
  });

  test("wrong key, wrong model, missing files and bad usage are told apart", async () => {
    const otherKey = path.join(dir, "other.pem");
    const { generateKeyPairSync } = await import("node:crypto");
    fs.writeFileSync(
      otherKey,
      generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }),
    );
    const wrongKey = await verify([certPath, "--key", otherKey]);
    assert.equal(wrongKey.code, 1);
    assert.match(wrongKey.stderr, /Reason: unknown key/);

    const wrongModel = await verify([certPath, "--key", jwksPath, "--model", jwksPath]);
    assert.equal(wrongModel.code, 1);
    assert.match(wrongModel.stderr, /is not the certified one/);

    const cases: [string[], RegExp][] = [
      [[certPath], /--key/],
      [["--key", jwksPath], /at least one certificate/],
      [[certPath, certPath, "--key", jwksPath, "--model", modelPath], /exactly one certificate/],
      [[path.join(dir, "missing.json"), "--key", jwksPath], /Cannot read the certificate .*ENOENT/],
      [[certPath, "--key", path.join(dir, "missing.pem")], /Cannot read the key file/],
      [[certPath, "--key", certPath], /no Ed25519 public key/],
      [[certPath, "--key", jwksPath, "--bogus"], /Unknown option/],
    ];
    for (const [args, pattern] of cases) {
      const result = await verify(args);
      assert.equal(result.code, 2, args.join(" "));
      assert.match(result.stderr, pattern);
    }
  });

  test("npx vitrine-verify and npm run verify run the same command", async () => {
    const npx = await outcome("npx", ["--no-install", "vitrine-verify", certPath, "--key", jwksPath]);
    assert.equal(npx.code, 0, npx.stderr);
    assert.match(npx.stdout, /^VALID: .*\n#1 of 100/);
    const npm = await outcome("npm", ["run", "--silent", "verify", "--", certPath, "--key", pemPath]);
    assert.equal(npm.code, 0, npm.stderr);
    assert.match(npm.stdout, /#1 of 100/);
    const bad = fs.readFileSync(certPath, "utf8").replace('"edition":1,', '"edition":2,');
    fs.writeFileSync(path.join(dir, "bad.json"), bad);
    const refused = await outcome("npx", [
      "--no-install",
      "vitrine-verify",
      path.join(dir, "bad.json"),
      "--key",
      jwksPath,
    ]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /Reason: signature does not match/);
  });
});
