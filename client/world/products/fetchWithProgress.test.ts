import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { fetchWithRetries } from "./fetchWithProgress.ts";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** A fetch that answers from a script of outcomes, one per call. */
function scriptedFetch(outcomes: Array<() => Response>): { calls: () => number } {
  let calls = 0;
  globalThis.fetch = (async () => {
    const next = outcomes[calls++];
    if (!next) throw new Error("more calls than scripted");
    return next();
  }) as typeof fetch;
  return { calls: () => calls };
}

const abort = () => {
  throw new DOMException("signal is aborted without reason", "AbortError");
};
const ok = () => new Response(new Uint8Array([1, 2, 3]));
const pauses: number[] = [];
const pause = async (ms: number) => {
  pauses.push(ms);
};

test("a stalled download and a 503 are tried again, with growing pauses, and the bytes arrive", async () => {
  pauses.length = 0;
  const fetched = scriptedFetch([abort, () => new Response("busy", { status: 503 }), ok]);
  const progress: number[] = [];
  const buffer = await fetchWithRetries("/blobs/a.glb", (n) => progress.push(n), pause);
  assert.deepEqual([...new Uint8Array(buffer)], [1, 2, 3]);
  assert.equal(fetched.calls(), 3);
  assert.deepEqual(pauses, [1000, 2000]);
  assert.equal(progress.at(-1), 3);
});

test("a 404 fails at once; a download that keeps stalling gives up after four tries", async () => {
  pauses.length = 0;
  const missing = scriptedFetch([() => new Response("no", { status: 404 })]);
  await assert.rejects(
    fetchWithRetries("/blobs/b.glb", () => {}, pause),
    /HTTP 404/,
  );
  assert.equal(missing.calls(), 1);
  const stalled = scriptedFetch([abort, abort, abort, abort]);
  await assert.rejects(
    fetchWithRetries("/blobs/c.glb", () => {}, pause),
    { name: "AbortError" },
  );
  assert.equal(stalled.calls(), 4);
});
