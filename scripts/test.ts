/**
 * `npm test`: typecheck, lint, build the client, then every test (unit, integration, end-to-end)
 * in one run of Node's test runner, so its closing summary counts them all.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

function run(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

const only = process.argv.slice(2);
if (only.length === 0) {
  run("Typecheck (tsc)", bin("tsc"), ["--noEmit", "-p", "."]);
  run("Lint and format check (biome)", bin("biome"), ["check", "."]);
  run("Build the client (vite)", bin("vite"), ["build", "--logLevel", "warn"]);
}

for (const [name, value] of [
  ["TEST_DATABASE_URL", process.env.TEST_DATABASE_URL],
  ["TEST_REDIS_URL", process.env.TEST_REDIS_URL],
  ["TEST_JANUS_URL", process.env.TEST_JANUS_URL],
] as const) {
  console.log(
    value
      ? `${name} is set: those tests run against it.`
      : `${name} is not set: tests that need it are skipped.`,
  );
}

const patterns =
  only.length > 0
    ? only
    : ["shared/**/*.test.ts", "server/**/*.test.ts", "client/**/*.test.ts", "tests/**/*.test.ts"];
run("Tests (node:test)", process.execPath, [
  "--test",
  "--test-concurrency=1",
  "--test-timeout=900000",
  "--test-reporter=spec",
  ...patterns,
]);
