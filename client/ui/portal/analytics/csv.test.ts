import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { csvField, toCsv } from "./csv.ts";

describe("CSV export", () => {
  test("plain fields stay as they are; numbers are written raw", () => {
    assert.equal(
      toCsv(
        ["day", "visits"],
        [
          ["2026-12-01", 12],
          ["2026-12-02", 0.5],
        ],
      ),
      "day,visits\r\n2026-12-01,12\r\n2026-12-02,0.5\r\n",
    );
  });
  test("commas, quotes, line breaks and edge spaces are quoted, quotes doubled", () => {
    assert.equal(csvField('Bague "Étoile", or'), '"Bague ""Étoile"", or"');
    assert.equal(csvField("deux\nlignes"), '"deux\nlignes"');
    assert.equal(csvField(" padded"), '" padded"');
    assert.equal(csvField("星光项链"), "星光项链");
  });
  test("a field a spreadsheet would run as a formula is defused", () => {
    assert.equal(csvField('=HYPERLINK("x")'), '"\'=HYPERLINK(""x"")"');
    assert.equal(csvField("-1"), "'-1");
    assert.equal(csvField(-1), "-1", "a number is a number, not a formula");
  });
  test("missing values are empty fields", () => {
    assert.equal(toCsv(["a", "b"], [[null, Number.NaN]]), "a,b\r\n,\r\n");
  });
});
