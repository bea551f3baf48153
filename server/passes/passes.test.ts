import assert from "node:assert/strict";
import { test } from "node:test";
import { callerWindowOpensAt, dropPhaseAt } from "../../shared/drops.ts";
import { IssueRule } from "../../shared/passes.ts";
import { clientQualifies, passStatusAt } from "./passes.ts";

const stats = { userId: "u", yearlySpendMinor: 5_000_000, currency: "EUR", attendedEventIds: ["gala-2026"] };

test("rules over client stats: spend threshold in its currency, attendance, or both", () => {
  const spend = IssueRule.parse({ id: "spend-50k", minYearlySpendMinor: 5_000_000, currency: "EUR" });
  assert.ok(clientQualifies(spend, stats));
  assert.ok(!clientQualifies(spend, { ...stats, yearlySpendMinor: 4_999_999 }));
  assert.ok(!clientQualifies(spend, { ...stats, currency: "USD" }));
  const attended = IssueRule.parse({ id: "gala", attendedAnyOfEventIds: ["gala-2026", "gala-2025"] });
  assert.ok(clientQualifies(attended, stats));
  assert.ok(!clientQualifies(attended, { ...stats, attendedEventIds: [] }));
  const both = IssueRule.parse({
    id: "both",
    minYearlySpendMinor: 1,
    currency: "EUR",
    attendedAnyOfEventIds: ["x"],
  });
  assert.ok(!clientQualifies(both, stats));
  assert.ok(!IssueRule.safeParse({ id: "empty" }).success, "a rule needs a condition");
  assert.ok(!IssueRule.safeParse({ id: "no-currency", minYearlySpendMinor: 1 }).success);
});

test("pass status: revoked wins, then the window", () => {
  const pass = { validFrom: new Date("2026-01-01"), validUntil: new Date("2027-01-01"), revokedAt: null };
  assert.equal(passStatusAt(pass, new Date("2025-12-31")), "not_yet_valid");
  assert.equal(passStatusAt(pass, new Date("2026-06-01")), "active");
  assert.equal(passStatusAt(pass, new Date("2027-01-01")), "expired");
  assert.equal(
    passStatusAt({ ...pass, revokedAt: new Date("2026-02-01") }, new Date("2026-06-01")),
    "revoked",
  );
});

test("drop phases and a caller's window on server time", () => {
  const t = (m: number) => new Date(Date.UTC(2026, 11, 1, 10, m));
  const drop = { announceAt: t(0), earlyAccessStartsAt: t(20), publicStartsAt: t(40), endsAt: t(50) };
  assert.deepEqual(
    [-1, 0, 20, 39, 40, 50].map((m) => dropPhaseAt(drop, t(m))),
    ["scheduled", "announced", "early_access", "early_access", "public", "ended"],
  );
  assert.deepEqual(callerWindowOpensAt(drop, []), t(40));
  assert.deepEqual(callerWindowOpensAt(drop, [0]), t(40));
  assert.deepEqual(callerWindowOpensAt(drop, [5, 10]), t(30));
  assert.deepEqual(callerWindowOpensAt(drop, [120]), t(20), "never before the early-access window");
});
