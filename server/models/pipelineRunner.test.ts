import assert from "node:assert/strict";
import fs from "node:fs";
import { test } from "node:test";
import { loadConfig } from "../config.ts";
import { modelLimitsFromConfig } from "./modelLimits.ts";
import { ModelRejection } from "./modelRejection.ts";
import { createPipelineRunner } from "./pipelineRunner.ts";

const ROBOT = new URL("../../assets/avatars/RobotExpressive.glb", import.meta.url);
const options = { limits: modelLimitsFromConfig(loadConfig({})), lodRatio: 0.25, lodTextureEdge: 512 };
const robot = () => [{ name: "RobotExpressive.glb", bytes: new Uint8Array(fs.readFileSync(ROBOT)) }];

test("the worker runs jobs one by one, reports progress, and refuses broken files as values", async () => {
  const runner = createPipelineRunner(options, 120_000);
  try {
    const stages: string[] = [];
    const [ok, broken] = await Promise.allSettled([
      runner.run(robot(), (stage) => stages.push(stage)),
      runner.run([{ name: "x.glb", bytes: new Uint8Array(8) }]),
    ]);
    assert.equal(ok.status, "fulfilled");
    assert.ok(ok.status === "fulfilled" && ok.value.optimized.byteLength > 0);
    assert.deepEqual([...new Set(stages)], ["validating", "optimizing"]);
    assert.ok(broken.status === "rejected" && broken.reason instanceof ModelRejection);
    assert.equal(runner.pending(), 0);
  } finally {
    await runner.close();
  }
});

test("a job over its time budget is refused with processing_timeout and its worker stopped", async () => {
  const runner = createPipelineRunner(options, 50);
  try {
    await assert.rejects(runner.run(robot()), (error: unknown) => {
      assert.ok(error instanceof ModelRejection);
      assert.equal(error.problems[0]?.code, "processing_timeout");
      return true;
    });
    assert.equal(runner.pending(), 0, "the queue moves on");
  } finally {
    await runner.close();
  }
});
