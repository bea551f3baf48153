import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { seedMatchesCommitment } from "./seedCheck.ts";

test("a revealed seed matches its own SHA-256 commitment and not another's", async () => {
  const seed = "9f2c".repeat(16);
  const commitment = createHash("sha256").update(seed, "utf8").digest("hex");
  assert.equal(await seedMatchesCommitment(seed, commitment), true);
  assert.equal(await seedMatchesCommitment(seed, commitment.toUpperCase()), true);
  assert.equal(await seedMatchesCommitment(`${seed}0`, commitment), false);
});
