/**
 * Issue 10: text with NUL, lone surrogates, controls or bidi overrides is refused at the door
 * (HTTP: 400 with the error shape, nothing stored; rooms: a refusal, never delivered).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import type { ChatLine } from "../../shared/host/chatMessages.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

async function countUsers(server: TestServer): Promise<number> {
  const rows = await server.database.db.execute(sql`select count(*)::int as n from users`);
  return Number((rows as unknown as { rows: { n: number }[] }).rows[0]?.n);
}

describe("hostile text at the boundaries", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
  });

  for (const [what, displayName] of [
    ["NUL", "Eve\u0000"],
    ["a lone surrogate", "Eve\uD800"],
    ["a bidi override", "Eve\u202Egnp.exe"],
    ["a control character", "Eve\u001B[31m"],
  ] as const) {
    test(`sign-up with ${what} in the display name answers 400 and stores nothing`, async () => {
      const before = await countUsers(server);
      const res = await fetch(`${server.url}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "eve@example.com", password: "a long Passphrase 42!", displayName }),
      });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, "validation_failed");
      assert.equal(await countUsers(server), before);
    });
  }

  test("NUL in a field no schema names (an unknown key) is refused as validation_failed", async () => {
    const res = await fetch(`${server.url}/api/auth/signin`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "a@b.co", password: "x", "k\u0000": 1 }),
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "validation_failed");
  });

  describe("chat", () => {
    let speaker: AvenueTestRoom;
    let listener: AvenueTestRoom;
    const heard: ChatLine[] = [];
    const errors: { code: string; message: string }[] = [];
    before(async () => {
      speaker = await joinAvenue(server.url);
      listener = await joinAvenue(server.url, { roomId: speaker.roomId });
      speaker.onMessage("error", (e: { code: string; message: string }) => errors.push(e));
      for (const room of [speaker, listener]) {
        room.onMessage("chatRefused", () => {});
        room.onMessage("catalogChanged", () => {});
      }
      listener.onMessage("chatLine", (l: ChatLine) => heard.push(l));
      listener.onMessage("error", () => {});
      await waitFor("both placed", () => listener.state.avatars.size >= 2);
    });
    after(async () => {
      await leaveQuietly(speaker);
      await leaveQuietly(listener);
    });

    test("a chat line with NUL is refused, never delivered; a clean one after it is", async () => {
      speaker.send("chat", { text: "hello\u0000world", channel: "shard", lang: "en" });
      speaker.send("chat", { text: "bidi \u202Eevil", channel: "shard", lang: "en" });
      speaker.send("chat", { text: "hello world", channel: "shard", lang: "en" });
      await waitFor("the clean line arrives", () => heard.some((l) => l.text === "hello world"));
      await waitFor("two refusals", () => errors.length >= 2);
      // Only the clean line of the speaker's three was delivered (the host may greet in between).
      const fromSpeaker = heard.filter((l) => /hello|evil/.test(l.text));
      assert.deepEqual(
        fromSpeaker.map((l) => l.text),
        ["hello world"],
        "only the clean line was delivered",
      );
      assert.match(errors[0]?.message ?? "", /NUL/);
      assert.match(errors[1]?.message ?? "", /text-direction/);
    });
  });
});
