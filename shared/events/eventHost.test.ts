import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { HostAnim } from "../host/hostState.ts";
import { renderLine } from "../host/lineTokens.ts";
import {
  createEventHostMemory,
  type EventHostEvent,
  type EventHostMemory,
  stepEventHost,
} from "./eventHost.ts";
import { EventHostScript } from "./eventSchedule.ts";
import { createStageState, type StageAction, type StageState } from "./stage.ts";
import { applyStageAction } from "./stageReducer.ts";

const MIN = 60_000;
const T0 = Date.parse("2026-12-01T18:00:00Z");
const price = { amountMinor: 1_250_000, currency: "EUR" };
const products = new Map(
  ["ring", "necklace", "earrings", "brooch", "star"].map((id) => [
    id,
    { name: { en: `The ${id}`, fr: `Le ${id}` }, price },
  ]),
);

function show(over: Partial<EventHostEvent> = {}): EventHostEvent {
  return {
    hostName: "Céleste",
    title: { en: "Evening of Stars", fr: "Soirée des étoiles" },
    brandName: "Aubrelle",
    doorsOpenAt: T0 - 15 * MIN,
    startsAt: T0,
    endsAt: T0 + 60 * MIN,
    role: "cohost",
    presenterName: "Hélène",
    script: null,
    products,
    drop: {
      id: "drop-1",
      mode: "fcfs",
      productId: "star",
      productName: { en: "Étoile" },
      publicStartsAt: T0 + 20 * MIN,
    },
    ...over,
  };
}

const script = EventHostScript.parse({
  segments: [
    { productId: "ring", atSeconds: 0, line: { en: "First, {product} at {price}." } },
    { productId: "necklace", atSeconds: 120, line: { en: "Now {product}." }, variant: "gold" },
    { productId: "earrings", atSeconds: 240, line: { en: "Then {product}." } },
    { productId: "brooch", atSeconds: 360, line: { en: "And {product}." } },
  ],
  reminders: [{ atSeconds: 600, line: { en: "Stay for the drop." } }],
  dropCountdownAtSeconds: 1140,
});

type Said = { at: number; cue: string; en: string };

/** Runs the host on a 250 ms tick (a controllable clock), applying her actions to a real stage. */
function run(
  event: EventHostEvent,
  from: number,
  to: number,
  start?: { memory: EventHostMemory; stage: StageState },
) {
  let memory = start?.memory ?? createEventHostMemory();
  let stage = start?.stage ?? createStageState("e", "doors_open");
  const said: Said[] = [];
  const actions: { at: number; action: StageAction }[] = [];
  const ctx = (now: number) => ({
    nowMs: now,
    products: new Map([...products.keys()].map((id) => [id, ["gold"]])),
    drop: event.drop ? { id: event.drop.id, publicStartsAt: event.drop.publicStartsAt } : null,
    viewerName: () => null,
  });
  for (let now = from; now <= to; now += 250) {
    const step = stepEventHost(memory, event, stage, now);
    if (step.memory.lineId !== memory.lineId)
      said.push({ at: now, cue: step.memory.cue ?? "", en: step.memory.line?.en ?? "" });
    for (const action of step.actions) {
      actions.push({ at: now, action });
      const result = applyStageAction(
        stage,
        action,
        { role: "presenter", as: { kind: "host", name: "Céleste" } },
        ctx(now),
      );
      assert.ok(result.ok, `the host's ${action.type} was refused: ${result.ok ? "" : result.reason}`);
      stage = result.state;
    }
    memory = step.memory;
  }
  return { memory, stage, said, actions };
}

describe("the host on an event's stage (pure, controllable clock)", () => {
  test("co-hosting: welcome, hand-over, drop reminders, the countdown a presenter started, the reveal, farewell", () => {
    const event = show();
    const before = run(event, T0 - 15 * MIN, T0 + 19 * MIN);
    assert.deepEqual(
      before.said.map((s) => [s.cue, s.at]),
      [
        ["welcome", T0 - 15 * MIN],
        ["opening", T0],
        ["dropSoon", T0 + 10 * MIN],
        ["dropSoon", T0 + 18 * MIN],
      ],
    );
    assert.deepEqual(before.actions, [], "co-hosting, she never touches the stage");
    const welcome = stepEventHost(createEventHostMemory(), event, before.stage, T0 - 15 * MIN).memory;
    assert.equal(welcome.anim, HostAnim.wave);
    assert.match(
      renderLine(welcome.line?.fr ?? "", "fr", T0 - 15 * MIN, "Europe/Paris"),
      /^Bienvenue à Soirée des étoiles\. Je suis Céleste ; Hélène commence dans 15 minutes, à 19:00/,
    );
    assert.match(
      welcome.line?.de ?? "",
      /Evening of Stars/,
      "a missing locale of the title falls back to English",
    );

    // The presenter starts the countdown from the console at +19 min.
    const started = applyStageAction(
      before.stage,
      { type: "start_drop_countdown" },
      { role: "presenter", as: { kind: "staff", userId: "u", name: "Hélène" } },
      {
        nowMs: T0 + 19 * MIN,
        products: new Map(),
        drop: { id: "drop-1", publicStartsAt: T0 + 20 * MIN },
        viewerName: () => null,
      },
    );
    assert.ok(started.ok);
    const after = run(event, T0 + 19 * MIN + 250, T0 + 61 * MIN, {
      memory: before.memory,
      stage: started.state,
    });
    assert.deepEqual(
      after.said.map((s) => [s.cue, s.at]),
      [
        ["countdown", T0 + 19 * MIN + 250],
        ["dropMoments", T0 + 20 * MIN - 10_000],
        ["reveal", T0 + 20 * MIN],
        ["closing", T0 + 59 * MIN],
      ],
    );
    assert.match(after.said[2]?.en ?? "", /^Here it is: Étoile\. The drop is open/);
    assert.equal(after.memory.anim, HostAnim.idle, "idles once her farewell is read");
  });

  test("the two drop reminders come 10 and 2 minutes before it opens, as tokens every reader formats", () => {
    const { said } = run(show(), T0 + 5 * MIN, T0 + 19 * MIN);
    const reminders = said.filter((s) => s.cue === "dropSoon");
    assert.deepEqual(
      reminders.map((s) => s.at),
      [T0 + 10 * MIN, T0 + 18 * MIN],
    );
    assert.equal(
      renderLine(reminders[0]?.en ?? "", "en", T0 + 10 * MIN, "UTC").replace(/\u202f/g, " "),
      "A reminder: Étoile opens in 10 minutes, at 6:20 PM, right here during the show.",
    );
  });

  test("presenting from her script: each product on stage and pinned at its time, the oldest pin gives way", () => {
    const event = show({ role: "present", presenterName: null, script });
    const { said, actions, stage } = run(event, T0 - 15 * MIN, T0 + 7 * MIN);
    assert.deepEqual(
      said.map((s) => s.cue),
      ["welcome", "opening", "segment", "segment", "segment", "segment"],
    );
    assert.equal(said[2]?.at, T0 + 3000, "the first product follows the opening line after its hold");
    assert.match(said[2]?.en ?? "", /^First, The ring at \{\{price:1250000:EUR\}\}\.$/);
    assert.deepEqual(
      actions.filter((a) => a.at === T0 + 2 * MIN).map((a) => a.action),
      [
        { type: "show_product", productId: "necklace", variant: "gold" },
        { type: "pin", productId: "necklace" },
      ],
    );
    assert.deepEqual(
      actions.filter((a) => a.at === T0 + 6 * MIN).map((a) => a.action),
      [
        { type: "show_product", productId: "brooch", variant: null },
        { type: "unpin", productId: "ring" },
        { type: "pin", productId: "brooch" },
      ],
    );
    assert.equal(stage.onStage?.productId, "brooch");
    assert.deepEqual(stage.pinned, ["necklace", "earrings", "brooch"]);
  });

  test("presenting: the countdown cue starts it on stage, the reveal puts the drop's piece on stage", () => {
    const event = show({ role: "present", presenterName: null, script });
    const { said, stage, actions } = run(event, T0 + 9 * MIN, T0 + 21 * MIN);
    assert.deepEqual(
      said.slice(2).map((s) => [s.cue, s.at]),
      [
        ["dropSoon", T0 + 18 * MIN],
        ["countdown", T0 + 19 * MIN],
        ["dropMoments", T0 + 20 * MIN - 10_000],
        ["reveal", T0 + 20 * MIN],
      ],
    );
    // At the same instant the drop's reminder speaks first; the script's reminder once it is read.
    assert.deepEqual(
      said.slice(0, 2).map((s) => s.cue),
      ["dropSoon", "reminder"],
    );
    assert.equal(said[0]?.at, T0 + 10 * MIN);
    assert.ok((said[1]?.at ?? 0) >= T0 + 10 * MIN + 8000 && (said[1]?.at ?? 0) < T0 + 11 * MIN);
    assert.deepEqual(
      actions.filter((a) => a.at === T0 + 19 * MIN).map((a) => a.action),
      [{ type: "start_drop_countdown" }],
    );
    assert.equal(stage.dropCountdownEndsAt, T0 + 20 * MIN);
    assert.equal(stage.onStage?.productId, "star");
    assert.ok(stage.pinned.includes("star") && stage.pinned.length === 3);
  });

  test("a stage opened mid-show says nothing late, yet shows what the script has on stage by then", () => {
    const event = show({ role: "present", presenterName: null, script });
    const first = stepEventHost(
      createEventHostMemory(),
      event,
      { pinned: [], dropCountdownEndsAt: null },
      T0 + 7 * MIN,
    );
    assert.equal(first.memory.line, null, "no line from the past");
    const stage = run(event, T0 + 7 * MIN, T0 + 7 * MIN).stage;
    assert.equal(stage.onStage?.productId, "brooch");
    assert.deepEqual(stage.pinned, ["necklace", "earrings", "brooch"]);
    const { said } = run(event, T0 + 7 * MIN, T0 + 61 * MIN);
    const cues = said.map((s) => s.cue);
    assert.equal(new Set(cues).size, cues.length - 1, "only the two drop reminders share a kind");
    assert.ok(!cues.includes("welcome") && !cues.includes("segment"));
  });

  test("a drop outside the show gets no cue, and no line is ever said twice over a whole show", () => {
    const outside = show({
      drop: {
        id: "d",
        mode: "raffle",
        productId: "star",
        productName: { en: "Étoile" },
        publicStartsAt: T0 + 90 * MIN,
      },
    });
    const { said } = run(outside, T0 - 16 * MIN, T0 + 61 * MIN);
    assert.deepEqual(
      said.map((s) => s.cue),
      ["welcome", "opening", "closing"],
    );
    const full = run(
      show({ role: "present", presenterName: null, script }),
      T0 - 16 * MIN,
      T0 + 61 * MIN,
    ).said;
    assert.deepEqual(
      full.map((s) => s.cue),
      [
        ["welcome", "opening", "segment", "segment", "segment", "segment", "dropSoon", "reminder"],
        ["dropSoon", "countdown", "dropMoments", "reveal", "closing"],
      ].flat(),
    );
    // The two drop reminders share their words (their tokens render "in 10 minutes", "in 2 minutes").
    assert.equal(new Set(full.map((s) => s.en)).size, full.length - 1);
  });
});
