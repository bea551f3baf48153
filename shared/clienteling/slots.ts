/**
 * Expands an advisor's availability into bookable slots, as instants. Local times are resolved in
 * the advisor's zone on each calendar day (luxon), so 09:00 stays 09:00 across daylight-saving
 * changes; a range's slots step in real minutes from its start, and only whole slots are offered.
 */
import { DateTime } from "luxon";
import type { AvailabilityException, WeeklyRange } from "./availability.ts";
import { minutesOfDay } from "./preferences.ts";

export type Slot = { startsAt: Date; endsAt: Date };

type Availability = {
  timeZone: string;
  weekly: readonly WeeklyRange[];
  exceptions: readonly AvailabilityException[];
};

function localInstant(day: DateTime, time: string): number {
  const minutes = minutesOfDay(time);
  if (minutes === 24 * 60) return day.plus({ days: 1 }).toMillis();
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: day.zone },
  ).toMillis();
}

/** The open ranges of one local day, as [start, end) milliseconds, merged where they touch. */
function rangesOfDay(availability: Availability, day: DateTime): [number, number][] {
  const date = day.toISODate() as string;
  const exceptions = availability.exceptions.filter((e) => e.date === date);
  const off = exceptions.some((e) => e.kind === "day_off");
  const local = [
    ...(off ? [] : availability.weekly.filter((r) => r.weekday === day.weekday)),
    ...exceptions.flatMap((e) => (e.kind === "extra_hours" ? [e] : [])),
  ];
  const ranges = local
    .map((r): [number, number] => [localInstant(day, r.start), localInstant(day, r.end)])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/**
 * Every slot of `slotMinutes` that starts in [from, to), in time order. Days are walked in the
 * advisor's zone from the day before `from` (a late range may spill over) to the day after `to`.
 */
export function expandSlots(availability: Availability, from: Date, to: Date, slotMinutes: number): Slot[] {
  const step = slotMinutes * 60_000;
  const slots: Slot[] = [];
  const first = DateTime.fromJSDate(from, { zone: availability.timeZone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone: availability.timeZone }).startOf("day").plus({ days: 1 });
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    for (const [start, end] of rangesOfDay(availability, day)) {
      for (let s = start; s + step <= end; s += step) {
        if (s >= from.getTime() && s < to.getTime())
          slots.push({ startsAt: new Date(s), endsAt: new Date(s + step) });
      }
    }
  }
  return slots;
}

/** Whether a slot starting at `startsAt` is one the availability offers (for booking checks). */
export function offersSlot(availability: Availability, startsAt: Date, slotMinutes: number): boolean {
  const to = new Date(startsAt.getTime() + 1);
  return expandSlots(availability, startsAt, to, slotMinutes).some(
    (s) => s.startsAt.getTime() === startsAt.getTime(),
  );
}
