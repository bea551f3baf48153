import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "./config.ts";

test("defaults work on a fresh machine", () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 2567);
  assert.equal(c.DATABASE_URL, undefined);
  assert.equal(c.SEED_DEMO, true);
});

test("a wrong value names the variable", () => {
  assert.throws(
    () => loadConfig({ PORT: "eighty" }),
    (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: "mysql://x" }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ SEED_DEMO: "maybe" }), /SEED_DEMO/);
});
