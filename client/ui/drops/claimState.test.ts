import assert from "node:assert/strict";
import { test } from "node:test";
import type { ClaimView, DropView } from "../../../shared/drops.ts";
import { type ClaimInputs, claimState, isActionable } from "./claimState.ts";

const T0 = Date.parse("2026-12-01T10:00:00Z");
const iso = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();

const DROP: DropView = {
  id: "d1",
  brandId: "b",
  productId: "p",
  title: { en: "Drop" },
  description: null,
  mode: "fcfs",
  stock: 5,
  remaining: 5,
  perAccountLimit: 1,
  earlyAccessPassTypeIds: ["vip"],
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
  serverTime: iso(-60_000),
};

function inputs(overrides: Partial<ClaimInputs> = {}): ClaimInputs {
  return {
    drop: DROP,
    phase: "early_access",
    remaining: 5,
    signedIn: true,
    claims: [],
    refusal: null,
    roomRefusal: null,
    entered: false,
    serverNowMs: T0 - 60_000,
    ...overrides,
  };
}

test("a guest is asked to sign in; nothing is claimable before the drop loads or after it ends", () => {
  assert.deepEqual(claimState(inputs({ signedIn: false })), { kind: "signIn" });
  assert.deepEqual(claimState(inputs({ drop: null, phase: null })), { kind: "loading" });
  assert.deepEqual(claimState(inputs({ phase: "ended" })), { kind: "ended" });
});

test("during early access the button claims, and the server's refusal says when the window opens", () => {
  assert.deepEqual(claimState(inputs()), { kind: "claim" });
  assert.ok(isActionable(claimState(inputs())));
  const refused = inputs({
    refusal: { outcome: "refused", reason: "not_open_yet", message: "Not yet", opensAt: iso(0) },
  });
  assert.deepEqual(claimState(refused), { kind: "notYet", opensAt: iso(0) });
  assert.equal(isActionable(claimState(refused)), false);
  // Once that moment has passed on server time, claiming is possible again.
  assert.deepEqual(claimState({ ...refused, phase: "public", serverNowMs: T0 + 10 }), { kind: "claim" });
});

test("the room's refusal (no pass during early access) also tells the opening", () => {
  const state = claimState(
    inputs({ roomRefusal: { reason: "pass_required", message: "Pass holders only", opensAt: iso(0) } }),
  );
  assert.deepEqual(state, { kind: "notYet", opensAt: iso(0) });
});

test("before early access nobody may claim", () => {
  assert.deepEqual(claimState(inputs({ phase: "announced" })), { kind: "notYet", opensAt: null });
});

test("stock and limits: sold out, and the limit once the server said so while holding a unit", () => {
  assert.deepEqual(claimState(inputs({ phase: "public", remaining: 0 })), { kind: "soldOut" });
  const held: ClaimView = {
    id: "c1",
    dropId: "d1",
    status: "held",
    holdExpiresAt: iso(600_000),
    confirmedAt: null,
  };
  const limit = inputs({
    phase: "public",
    claims: [held],
    refusal: { outcome: "refused", reason: "limit_reached", message: "Limit", opensAt: null },
  });
  assert.deepEqual(claimState(limit), { kind: "limitReached" });
  // A lapsed hold frees the limit again.
  assert.deepEqual(claimState({ ...limit, claims: [{ ...held, status: "expired" }] }), { kind: "claim" });
});

test("a raffle is entered until its deadline or draw", () => {
  const raffle = { ...DROP, mode: "raffle" as const, entriesCloseAt: iso(1_800_000) };
  assert.deepEqual(claimState(inputs({ drop: raffle, phase: "public", serverNowMs: T0 })), { kind: "enter" });
  assert.deepEqual(claimState(inputs({ drop: raffle, phase: "public", serverNowMs: T0, entered: true })), {
    kind: "entered",
  });
  assert.deepEqual(claimState(inputs({ drop: raffle, phase: "public", serverNowMs: T0 + 1_800_000 })), {
    kind: "entriesClosed",
  });
  const drawn = { ...raffle, drawnAt: iso(1_800_500) };
  const won: ClaimView = {
    id: "c",
    dropId: "d1",
    status: "held",
    holdExpiresAt: iso(2_400_000),
    confirmedAt: null,
  };
  assert.deepEqual(claimState(inputs({ drop: drawn, phase: "public", entered: true })), {
    kind: "drawn",
    won: false,
  });
  assert.deepEqual(claimState(inputs({ drop: drawn, phase: "public", claims: [won] })), {
    kind: "drawn",
    won: true,
  });
});
