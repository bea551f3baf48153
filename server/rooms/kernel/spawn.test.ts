import assert from "node:assert/strict";
import { test } from "node:test";
import { SALON_LAYOUT, SALON_SEATS } from "../../../shared/clienteling/salonRoom.ts";
import { isWalkable } from "../../../shared/walking/movement.ts";
import { besideEntranceSpawn, seatsSpawn } from "./spawn.ts";

test("seats are taken in arrival order, each facing the table; later arrivals stand by the door", () => {
  const rule = seatsSpawn(SALON_SEATS, { x: 0, z: 0 });
  SALON_SEATS.forEach((seat, i) => {
    const p = rule(SALON_LAYOUT, i);
    assert.deepEqual({ x: p.x, z: p.z }, seat);
    assert.ok(isWalkable(SALON_LAYOUT, p.x, p.z), `seat ${i} is on the floor, clear of the table`);
    // Facing (sin h, cos h) points from the seat to the table's centre.
    const h = p.heading ?? Number.NaN;
    const length = Math.hypot(seat.x, seat.z);
    assert.ok(
      Math.abs(Math.sin(h) + seat.x / length) < 1e-9 && Math.abs(Math.cos(h) + seat.z / length) < 1e-9,
    );
  });
  const extra = rule(SALON_LAYOUT, SALON_SEATS.length);
  assert.deepEqual(extra, besideEntranceSpawn(SALON_LAYOUT, SALON_SEATS.length));
});
