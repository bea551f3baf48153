import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { countdownToken, lineTokens, priceToken, renderLine, timeToken } from "./lineTokens.ts";

const NOW = Date.parse("2030-03-05T17:00:00Z");
const space = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("line tokens", () => {
  test("times render in the reader's locale and time zone; the date only when not today", () => {
    const at = NOW + 40 * 60_000;
    const line = `Opens at ${timeToken(at)}.`;
    assert.equal(space(renderLine(line, "en", NOW, "UTC")), "Opens at 5:40 PM.");
    assert.equal(renderLine(line, "fr", NOW, "Europe/Paris"), "Opens at 18:40.");
    assert.equal(renderLine(line, "de", NOW, "Asia/Shanghai"), "Opens at 1:40.", "the reader's zone");
    const tomorrow = renderLine(timeToken(NOW + 86_400_000), "en", NOW, "UTC");
    assert.match(space(tomorrow), /Mar 6.*5:00 PM/, "another day: the date shows");
    // 23:30 in Shanghai now, 00:10 the next day there: the date shows.
    const lateNow = Date.parse("2030-03-05T15:30:00Z");
    assert.match(renderLine(timeToken(lateNow + 40 * 60_000), "zh-CN", lateNow, "Asia/Shanghai"), /3月6日/);
    assert.doesNotMatch(renderLine(timeToken(lateNow + 40 * 60_000), "zh-CN", lateNow, "UTC"), /月/);
  });

  test("countdowns", () => {
    assert.equal(renderLine(countdownToken(NOW + 12 * 60_000), "en", NOW), "in 12 minutes");
    assert.equal(renderLine(countdownToken(NOW + 12 * 60_000), "fr", NOW), "dans 12 minutes");
    assert.equal(renderLine(countdownToken(NOW + 12 * 60_000), "de", NOW), "in 12 Minuten");
    assert.equal(renderLine(countdownToken(NOW + 12 * 60_000), "zh-CN", NOW), "12分钟后");
    assert.equal(renderLine(countdownToken(NOW + 20_000), "en", NOW), "now");
    assert.equal(renderLine(countdownToken(NOW + 5 * 3_600_000), "en", NOW), "in 5 hours");
    assert.equal(renderLine(countdownToken(NOW + 3 * 86_400_000), "fr", NOW), "dans 3 jours");
    assert.equal(renderLine(countdownToken(NOW + 90 * 60_000), "en", NOW), "in 90 minutes");
  });

  test("prices render through the shared money formatting", () => {
    const p = priceToken({ amountMinor: 1280000, currency: "EUR" });
    assert.equal(p, "{{price:1280000:EUR}}");
    assert.equal(space(renderLine(p, "fr", NOW)), "12 800 €");
    assert.equal(renderLine(p, "en", NOW), "€12,800");
    assert.equal(renderLine(priceToken({ amountMinor: 42000, currency: "CNY" }), "zh-CN", NOW), "¥420");
    assert.equal(
      renderLine(priceToken({ amountMinor: 12345, currency: "CHF" }), "de", NOW).replace(/\s/g, " "),
      "123,45 CHF",
    );
  });

  test("malformed tokens stay as written; lineTokens lists the well-formed ones", () => {
    const text =
      "a {{time:not-a-date}} b {{price:12:eur}} c {{countdown:2030-03-05T18:00:00Z}} {{price:5:USD}}";
    assert.equal(renderLine(text, "en", NOW), "a {{time:not-a-date}} b {{price:12:eur}} c in 1 hour $0.05");
    assert.deepEqual(lineTokens(text), [
      { kind: "countdown", at: Date.parse("2030-03-05T18:00:00Z") },
      { kind: "price", amountMinor: 5, currency: "USD" },
    ]);
  });
});
