import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyConsentMatrix } from "../../../shared/clienteling/consent.ts";
import { DEFAULT_QUIET_HOURS } from "../../../shared/clienteling/preferences.ts";
import { decideOutreach, type OutreachFacts } from "./outreachRules.ts";

const consent = emptyConsentMatrix();
consent.new_pieces.in_app = true;
const DAY = 86_400_000;

function facts(overrides: Partial<OutreachFacts>): OutreachFacts {
  return {
    now: new Date("2026-06-10T12:00:00Z"),
    consent,
    purpose: "new_pieces",
    channels: ["in_app"],
    timeZone: "Europe/Paris",
    quietHours: DEFAULT_QUIET_HOURS,
    capMessages: 2,
    capWindowDays: 14,
    countedSentAt: [],
    ...overrides,
  };
}

test("allowed inside consent, under the cap, outside quiet hours", () => {
  assert.equal(decideOutreach(facts({})), null);
});

test("consent is per purpose and channel; the missing channel is named; no time lifts it", () => {
  const refusal = decideOutreach(facts({ channels: ["in_app", "email"] }));
  assert.equal(refusal?.rule, "consent_missing");
  assert.equal(refusal?.allowedAt, null);
  assert.deepEqual(refusal?.details.missingChannels, ["email"]);
  assert.equal(decideOutreach(facts({ purpose: "events" }))?.rule, "consent_missing");
});

test("the cap opens when the oldest counted message leaves the window", () => {
  const now = new Date("2026-06-10T12:00:00Z");
  const sent = [
    new Date(now.getTime() - 10 * DAY),
    new Date(now.getTime() - 3 * DAY),
    new Date(now.getTime() - 20 * DAY),
  ];
  const refusal = decideOutreach(facts({ countedSentAt: sent }));
  assert.equal(refusal?.rule, "frequency_cap");
  // 10 days ago + 14 days = in 4 days, 12:00Z = 14:00 in Paris (outside quiet hours).
  assert.equal(refusal?.allowedAt, new Date(now.getTime() + 4 * DAY).toISOString());
  assert.equal(
    decideOutreach(facts({ countedSentAt: sent, capMessages: 3 })),
    null,
    "a brand may allow more",
  );
});

test("a cap that opens at night in the client's zone is allowed at the end of their quiet hours", () => {
  const now = new Date("2026-06-10T12:00:00Z");
  // The counted message went 13 days ago at 21:00Z = 05:00 in Shanghai, inside quiet hours there.
  const sent = [new Date("2026-05-28T21:00:00Z"), new Date("2026-06-09T02:00:00Z")];
  const refusal = decideOutreach(facts({ now, timeZone: "Asia/Shanghai", countedSentAt: sent }));
  assert.equal(refusal?.rule, "frequency_cap");
  assert.equal(refusal?.allowedAt, "2026-06-12T01:00:00.000Z", "09:00 in Shanghai");
});

test("both time rules at once: the cap is named, quiet hours listed too", () => {
  const now = new Date("2026-06-10T20:00:00Z"); // 22:00 in Paris
  const refusal = decideOutreach(
    facts({ now, countedSentAt: [new Date(now.getTime() - DAY), new Date(now.getTime() - 2 * DAY)] }),
  );
  assert.deepEqual(refusal?.details.blockedBy, ["frequency_cap", "quiet_hours"]);
  // The oldest leaves in 12 days, at 22:00 Paris: quiet until 09:00 the next morning.
  assert.equal(refusal?.allowedAt, "2026-06-23T07:00:00.000Z");
});
