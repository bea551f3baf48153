import assert from "node:assert/strict";
import { test } from "node:test";
import { z } from "zod";
import { defineRefusals, REFUSED_CLOSE_CODE, REFUSED_JOIN_CODE } from "./refusals.ts";

const Refusals = defineRefusals({
  reasons: ["full", "closed"],
  messages: { full: "The room is full.", closed: "The room is closed." },
  fields: { opensAt: z.iso.datetime().optional() },
});

test("a join refused at the door reads back with its fields", () => {
  const refusal = Refusals.make("closed", { opensAt: "2026-06-02T07:50:00.000Z" });
  const error = { code: REFUSED_JOIN_CODE, message: JSON.stringify(refusal) };
  assert.deepEqual(Refusals.fromJoinError(error), refusal);
});

test("a connection sent away as it is admitted reads back as the named refusal", () => {
  // What the SDK rejects the join with when the room closes the socket with the refusal's code.
  assert.deepEqual(Refusals.fromJoinError({ code: REFUSED_CLOSE_CODE, message: "full" }), {
    reason: "full",
    message: "The room is full.",
  });
});

test("anything else is not a refusal", () => {
  assert.equal(Refusals.fromJoinError({ code: REFUSED_CLOSE_CODE, message: "not-a-reason" }), null);
  assert.equal(Refusals.fromJoinError({ code: 1006, message: "full" }), null);
  assert.equal(Refusals.fromJoinError({ code: REFUSED_JOIN_CODE, message: "{not json" }), null);
  assert.equal(Refusals.fromJoinError(new Error("network")), null);
  assert.equal(Refusals.fromJoinError(null), null);
});
