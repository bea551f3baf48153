import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  createDropHostMemory,
  DROP_HOST_COUNTDOWN_MS,
  DROP_HOST_MIN_GAP_MS,
  type DropHostDrop,
  type DropHostMemory,
  stepDropHost,
} from "./dropHost.ts";
import { HostAnim } from "./hostState.ts";
import { renderLine } from "./lineTokens.ts";

const MIN = 60_000;
const T0 = Date.parse("2026-12-01T18:00:00Z");

function fcfs(over: Partial<DropHostDrop> = {}): DropHostDrop {
  return {
    mode: "fcfs",
    earlyAccessStartsAt: T0 - 30 * MIN,
    publicStartsAt: T0,
    endsAt: T0 + 60 * MIN,
    entriesCloseAt: 0,
    stock: 10,
    remaining: 10,
    soldOutAt: 0,
    drawnAt: 0,
    productName: { en: "Comet Ring", fr: "Bague Comète" },
    ...over,
  };
}

/** Runs the host on a 250 ms tick from `from` to `to` (a controllable clock) and lists the lines said. */
function run(
  memory: DropHostMemory,
  drop: DropHostDrop | ((now: number) => DropHostDrop),
  from: number,
  to: number,
): { memory: DropHostMemory; said: { at: number; moment: string; en: string }[] } {
  const said: { at: number; moment: string; en: string }[] = [];
  let m = memory;
  for (let now = from; now <= to; now += 250) {
    const next = stepDropHost(m, typeof drop === "function" ? drop(now) : drop, now);
    if (next.lineId !== m.lineId) said.push({ at: now, moment: next.moment ?? "", en: next.line?.en ?? "" });
    m = next;
  }
  return { memory: m, said };
}

describe("the host on a drop's stage (pure, controllable clock)", () => {
  test("welcomes when the room opens, with the reveal time as tokens every reader formats", () => {
    const m = stepDropHost(createDropHostMemory(), fcfs(), T0 - 45 * MIN);
    assert.equal(m.moment, "welcome");
    assert.equal(m.lineId, 1);
    assert.equal(m.anim, HostAnim.wave);
    assert.equal(m.mode, "greet");
    const fr = renderLine(m.line?.fr ?? "", "fr", T0 - 45 * MIN, "Europe/Paris");
    assert.match(fr, /^Bienvenue\. Bague Comète sera dévoilé dans 45 minutes, à 19:00/);
    assert.match(m.line?.de ?? "", /Comet Ring/, "a missing locale falls back to the English name");
    assert.ok(m.line?.["zh-CN"]);
  });

  test("early access, then the ten-second line, then the reveal exactly at the public start", () => {
    const { memory, said } = run(createDropHostMemory(), fcfs(), T0 - 45 * MIN, T0 + 5000);
    assert.deepEqual(
      said.map((s) => [s.moment, s.at]),
      [
        ["welcome", T0 - 45 * MIN],
        ["earlyAccess", T0 - 30 * MIN],
        ["countdown", T0 - DROP_HOST_COUNTDOWN_MS],
        ["reveal", T0],
      ],
    );
    assert.match(said[1]?.en ?? "", /pass holders first/);
    assert.equal(memory.moment, "reveal");
    assert.equal(memory.anim, HostAnim.present);
    assert.equal(memory.mode, "present");
    assert.match(memory.line?.en ?? "", /^Here it is: Comet Ring\./);
    assert.match(memory.line?.fr ?? "", /Bague Comète/);
  });

  test("the reveal is on time even right after another line (timed moments skip the gap)", () => {
    const early = stepDropHost(createDropHostMemory(), fcfs(), T0 - 20 * MIN);
    assert.equal(early.moment, "earlyAccess");
    const countdown = stepDropHost(early, fcfs(), T0 - 3000);
    assert.equal(countdown.moment, "countdown", "a room opened late still says the countdown");
    const reveal = stepDropHost(countdown, fcfs(), T0);
    assert.equal(reveal.moment, "reveal");
  });

  test("a room opening after the public start skips the past moments and reveals", () => {
    const m = stepDropHost(createDropHostMemory(), fcfs(), T0 + 2 * MIN);
    assert.equal(m.moment, "reveal");
    const later = run(m, fcfs(), T0 + 2 * MIN, T0 + 5 * MIN);
    assert.deepEqual(later.said, [], "never the welcome or the early-access line after the reveal");
  });

  test("stock remarks: half gone, then the last pieces, each once, never cutting the reveal", () => {
    const stockAt = (now: number) => fcfs({ remaining: now < T0 + 30_000 ? 10 : now < T0 + 60_000 ? 4 : 1 });
    const { said } = run(stepDropHost(createDropHostMemory(), fcfs(), T0), stockAt, T0, T0 + 3 * MIN);
    assert.deepEqual(
      said.map((s) => s.moment),
      ["half", "lastPieces"],
    );
    assert.ok((said[0]?.at ?? 0) >= T0 + 20_000, "the half line waits for the reveal to be read");
    assert.match(said[1]?.en ?? "", /only 1 left/);
    // Stock going back up (a hold expired) and down again never repeats a remark.
    const again = run(
      stepDropHost(createDropHostMemory(), fcfs(), T0),
      (now) => fcfs({ remaining: [4, 6, 4][Math.floor((now - T0) / 30_000) % 3] ?? 4 }),
      T0,
      T0 + 3 * MIN,
    );
    assert.equal(again.said.filter((s) => s.moment === "half").length, 1);
  });

  test("lines that are not timed keep a minimum gap", () => {
    const welcomed = stepDropHost(createDropHostMemory(), fcfs(), T0 - 30 * MIN - 1000);
    assert.equal(welcomed.moment, "welcome");
    const { said } = run(welcomed, fcfs(), T0 - 30 * MIN - 1000, T0 - 29 * MIN);
    assert.equal(said.length, 1);
    assert.equal(said[0]?.moment, "earlyAccess");
    assert.ok((said[0]?.at ?? 0) - (T0 - 30 * MIN - 1000) >= DROP_HOST_MIN_GAP_MS);
    assert.ok((said[0]?.at ?? 0) >= welcomed.lineUntil, "the welcome is read before the next line");
  });

  test("sold out: a gracious line at once, even mid-line, then nothing more about stock", () => {
    const half = run(
      stepDropHost(createDropHostMemory(), fcfs(), T0),
      fcfs({ remaining: 5 }),
      T0,
      T0 + 30_000,
    ).memory;
    assert.equal(half.moment, "half");
    const soldAt = half.lastLineAt + 1000;
    const sold = stepDropHost(half, fcfs({ remaining: 0, soldOutAt: soldAt }), soldAt);
    assert.equal(sold.moment, "soldOut");
    assert.match(sold.line?.en ?? "", /^Sold out\. Thank you/);
    assert.match(sold.line?.fr ?? "", /^Épuisé\. Merci/);
    assert.equal(sold.anim, HostAnim.wave);
    const after = run(sold, fcfs({ remaining: 0, soldOutAt: soldAt }), soldAt, T0 + 10 * MIN);
    assert.deepEqual(after.said, []);
    assert.equal(after.memory.anim, HostAnim.idle, "idles once the line is read");
  });

  test("sold out during early access: no reveal at the public start", () => {
    const drop = fcfs({ remaining: 0, soldOutAt: T0 - 10 * MIN });
    const { said } = run(createDropHostMemory(), drop, T0 - 11 * MIN, T0 + MIN);
    assert.deepEqual(
      said.map((s) => s.moment),
      ["earlyAccess", "soldOut"],
    );
  });

  test("a raffle: the reveal names the entry deadline, then entries close, then the draw, then the close", () => {
    const raffle = (now: number) =>
      fcfs({
        mode: "raffle",
        entriesCloseAt: T0 + 20 * MIN,
        drawnAt: now >= T0 + 25 * MIN ? T0 + 25 * MIN : 0,
      });
    const { said } = run(createDropHostMemory(), raffle, T0 - MIN, T0 + 61 * MIN);
    assert.deepEqual(
      said.map((s) => [s.moment, s.at]),
      [
        ["earlyAccess", T0 - MIN],
        ["countdown", T0 - DROP_HOST_COUNTDOWN_MS],
        ["reveal", T0],
        ["entriesClosed", T0 + 20 * MIN],
        ["drawn", T0 + 25 * MIN],
        ["ended", T0 + 60 * MIN],
      ],
    );
    assert.match(renderLine(said[2]?.en ?? "", "en", T0, "UTC"), /until 6:20\s?PM; the draw follows/);
    assert.match(said[4]?.en ?? "", /draw is done/);
  });

  test("never repeats a line: each moment at most once over a whole drop", () => {
    const { said } = run(
      createDropHostMemory(),
      (now) => fcfs({ remaining: Math.max(0, 10 - Math.floor(Math.max(0, now - T0) / 20_000)) }),
      T0 - 40 * MIN,
      T0 + 61 * MIN,
    );
    const moments = said.map((s) => s.moment);
    assert.equal(new Set(moments).size, moments.length);
    assert.ok(moments.includes("reveal") && moments.includes("ended"));
  });
});
