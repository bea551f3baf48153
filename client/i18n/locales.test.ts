import assert from "node:assert/strict";
import { test } from "node:test";
import de from "./locales/de.json" with { type: "json" };
import en from "./locales/en.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };
import zhCN from "./locales/zh-CN.json" with { type: "json" };

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

test("every language has every UI string of English, and no stray ones", () => {
  const reference = keys(en).sort();
  for (const [name, messages] of Object.entries({ fr, de, "zh-CN": zhCN })) {
    assert.deepEqual(keys(messages).sort(), reference, `${name} differs from en`);
  }
});
