import assert from "node:assert/strict";
import { test } from "node:test";
import { dropPhaseAt } from "../../shared/drops.ts";
import { admission, type DropViewer } from "./dropAdmission.ts";
import type { DropRow } from "./drops.ts";

const t = (minutes: number) => new Date(Date.UTC(2027, 0, 1, 12, minutes));
const drop = {
  announceAt: t(0),
  earlyAccessStartsAt: t(10),
  publicStartsAt: t(20),
  endsAt: t(30),
} as DropRow;
const viewer = (v: Partial<DropViewer>): DropViewer => ({
  userId: "u1",
  staff: false,
  passHolder: false,
  opensAt: drop.publicStartsAt,
  ...v,
});
const guest = viewer({ userId: null });
const shopper = viewer({});
const holder = viewer({ passHolder: true, opensAt: drop.earlyAccessStartsAt });
const staff = viewer({ staff: true });

/** Who is let in at each phase: the reason code, or "in". */
function table(at: Date) {
  const phase = dropPhaseAt(drop, at);
  const outcome = (v: DropViewer) => admission(drop, phase, v)?.reason ?? "in";
  return {
    phase,
    guest: outcome(guest),
    shopper: outcome(shopper),
    holder: outcome(holder),
    staff: outcome(staff),
  };
}

test("who may be in a drop's room in each phase", () => {
  assert.deepEqual(table(t(-1)), {
    phase: "scheduled",
    guest: "not_announced",
    shopper: "not_announced",
    holder: "not_announced",
    staff: "in",
  });
  assert.deepEqual(table(t(5)), {
    phase: "announced",
    guest: "in",
    shopper: "in",
    holder: "in",
    staff: "in",
  });
  assert.deepEqual(table(t(15)), {
    phase: "early_access",
    guest: "sign_in_required",
    shopper: "pass_required",
    holder: "in",
    staff: "in",
  });
  assert.deepEqual(table(t(25)), { phase: "public", guest: "in", shopper: "in", holder: "in", staff: "in" });
  assert.deepEqual(table(t(31)), { phase: "ended", guest: "in", shopper: "in", holder: "in", staff: "in" });
});

test("a refusal says when the person may come back", () => {
  assert.equal(admission(drop, "scheduled", shopper)?.opensAt, drop.announceAt.toISOString());
  assert.equal(admission(drop, "early_access", shopper)?.opensAt, drop.publicStartsAt.toISOString());
  assert.equal(admission(drop, "early_access", guest)?.opensAt, drop.publicStartsAt.toISOString());
});
