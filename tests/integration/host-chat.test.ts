/**
 * Avenue chat through a real room: length limit, per-person rate limit, profanity masked in every
 * served language before anyone sees it, nearby and shard channels, and reports stored with the
 * server's own copy of the line.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { CHAT_RATE_POINTS } from "../../server/host/chatSafety.ts";
import {
  CHAT_MAX_LENGTH,
  CHAT_NEARBY_RADIUS,
  type ChatLine,
  type ChatRefused,
} from "../../shared/host/chatMessages.ts";
import { ChatReportList } from "../../shared/host/hostApi.ts";
import { poseOf } from "../../shared/walking/avatarState.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

type Inbox = { lines: ChatLine[]; refused: ChatRefused[]; reported: string[]; errors: { code: string }[] };

function inbox(room: AvenueTestRoom): Inbox {
  const box: Inbox = { lines: [], refused: [], reported: [], errors: [] };
  room.onMessage("chatLine", (l: ChatLine) => box.lines.push(l));
  room.onMessage("chatRefused", (r: ChatRefused) => box.refused.push(r));
  room.onMessage("chatReported", (r: { messageId: string }) => box.reported.push(r.messageId));
  room.onMessage("error", (e: { code: string }) => box.errors.push(e));
  room.onMessage("catalogChanged", () => {});
  return box;
}

async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(res.status, 200, `${email} signs in`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("avenue chat (real room)", () => {
  let server: TestServer;
  let a: AvenueTestRoom;
  let b: AvenueTestRoom;
  let c: AvenueTestRoom;
  let ab: Inbox;
  let bb: Inbox;
  let cb: Inbox;
  let adminCookie: string;

  before(async () => {
    server = await startTestServer();
    const shopperCookie = await signIn(server.url, "shopper@vitrine.demo", "vitrine-shopper-1");
    adminCookie = await signIn(server.url, "admin@vitrine.demo", "vitrine-admin-1");
    a = await joinAvenue(server.url, { cookie: shopperCookie });
    b = await joinAvenue(server.url);
    c = await joinAvenue(server.url);
    ab = inbox(a);
    bb = inbox(b);
    cb = inbox(c);
    await waitFor("everyone placed", () => a.state.avatars.size >= 1 && b.state.host.name !== "");
  });
  after(async () => {
    for (const r of [a, b, c]) await leaveQuietly(r);
    await server.stop();
  });

  test("a line reaches people nearby with its speaker and position; empty and overlong lines are refused", async () => {
    b.send("chat", { text: "  Bonsoir à tous  ", channel: "nearby", lang: "fr" });
    await waitFor("A hears B", () => ab.lines.some((l) => l.text === "Bonsoir à tous"));
    const line = ab.lines.find((l) => l.text === "Bonsoir à tous");
    assert.equal(line?.from.sessionId, b.sessionId);
    assert.equal(line?.from.kind, "guest");
    assert.equal(line?.channel, "nearby");
    assert.ok(Number.isFinite(line?.x) && Number.isFinite(line?.z));

    b.send("chat", { text: "x".repeat(CHAT_MAX_LENGTH + 1), channel: "nearby", lang: "en" });
    b.send("chat", { text: "   ", channel: "nearby", lang: "en" });
    await waitFor("two refusals", () => bb.refused.length >= 2);
    assert.deepEqual(
      bb.refused.map((r) => r.code),
      ["too_long", "empty"],
    );
    assert.match(bb.refused[0]?.message ?? "", /280/);
    b.send("chat", { text: "y".repeat(CHAT_MAX_LENGTH), channel: "nearby", lang: "en" });
    await waitFor("the longest line passes", () => ab.lines.some((l) => l.text.length === CHAT_MAX_LENGTH));
    bb.refused.length = 0;
  });

  test("profanity is masked before anyone sees it, in English, French, German and Chinese", async () => {
    c.send("chat", {
      text: "what the fuck, c'est de la merde, so ein Arschloch, 你是傻逼",
      channel: "nearby",
      lang: "en",
    });
    await waitFor("A sees the line", () => ab.lines.some((l) => l.from.sessionId === c.sessionId));
    const seen = ab.lines.find((l) => l.from.sessionId === c.sessionId)?.text ?? "";
    assert.equal(seen, "what the f***, c'est de la m****, so ein A********, 你是傻*");
    c.send("chat", {
      text: "Arsenic and Scunthorpe, a lotion 乳液 for the skin 皮肤",
      channel: "nearby",
      lang: "en",
    });
    await waitFor("A sees the clean line", () => ab.lines.some((l) => l.text.startsWith("Arsenic")));
    assert.equal(
      ab.lines.find((l) => l.text.startsWith("Arsenic"))?.text,
      "Arsenic and Scunthorpe, a lotion 乳液 for the skin 皮肤",
    );
  });

  test("each person may say only so many lines in a window: the rest are refused with a retry time", async () => {
    const before = bb.lines.filter(
      (l) => l.from.sessionId === c.sessionId && l.text.startsWith("rate "),
    ).length;
    assert.equal(before, 0);
    for (let i = 0; i < CHAT_RATE_POINTS + 3; i++)
      c.send("chat", { text: `rate ${i}`, channel: "shard", lang: "en" });
    await waitFor("refusals", () => cb.refused.filter((r) => r.code === "rate_limited").length >= 3);
    await waitFor(
      "every line answered",
      () =>
        bb.lines.filter((l) => l.from.sessionId === c.sessionId && l.text.startsWith("rate ")).length +
          cb.refused.filter((r) => r.code === "rate_limited").length ===
        CHAT_RATE_POINTS + 3,
    );
    const delivered = bb.lines.filter((l) => l.from.sessionId === c.sessionId && l.text.startsWith("rate "));
    // Earlier lines of C in this window count too: at most CHAT_RATE_POINTS get through.
    assert.ok(delivered.length <= CHAT_RATE_POINTS && delivered.length >= 1, `${delivered.length} delivered`);
    assert.equal(
      delivered.length + cb.refused.filter((r) => r.code === "rate_limited").length,
      CHAT_RATE_POINTS + 3,
      "every line is either delivered or refused",
    );
    const refusal = cb.refused.find((r) => r.code === "rate_limited");
    assert.ok((refusal?.retryAfterMs ?? 0) > 0);
    // Another person is not limited by C's flood.
    b.send("chat", { text: "still here", channel: "shard", lang: "en" });
    await waitFor("B's line passes", () => ab.lines.some((l) => l.text === "still here"));
  });

  test("nearby lines stay near; shard lines reach everyone", async () => {
    // B walks to the far end of the avenue.
    b.send("moveTo", { x: 0, z: -30 });
    await waitFor(
      "B far from A",
      () => {
        const sa = a.state.avatars.get(a.sessionId);
        const sb = b.state.avatars.get(b.sessionId);
        const pa = sa && poseOf(sa);
        const pb = sb && poseOf(sb);
        return !!pa && !!pb && Math.hypot(pa.x - pb.x, pa.z - pb.z) > CHAT_NEARBY_RADIUS + 2;
      },
      30_000,
    );
    a.send("chat", { text: "only for those near me", channel: "nearby", lang: "en" });
    a.send("chat", { text: "for the whole avenue", channel: "shard", lang: "en" });
    await waitFor("B hears the shard line", () => bb.lines.some((l) => l.text === "for the whole avenue"));
    await waitFor("C hears both", () => cb.lines.some((l) => l.text === "only for those near me"));
    assert.equal(
      bb.lines.some((l) => l.text === "only for those near me"),
      false,
      "B is too far for the nearby line",
    );
    const shard = bb.lines.find((l) => l.text === "for the whole avenue");
    assert.equal(shard?.from.kind, "shopper");
    assert.equal(shard?.channel, "shard");
  });

  test("a report stores the server's copy of the line; moderators read it; unknown lines and forged text are refused", async () => {
    const offending = ab.lines.find((l) => l.from.sessionId === c.sessionId && l.text.includes("f***"));
    assert.ok(offending);
    a.send("chatReport", { messageId: offending.id, reason: "insults" });
    await waitFor("the acknowledgement", () => ab.reported.includes(offending.id));

    a.send("chatReport", { messageId: "nope:1" });
    await waitFor("unknown line refused", () => ab.refused.some((r) => r.code === "invalid"));
    // The text of a report never comes from the client: a payload carrying one is refused.
    a.send("chatReport", { messageId: offending.id, text: "something C never said" });
    await waitFor("forged report refused", () => ab.errors.some((e) => e.code === "invalid_message"));

    const anon = await fetch(`${server.url}/api/moderation/chat-reports`);
    assert.equal(anon.status, 401);
    const res = await fetch(`${server.url}/api/moderation/chat-reports`, {
      headers: { cookie: adminCookie },
    });
    assert.equal(res.status, 200);
    const { reports } = ChatReportList.parse(await res.json());
    assert.equal(reports.length, 1);
    const report = reports[0];
    assert.equal(report?.message, offending.text, "the line as the server sent it");
    assert.equal(report?.messageId, offending.id);
    assert.equal(report?.authorName, offending.from.name);
    assert.equal(report?.reporterName, "Camille Laurent");
    assert.equal(report?.reason, "insults");
    assert.equal(report?.channel, "nearby");
    assert.equal(report?.status, "open");
    assert.equal(report?.roomId, a.roomId);
  });
});
