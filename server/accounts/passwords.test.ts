import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseOptions } from "@node-rs/argon2";
import {
  DUMMY_PASSWORD_HASH,
  hashPassword,
  needsRehash,
  PASSWORD_HASH_OPTIONS,
  verifyAgainstDummy,
  verifyPassword,
} from "./passwords.ts";

describe("passwords", () => {
  test("hash with argon2id and verify", async () => {
    const hash = await hashPassword("a long passphrase");
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, "a long passphrase"), true);
    assert.equal(await verifyPassword(hash, "another passphrase"), false);
    assert.equal(needsRehash(hash), false);
  });

  test("a malformed stored hash verifies as false and needs a rehash", async () => {
    assert.equal(await verifyPassword("not a hash", "x"), false);
    assert.equal(needsRehash("not a hash"), true);
    assert.equal(
      needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo"),
      true,
    );
  });

  test("the dummy hash costs what a real one costs (same parameters as the policy)", async () => {
    const used = parseOptions(DUMMY_PASSWORD_HASH);
    assert.equal(used.algorithm, PASSWORD_HASH_OPTIONS.algorithm);
    assert.equal(used.memoryCost, PASSWORD_HASH_OPTIONS.memoryCost);
    assert.equal(used.timeCost, PASSWORD_HASH_OPTIONS.timeCost);
    assert.equal(used.parallelism, PASSWORD_HASH_OPTIONS.parallelism);
    assert.equal(await verifyAgainstDummy("anything"), false);
  });
});
