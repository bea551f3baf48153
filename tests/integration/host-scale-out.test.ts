/**
 * The host across two processes on one PostgreSQL and one Redis: a script edited through one
 * process reaches an avenue room running in the other, and the platform script is seeded once.
 * Needs TEST_DATABASE_URL and TEST_REDIS_URL (`.ci/run` sets both).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import pg from "pg";
import { AvenueState } from "../../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import type { ChatLine } from "../../shared/host/chatMessages.ts";
import { type ScaledOutPair, type ServerProcess, startScaledOutPair } from "../helpers/processes.ts";
import { waitFor } from "../helpers/server.ts";

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const skip =
  !databaseUrl || !redisUrl
    ? "TEST_DATABASE_URL and TEST_REDIS_URL not both set: host scale-out test skipped"
    : false;

describe("host scripts across processes (PostgreSQL and Redis)", { skip }, () => {
  const processes: ServerProcess[] = [];
  let pair: ScaledOutPair | undefined;

  before(async () => {
    if (!databaseUrl || !redisUrl) return;
    pair = await startScaledOutPair("host", databaseUrl, redisUrl);
    processes.push(...pair.processes);
  });

  after(async () => {
    await pair?.stop();
  });

  test("a script saved through one process reaches the room in the other", async () => {
    const [one, two] = processes;
    assert.ok(one && two);
    const rows = new pg.Client({ connectionString: pair?.databaseUrl });
    await rows.connect();
    const seeded = await rows.query("select scope, version from host_scripts");
    await rows.end();
    assert.deepEqual(
      seeded.rows,
      [{ scope: "platform", version: 1 }],
      "seeded once by two starting processes",
    );

    const room = await new Client(two.url).joinOrCreate(
      "avenue",
      { protocol: PROTOCOL_VERSION },
      AvenueState,
    );
    const lines: ChatLine[] = [];
    room.onMessage("chatLine", (l: ChatLine) => lines.push(l));
    try {
      await waitFor("the host", () => room.state.host?.name === "Céleste", 10_000);
      const signin = await fetch(`${one.url}/api/auth/signin`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "admin@vitrine.demo", password: "vitrine-admin-1" }),
      });
      const cookie = (signin.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const current = (await (await fetch(`${one.url}/api/host/script`, { headers: { cookie } })).json()) as {
        script: { host: { name: string }; faq: unknown[] };
      };
      const script = structuredClone(current.script);
      script.host.name = "Maëlle";
      script.faq.push({
        id: "gift-wrapping",
        questions: { en: ["Do you gift wrap?", "Can my order be wrapped as a present?"] },
        answer: { en: "Every maison wraps its pieces as gifts, with a handwritten card." },
      });
      const put = await fetch(`${one.url}/api/host/script`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(script),
      });
      assert.equal(put.status, 200);
      await waitFor("the new name in process two's room", () => room.state.host.name === "Maëlle", 15_000);
      room.send("chat", { text: "@Maëlle do you gift wrap?", channel: "shard", lang: "en" });
      await waitFor(
        "the new FAQ answered by process two",
        () => lines.some((l) => l.from.kind === "host" && l.text.startsWith("Every maison wraps")),
        30_000,
      );
    } finally {
      await room.leave().catch(() => undefined);
    }
  });
});
