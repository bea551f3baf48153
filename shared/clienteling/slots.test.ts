import assert from "node:assert/strict";
import { test } from "node:test";
import { SetAvailabilityBody } from "./availability.ts";
import { expandSlots, offersSlot } from "./slots.ts";

const paris = SetAvailabilityBody.parse({
  timeZone: "Europe/Paris",
  weekly: [
    { weekday: 6, start: "10:00", end: "12:00" }, // Saturdays
    { weekday: 7, start: "10:00", end: "11:00" }, // Sundays
  ],
  exceptions: [],
});

test("09:00 local stays 09:00 across the March change in the advisor's zone", () => {
  // Paris goes to summer time on Sunday 29 March 2026.
  const slots = expandSlots(paris, new Date("2026-03-28T00:00:00Z"), new Date("2026-03-30T00:00:00Z"), 30);
  assert.deepEqual(
    slots.map((s) => s.startsAt.toISOString()),
    [
      "2026-03-28T09:00:00.000Z", // Saturday 10:00 CET
      "2026-03-28T09:30:00.000Z",
      "2026-03-28T10:00:00.000Z",
      "2026-03-28T10:30:00.000Z",
      "2026-03-29T08:00:00.000Z", // Sunday 10:00 CEST
      "2026-03-29T08:30:00.000Z",
    ],
  );
  assert.equal(slots[0]?.endsAt.toISOString(), "2026-03-28T09:30:00.000Z");
});

test("45-minute slots offer only whole slots; days off and extra hours apply on their dates", () => {
  const availability = SetAvailabilityBody.parse({
    ...paris,
    exceptions: [
      { kind: "day_off", date: "2026-04-04" },
      { kind: "extra_hours", date: "2026-04-04", start: "15:00", end: "16:30" },
      { kind: "extra_hours", date: "2026-04-06", start: "18:00", end: "19:00" },
    ],
  });
  const slots = expandSlots(
    availability,
    new Date("2026-04-04T00:00:00Z"),
    new Date("2026-04-07T00:00:00Z"),
    45,
  );
  assert.deepEqual(
    slots.map((s) => s.startsAt.toISOString()),
    [
      "2026-04-04T13:00:00.000Z", // Saturday off, extra 15:00–16:30 CEST: two slots
      "2026-04-04T13:45:00.000Z",
      "2026-04-05T08:00:00.000Z", // Sunday 10:00–11:00: one 45-minute slot
      "2026-04-06T16:00:00.000Z", // Monday extra 18:00–19:00
    ],
  );
  assert.ok(offersSlot(availability, new Date("2026-04-04T13:45:00Z"), 45));
  assert.ok(!offersSlot(availability, new Date("2026-04-04T13:30:00Z"), 45), "not on the slot grid");
  assert.ok(!offersSlot(availability, new Date("2026-04-04T08:00:00Z"), 45), "a day off");
});

test("ranges that overlap are refused; touching ranges merge into one run of slots", () => {
  const overlapping = SetAvailabilityBody.safeParse({
    timeZone: "Europe/Paris",
    weekly: [
      { weekday: 1, start: "09:00", end: "12:00" },
      { weekday: 1, start: "11:00", end: "13:00" },
    ],
    exceptions: [],
  });
  assert.ok(!overlapping.success);
  assert.deepEqual(overlapping.error.issues[0]?.path, ["weekly", 1]);
  assert.ok(!SetAvailabilityBody.safeParse({ timeZone: "Mars/Olympus", weekly: [], exceptions: [] }).success);
  const touching = SetAvailabilityBody.parse({
    timeZone: "Asia/Shanghai",
    weekly: [{ weekday: 1, start: "09:00", end: "09:45" }],
    exceptions: [{ kind: "extra_hours", date: "2026-06-01", start: "09:45", end: "10:30" }],
  });
  const slots = expandSlots(touching, new Date("2026-06-01T00:00:00Z"), new Date("2026-06-02T00:00:00Z"), 30);
  assert.deepEqual(
    slots.map((s) => s.startsAt.toISOString()),
    ["2026-06-01T01:00:00.000Z", "2026-06-01T01:30:00.000Z", "2026-06-01T02:00:00.000Z"],
  );
});
