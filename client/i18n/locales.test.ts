import assert from "node:assert/strict";
import { before, test } from "node:test";
import { AUDIT_KINDS } from "../../shared/admin.ts";
import { LOCALES, type Locale } from "../../shared/constants.ts";
import { loadMessages, type Messages } from "./resources.ts";

// Every language, loaded the way the app loads it (English from the entry, the others on demand).
let RESOURCES: Record<Locale, Messages>;
before(async () => {
  RESOURCES = Object.fromEntries(
    await Promise.all(LOCALES.map(async (l) => [l, await loadMessages(l)] as const)),
  ) as Record<Locale, Messages>;
});

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

test("every audit kind has a readable label in every language (the admin console's audit log)", () => {
  for (const [name, messages] of Object.entries(RESOURCES)) {
    const all = new Set(keys(messages));
    const missing = AUDIT_KINDS.filter((kind) => !all.has(`admin.audit.kinds.${kind}`));
    assert.deepEqual(missing, [], `${name} labels every kind`);
  }
});
