import assert from "node:assert/strict";
import { test } from "node:test";
import { clientReminderSchedule, firstMomentOutsideQuietHours, quietPeriodAt } from "./quietHours.ts";

const DEFAULT = { start: "21:00", end: "09:00" };
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

test("New York, 21:30 local on the eve of the March DST change: quiet until 09:00 EDT (13:00Z)", () => {
  // 7 March 2026 21:30 EST = 8 March 02:30Z; clocks go forward at 02:00 on 8 March.
  const at = new Date("2026-03-08T02:30:00Z");
  const period = quietPeriodAt(at, "America/New_York", DEFAULT);
  assert.equal(iso(period?.start), "2026-03-08T02:00:00.000Z", "21:00 EST");
  assert.equal(iso(period?.end), "2026-03-08T13:00:00.000Z", "09:00 EDT, one hour earlier in UTC");
  // The night before the change ends at 14:00Z (09:00 EST).
  assert.equal(
    iso(quietPeriodAt(new Date("2026-03-07T02:30:00Z"), "America/New_York", DEFAULT)?.end),
    "2026-03-07T14:00:00.000Z",
  );
});

test("New York in November (clocks back): 21:00 EDT to 09:00 EST is 13 hours", () => {
  const period = quietPeriodAt(new Date("2026-11-01T05:00:00Z"), "America/New_York", DEFAULT);
  assert.equal(iso(period?.start), "2026-11-01T01:00:00.000Z");
  assert.equal(iso(period?.end), "2026-11-01T14:00:00.000Z");
});

test("just before, at and after the edges (start included, end excluded)", () => {
  const zone = "Asia/Shanghai"; // UTC+8, no DST: 21:00 = 13:00Z, 09:00 = 01:00Z
  assert.equal(quietPeriodAt(new Date("2026-06-01T12:59:59Z"), zone, DEFAULT), null);
  assert.equal(
    iso(quietPeriodAt(new Date("2026-06-01T13:00:00Z"), zone, DEFAULT)?.end),
    "2026-06-02T01:00:00.000Z",
  );
  assert.equal(
    iso(quietPeriodAt(new Date("2026-06-02T00:59:00Z"), zone, DEFAULT)?.end),
    "2026-06-02T01:00:00.000Z",
  );
  assert.equal(quietPeriodAt(new Date("2026-06-02T01:00:00Z"), zone, DEFAULT), null);
  // Shanghai's small hours (03:00 local) are quiet though it is the afternoon in Paris.
  assert.equal(
    iso(firstMomentOutsideQuietHours(new Date("2026-06-01T19:00:00Z"), zone, DEFAULT)),
    "2026-06-02T01:00:00.000Z",
  );
});

test("a same-day window, and no quiet hours when start equals end", () => {
  const lunch = { start: "12:00", end: "14:00" };
  assert.equal(
    iso(quietPeriodAt(new Date("2026-06-01T10:30:00Z"), "Europe/Paris", lunch)?.end),
    "2026-06-01T12:00:00.000Z",
  );
  assert.equal(quietPeriodAt(new Date("2026-06-01T12:30:00Z"), "Europe/Paris", lunch), null);
  assert.equal(
    quietPeriodAt(new Date("2026-06-01T23:00:00Z"), "Europe/Paris", { start: "00:00", end: "00:00" }),
    null,
  );
});

test("reminders in quiet hours wait for their end, or go in-app only when that is too late", () => {
  const zone = "Europe/Paris"; // UTC+2 in June
  // Appointment at 10:00 local: the 24 h reminder (10:00 the day before) is outside quiet hours.
  const ten = new Date("2026-06-10T08:00:00Z");
  assert.deepEqual(clientReminderSchedule(ten, 24 * 60, zone, DEFAULT), {
    at: new Date("2026-06-09T08:00:00Z"),
    email: true,
  });
  // The 1 h reminder (09:00) is the first minute outside quiet hours.
  assert.deepEqual(clientReminderSchedule(ten, 60, zone, DEFAULT), {
    at: new Date("2026-06-10T07:00:00Z"),
    email: true,
  });
  // Appointment at 09:30 local: its 1 h reminder at 08:30 waits for 09:00 (still 30 min ahead).
  const nineThirty = new Date("2026-06-10T07:30:00Z");
  assert.deepEqual(clientReminderSchedule(nineThirty, 60, zone, DEFAULT), {
    at: new Date("2026-06-10T07:00:00Z"),
    email: true,
  });
  // Appointment at 09:10: 09:00 is too close, so the reminder is in-app only at 08:10.
  const nineTen = new Date("2026-06-10T07:10:00Z");
  assert.deepEqual(clientReminderSchedule(nineTen, 60, zone, DEFAULT), {
    at: new Date("2026-06-10T06:10:00Z"),
    email: false,
  });
});
