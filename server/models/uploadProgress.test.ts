import assert from "node:assert/strict";
import { test } from "node:test";
import { createUploadProgressTracker, PROGRESS_KEPT_MS } from "./uploadProgress.ts";

test("progress is per brand and upload id, clamped, and forgotten some minutes after it ends", () => {
  let now = 0;
  const tracker = createUploadProgressTracker(() => now);
  tracker.set("b1", "u1", "optimizing", 1.7, "Optimizing");
  assert.deepEqual(tracker.get("b1", "u1"), {
    stage: "optimizing",
    fraction: 1,
    message: "Optimizing",
    modelId: null,
  });
  assert.equal(tracker.get("b2", "u1"), null, "another brand does not see it");
  assert.equal(tracker.isActive("b1", "u1"), true);
  tracker.set("b1", "u1", "done", 1, "Ready", "m1");
  assert.equal(tracker.isActive("b1", "u1"), false);
  assert.equal(tracker.get("b1", "u1")?.modelId, "m1");
  now = PROGRESS_KEPT_MS + 1;
  tracker.set("b1", "u2", "receiving", 0, "Receiving");
  assert.equal(tracker.get("b1", "u1"), null);
  assert.ok(tracker.get("b1", "u2"));
});
