import assert from "node:assert/strict";
import { test } from "node:test";
import { throttledRunner } from "./throttledRunner.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a burst of requests costs one run, and a request during a run gets one more run", async () => {
  let runs = 0;
  let release: () => void = () => {};
  const runner = throttledRunner(
    10,
    async () => {
      runs += 1;
      await new Promise<void>((r) => {
        release = r;
      });
    },
    (e) => assert.fail(String(e)),
  );
  for (let i = 0; i < 100; i++) runner.request();
  await sleep(5);
  assert.equal(runs, 1, "the burst started exactly one run");
  runner.request();
  runner.request();
  release();
  await sleep(40);
  assert.equal(runs, 2, "requests made during the run were honoured by one more run");
  release();
  await sleep(30);
  assert.equal(runs, 2, "nothing else was asked for");
  runner.stop();
});

test("runs are spaced by the gap, errors are reported and do not stop later runs, stop() cancels", async () => {
  const starts: number[] = [];
  const errors: unknown[] = [];
  const runner = throttledRunner(
    50,
    async () => {
      starts.push(Date.now());
      if (starts.length === 1) throw new Error("boom");
    },
    (e) => errors.push(e),
  );
  runner.request();
  await sleep(5);
  runner.request();
  await sleep(80);
  assert.equal(starts.length, 2);
  assert.ok((starts[1] ?? 0) - (starts[0] ?? 0) >= 45, "the second run waited for the gap");
  assert.equal(errors.length, 1);
  runner.request();
  runner.stop();
  await sleep(70);
  assert.equal(starts.length, 2, "a stopped runner runs nothing more");
});
