import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createStageState, STAGE_MAX_SPIN, StageAction, type StageState, stageYawAt } from "./stage.ts";
import {
  applyStageAction,
  isMuted,
  type StageActor,
  type StageContext,
  setStagePhase,
} from "./stageReducer.ts";

const T = Date.parse("2026-12-01T18:00:00Z");
const presenter: StageActor = { role: "presenter", as: { kind: "staff", userId: "u1", name: "Hélène" } };
const moderator: StageActor = { role: "moderator", as: { kind: "staff", userId: "u2", name: "Lucien" } };

function ctx(nowMs: number, over: Partial<StageContext> = {}): StageContext {
  return {
    nowMs,
    products: new Map([
      ["ring", ["gold", "platinum"]],
      ["watch", []],
      ["vase", []],
      ["bag", []],
    ]),
    drop: { id: "d1", publicStartsAt: T + 60_000 },
    viewerName: (id) => (id === "user:v1" ? "Inès" : null),
    ...over,
  };
}

/** Parses and applies a list of actions at `nowMs`, failing on a refusal. */
function apply(state: StageState, actor: StageActor, nowMs: number, ...raw: unknown[]): StageState {
  let s = state;
  for (const r of raw) {
    const result = applyStageAction(s, StageAction.parse(r), actor, ctx(nowMs));
    assert.ok(result.ok, `refused: ${result.ok ? "" : result.reason}`);
    s = result.state;
  }
  return s;
}

const refusal = (state: StageState, actor: StageActor, raw: unknown, nowMs = T) => {
  const result = applyStageAction(state, StageAction.parse(raw), actor, ctx(nowMs));
  return result.ok ? null : result.reason;
};

describe("the stage reducer", () => {
  test("numbers are clamped, angles wrapped; a turn re-anchors so the piece never jumps", () => {
    assert.deepEqual(StageAction.parse({ type: "turn", spin: 99 }), { type: "turn", spin: STAGE_MAX_SPIN });
    const turn = StageAction.parse({ type: "turn", yaw: 3 * Math.PI, spin: -99 });
    assert.deepEqual(turn, { type: "turn", yaw: Math.PI, spin: -Math.PI });
    assert.deepEqual(StageAction.parse({ type: "slow_mode", seconds: 1e9 }), {
      type: "slow_mode",
      seconds: 300,
    });
    assert.throws(() => StageAction.parse({ type: "turn", spin: Number.NaN }));
    assert.throws(
      () => StageAction.parse({ type: "pin", productId: "ring", extra: 1 }),
      "unknown keys refused",
    );

    let s = apply(createStageState("e", "live"), presenter, T, {
      type: "show_product",
      productId: "ring",
      variant: "gold",
    });
    s = apply(s, presenter, T, { type: "turn", spin: 1 });
    const before = stageYawAt(s.onStage ?? assert.fail(), T + 500);
    s = apply(s, presenter, T + 500, { type: "turn", spin: -1 });
    assert.ok(
      Math.abs(stageYawAt(s.onStage ?? assert.fail(), T + 500) - before) < 1e-9,
      "same pose at the change",
    );
    assert.ok(Math.abs(stageYawAt(s.onStage ?? assert.fail(), T + 1000) - 0) < 1e-9, "then turning back");
    assert.equal(s.version, 3);
  });

  test("products and variants must be the event's; pins hold three at most", () => {
    const s = createStageState("e", "live");
    assert.equal(refusal(s, presenter, { type: "show_product", productId: "other" }), "unknown_product");
    assert.equal(
      refusal(s, presenter, { type: "show_product", productId: "ring", variant: "ruby" }),
      "unknown_variant",
    );
    assert.equal(refusal(s, presenter, { type: "set_variant", variant: "gold" }), "nothing_on_stage");
    const pinned = apply(
      s,
      presenter,
      T,
      ...["ring", "watch", "vase"].map((productId) => ({ type: "pin", productId })),
    );
    assert.deepEqual(pinned.pinned, ["ring", "watch", "vase"]);
    assert.equal(refusal(pinned, presenter, { type: "pin", productId: "bag" }), "pins_full");
    assert.equal(refusal(pinned, presenter, { type: "unpin", productId: "bag" }), "not_pinned");
    const result = applyStageAction(pinned, { type: "unpin", productId: "watch" }, presenter, ctx(T));
    assert.ok(result.ok);
    assert.deepEqual(result.state.pinned, ["ring", "vase"]);
    assert.deepEqual(result.timeline, [{ at: T, kind: "unpin", payload: { productId: "watch" } }]);
  });

  test("moderators moderate; only presenters present; nothing changes once ended", () => {
    const s = createStageState("e", "live");
    assert.equal(refusal(s, moderator, { type: "show_product", productId: "ring" }), "not_allowed");
    assert.equal(refusal(s, moderator, { type: "take_stage" }), "not_allowed");
    const muted = apply(
      s,
      moderator,
      T,
      { type: "mute_viewer", viewerId: "user:v9", minutes: 5 },
      { type: "slow_mode", seconds: 10 },
    );
    assert.ok(isMuted(muted, "user:v9", T + 4 * 60_000));
    assert.ok(!isMuted(muted, "user:v9", T + 5 * 60_000), "a mute runs out");
    assert.equal(muted.moderation.slowModeSeconds, 10);
    const onStage = apply(muted, moderator, T, { type: "invite_on_stage", viewerId: "user:v1" });
    assert.deepEqual(onStage.guestsOnStage, [{ viewerId: "user:v1", name: "Inès" }]);
    assert.equal(
      refusal(onStage, moderator, { type: "invite_on_stage", viewerId: "user:v2" }),
      "viewer_not_here",
    );
    assert.equal(
      apply(onStage, moderator, T, { type: "send_back", viewerId: "user:v1" }).guestsOnStage.length,
      0,
    );
    const ended = setStagePhase(onStage, "ended", T);
    assert.deepEqual(ended.state.guestsOnStage, []);
    assert.deepEqual(ended.timeline, [{ at: T, kind: "phase", payload: { phase: "ended" } }]);
    assert.equal(refusal(ended.state, presenter, { type: "pin", productId: "ring" }), "ended");
  });

  test("the drop countdown ends at the drop's public start, and only before it", () => {
    const s = createStageState("e", "live");
    const started = applyStageAction(s, { type: "start_drop_countdown" }, presenter, ctx(T));
    assert.ok(started.ok);
    assert.equal(started.state.dropCountdownEndsAt, T + 60_000);
    assert.deepEqual(started.timeline[0]?.payload, {
      dropId: "d1",
      endsAt: new Date(T + 60_000).toISOString(),
    });
    assert.equal(refusal(s, presenter, { type: "start_drop_countdown" }, T + 60_000), "drop_already_open");
    const none = applyStageAction(s, { type: "start_drop_countdown" }, presenter, ctx(T, { drop: null }));
    assert.deepEqual(none, { ok: false, reason: "no_drop" });
  });
});
