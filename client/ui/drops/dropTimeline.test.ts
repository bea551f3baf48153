import assert from "node:assert/strict";
import { test } from "node:test";
import type { DropView } from "../../../shared/drops.ts";
import {
  countdownTarget,
  dropInstants,
  formatCountdown,
  phaseAt,
  secondsUntil,
  splitSeconds,
} from "./dropTimeline.ts";

const T0 = Date.parse("2026-12-01T10:00:00Z");
const iso = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();

function drop(overrides: Partial<DropView> = {}): DropView {
  return {
    id: "d1",
    brandId: "b",
    productId: "p",
    title: { en: "Drop" },
    description: null,
    mode: "fcfs",
    stock: 5,
    remaining: 5,
    perAccountLimit: 1,
    earlyAccessPassTypeIds: [],
    announceAt: iso(-3_600_000),
    earlyAccessStartsAt: iso(-1_800_000),
    publicStartsAt: iso(0),
    endsAt: iso(3_600_000),
    entriesCloseAt: null,
    holdSeconds: 600,
    seedCommitment: null,
    seed: null,
    drawnAt: null,
    soldOutAt: null,
    phase: "early_access",
    serverTime: iso(0),
    ...overrides,
  };
}

test("the phase follows server time across every boundary", () => {
  const d = drop();
  assert.equal(phaseAt(d, T0 - 3_600_001), "scheduled");
  assert.equal(phaseAt(d, T0 - 3_600_000), "announced");
  assert.equal(phaseAt(d, T0 - 1_800_000), "early_access");
  assert.equal(phaseAt(d, T0 - 1), "early_access");
  assert.equal(phaseAt(d, T0), "public");
  assert.equal(phaseAt(d, T0 + 3_600_000), "ended");
});

test("the page wakes at every instant the phase changes, a raffle's entry deadline included", () => {
  assert.deepEqual(dropInstants(drop()), [T0 - 3_600_000, T0 - 1_800_000, T0, T0 + 3_600_000]);
  assert.deepEqual(dropInstants(drop({ mode: "raffle", entriesCloseAt: iso(600_000) })), [
    T0 - 3_600_000,
    T0 - 1_800_000,
    T0,
    T0 + 600_000,
    T0 + 3_600_000,
  ]);
});

test("a first-come drop counts towards the next boundary of its phase", () => {
  const d = drop();
  assert.deepEqual(countdownTarget(d, "announced"), { label: "earlyAccess", at: T0 - 1_800_000 });
  assert.deepEqual(countdownTarget(d, "early_access"), { label: "public", at: T0 });
  assert.deepEqual(countdownTarget(d, "public"), { label: "ends", at: T0 + 3_600_000 });
  assert.equal(countdownTarget(d, "ended"), null);
});

test("a raffle counts towards its entry deadline once the public start has passed, until drawn", () => {
  const d = drop({ mode: "raffle", entriesCloseAt: iso(1_800_000) });
  assert.deepEqual(countdownTarget(d, "early_access"), { label: "public", at: T0 });
  assert.deepEqual(countdownTarget(d, "public"), { label: "entriesClose", at: T0 + 1_800_000 });
  const drawn = { ...d, drawnAt: iso(1_900_000) };
  assert.deepEqual(countdownTarget(drawn, "public"), { label: "ends", at: T0 + 3_600_000 });
});

test("seconds round up and never go negative", () => {
  assert.equal(secondsUntil(T0, T0 - 1), 1);
  assert.equal(secondsUntil(T0, T0 - 1000), 1);
  assert.equal(secondsUntil(T0, T0 - 1001), 2);
  assert.equal(secondsUntil(T0, T0), 0);
  assert.equal(secondsUntil(T0, T0 + 5000), 0);
});

test("countdowns split and print as digits", () => {
  assert.deepEqual(splitSeconds(90_061), { days: 1, hours: 1, minutes: 1, seconds: 1 });
  assert.equal(formatCountdown(59), "00:59");
  assert.equal(formatCountdown(3600), "01:00:00");
  assert.equal(formatCountdown(90_061), "1d 01:01:01");
  assert.equal(formatCountdown(-4), "00:00");
});
