import assert from "node:assert/strict";
import { test } from "node:test";
import { RESOURCES } from "./resources.ts";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

test("every language has every UI string of English, and no stray ones", () => {
  const reference = keys(RESOURCES.en).sort();
  for (const [name, messages] of Object.entries(RESOURCES)) {
    assert.deepEqual(keys(messages).sort(), reference, `${name} differs from en`);
  }
});

test("no UI string is empty", () => {
  for (const [name, messages] of Object.entries(RESOURCES)) {
    const walk = (obj: object, prefix: string): void => {
      for (const [k, v] of Object.entries(obj)) {
        if (typeof v === "object" && v !== null) walk(v, `${prefix}${k}.`);
        else assert.ok(typeof v === "string" && v.trim().length > 0, `${name}: ${prefix}${k} is empty`);
      }
    };
    walk(messages, "");
  }
});
