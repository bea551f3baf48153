/**
 * Issue 10: every refused room message is at most one short line in the log (no stack), and the
 * lines are capped by a token bucket per process (refusals, shared by every room) and per process (Colyseus' own errors),
 * with the held-back count on the next line written. 10,000 fuzzed messages make a bounded number
 * of lines, and the room carries on.
 */
import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import type { Client } from "@colyseus/core";
import { colyseusLogger, setLogDestination, setLogLevel } from "../../server/observability/log.ts";
import { LogBudget, REFUSAL_LOG_BUDGET } from "../../server/observability/logBudget.ts";
import { guardedMessages, MessageGuard } from "../../server/rooms/kernel/messageGuard.ts";
import { AvenueProtocol } from "../../shared/avenue/protocol.ts";
import { joinAvenue, leaveQuietly, startTestServer, type TestServer, waitFor } from "../helpers/server.ts";

type Line = { level: string; msg: string; suppressed?: number; component?: string };

/** Collects the process' log lines as parsed JSON. */
function captureLines(): Line[] {
  const lines: Line[] = [];
  setLogDestination({
    write: (chunk: string) => {
      for (const text of chunk.split("\n")) if (text) lines.push(JSON.parse(text) as Line);
    },
  });
  return lines;
}

afterEach(() => {
  setLogDestination(null);
  setLogLevel("warn");
});

/** A Colyseus client as the guard sees it: what it is sent and whether it was closed. */
function fakeClient(sessionId: string): Client & { sent: unknown[]; closed: boolean } {
  const client = {
    sessionId,
    sent: [] as unknown[],
    closed: false,
    send(_type: string, message: unknown) {
      client.sent.push(message);
    },
    leave() {
      client.closed = true;
    },
  };
  return client as unknown as Client & { sent: unknown[]; closed: boolean };
}

const FUZZ: unknown[] = [
  null,
  "\u0000",
  "\ud800",
  { x: "NaN", z: Number.POSITIVE_INFINITY },
  { text: "\u202e".repeat(5000) },
  { __proto__: { polluted: true }, constructor: { prototype: {} } },
  JSON.parse("[".repeat(200) + "]".repeat(200)),
  -1,
  true,
];

describe("log budget", () => {
  test("a budget lets its burst through, then its rate, and counts the lines held back", () => {
    let now = 0;
    const budget = new LogBudget({ burst: 3, perSecond: 2, now: () => now });
    const taken = Array.from({ length: 10 }, () => budget.take());
    assert.equal(taken.filter(Boolean).length, 3);
    now += 500; // one token back
    assert.deepEqual(budget.take(), { suppressed: 7 });
    assert.equal(budget.take(), null);
    now += 60_000; // refills to the burst, never beyond
    assert.equal(Array.from({ length: 10 }, () => budget.take()).filter(Boolean).length, 3);
  });

  test("10,000 fuzzed messages through a room's guard make at most the budget's burst of short lines", () => {
    setLogLevel("info");
    const lines = captureLines();
    let now = 0;
    const guard = new MessageGuard(new LogBudget({ ...REFUSAL_LOG_BUDGET, now: () => now }));
    const handled: unknown[] = [];
    const handlers = Object.fromEntries(
      Object.keys(AvenueProtocol.client).map((type) => [type, (_c: Client, m: unknown) => handled.push(m)]),
    ) as unknown as Parameters<typeof guardedMessages<typeof AvenueProtocol.client>>[1];
    const messages = guardedMessages(AvenueProtocol.client, handlers, guard);
    const types = [...Object.keys(AvenueProtocol.client), "_"];
    const clients = Array.from({ length: 2000 }, (_, i) => fakeClient(`s${i}`));
    for (let i = 0; i < 10_000; i++) {
      const client = clients[i % clients.length] as Client;
      const type = types[i % types.length] as string;
      const payload = FUZZ[i % FUZZ.length];
      const handler = messages[type] as (client: Client, ...args: unknown[]) => void;
      if (type === "_") handler(client, `nope${i}`, payload);
      else handler(client, payload);
    }
    assert.equal(handled.length, 0, "no fuzzed payload reached a handler");
    assert.ok(
      clients.every((c) => c.sent.length === 5 && c.closed),
      "each client told and closed",
    );
    const refusals = lines.filter((l) => l.component === "rooms");
    assert.equal(refusals.length, REFUSAL_LOG_BUDGET.burst);
    for (const line of refusals) {
      assert.ok(!line.msg.includes("\n"), "one line, no stack");
      assert.ok(line.msg.length <= 201, `short line (${line.msg.length})`);
    }
    now += 1000; // a second later the next refusal is written, with the count held back
    guard.refuse(fakeClient("late"), "Message refused: late", []);
    const last = lines.at(-1);
    assert.equal(last?.suppressed, 10_000 - REFUSAL_LOG_BUDGET.burst);
  });

  test("Colyseus' decode errors (whole stacks) become short lines within the process budget", () => {
    setLogLevel("info");
    const lines = captureLines();
    let now = 0;
    const logger = colyseusLogger(new LogBudget({ burst: 20, perSecond: 5, now: () => now }));
    const stack = new RangeError("Offset is outside the bounds of the DataView").stack ?? "";
    assert.ok(stack.includes("\n    at "));
    for (let i = 0; i < 10_000; i++) logger.error(stack);
    assert.equal(lines.length, 20);
    assert.ok(lines.every((l) => !l.msg.includes("\n") && l.msg.startsWith("RangeError: Offset")));
    now += 200;
    logger.error(stack);
    assert.equal(lines.at(-1)?.suppressed, 10_000 - 20);
  });
});

describe("refused messages on a real server", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ LOG_LEVEL: "info" });
  });
  after(async () => {
    await server.stop();
  });

  test("a flood of bad messages from many clients is a bounded number of lines; the room carries on", async () => {
    const lines = captureLines();
    setLogLevel("info");
    const started = Date.now();
    let sent = 0;
    for (let c = 0; c < 30; c++) {
      const room = await joinAvenue(server.url);
      room.onMessage("*", () => {});
      for (let i = 0; i < 10; i++, sent++) room.send(i % 2 ? "move" : "nope", FUZZ[i % FUZZ.length]);
      await waitFor("the flooding client closed", () => !room.connection.isOpen, 5000);
      await leaveQuietly(room);
    }
    const seconds = (Date.now() - started) / 1000;
    const refusals = lines.filter((l) => l.component === "rooms");
    assert.ok(refusals.length >= 1, "refusals are logged");
    const bound = REFUSAL_LOG_BUDGET.burst + Math.ceil(seconds * REFUSAL_LOG_BUDGET.perSecond) + 1;
    assert.ok(refusals.length <= bound, `${refusals.length} lines for ${sent} messages (bound ${bound})`);
    assert.ok(
      lines.every((l) => !l.msg.includes("\n    at ")),
      "no stack in any line",
    );
    // The room still admits and serves a well-behaved visitor.
    const visitor = await joinAvenue(server.url);
    await waitFor("the visitor sees the avenue state", () => visitor.state.avatars !== undefined);
    assert.ok(visitor.connection.isOpen);
    await leaveQuietly(visitor);
  });
});
