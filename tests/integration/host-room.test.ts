/**
 * The host in a real avenue room: visible in everyone's state, answering "when is the next drop"
 * from the drop schedule in the database, and walking its tour route when someone follows it.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { layoutAvenue } from "../../shared/avenue/layout.ts";
import { type ChatLine, HostHandoff } from "../../shared/host/chatMessages.ts";
import { HostInfo } from "../../shared/host/hostApi.ts";
import { HOST_MODES, HostAnim } from "../../shared/host/hostState.ts";
import { countdownToken, renderLine, timeToken } from "../../shared/host/lineTokens.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

function collectLines(room: AvenueTestRoom): ChatLine[] {
  const lines: ChatLine[] = [];
  room.onMessage("chatLine", (l: ChatLine) => lines.push(l));
  return lines;
}

describe("the host in the avenue room", () => {
  let server: TestServer;
  let a: AvenueTestRoom;
  let b: AvenueTestRoom;
  let aLines: ChatLine[];
  let bLines: ChatLine[];

  before(async () => {
    server = await startTestServer();
    a = await joinAvenue(server.url);
    b = await joinAvenue(server.url);
    aLines = collectLines(a);
    bLines = collectLines(b);
  });
  after(async () => {
    await leaveQuietly(a);
    await leaveQuietly(b);
    await server.stop();
  });

  test("everyone sees the host: name, place, mode and animation", async () => {
    await waitFor("the host in A's state", () => a.state.host?.name === "Céleste");
    await waitFor("the host in B's state", () => b.state.host?.name === "Céleste");
    const host = a.state.host;
    assert.ok(Number.isFinite(host.x) && Number.isFinite(host.z));
    assert.ok((HOST_MODES as readonly string[]).includes(host.mode), host.mode);
    assert.ok((Object.values(HostAnim) as number[]).includes(host.anim));
    const raw = (await (await fetch(`${server.url}/api/host`)).json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(raw).sort(), ["biography", "model", "name"]);
    const info = HostInfo.parse(raw);
    assert.match(info.biography.fr ?? "", /Céleste/);
    assert.equal(info.name, "Céleste");
    assert.equal(info.model, "/assets/avatars/RobotExpressive.glb");
  });

  test("asked when the next drop is, the host answers with the time from the drop schedule", async () => {
    const list = (await (await fetch(`${server.url}/api/drops`)).json()) as {
      drops: { id: string; title: { en: string }; publicStartsAt: string; earlyAccessStartsAt: string }[];
    };
    const now = Date.now();
    // The seed's drops: early access open now, public start later: the next opening is the public one.
    const next = list.drops
      .map((d) => ({ ...d, at: Date.parse(d.publicStartsAt) }))
      .filter((d) => d.at > now)
      .sort((x, y) => x.at - y.at || x.id.localeCompare(y.id))[0];
    assert.ok(next, "the seed schedules a drop");

    const lineIdBefore = a.state.host.lineId;
    a.send("chat", { text: "@host when is the next drop?", channel: "nearby", lang: "en" });
    await waitFor(
      "the host's answer",
      () => aLines.some((l) => l.from.kind === "host" && l.to === a.sessionId),
      20_000,
    );
    const answer = aLines.find((l) => l.from.kind === "host" && l.to === a.sessionId);
    assert.ok(answer?.localized);
    const readAt = Date.now();
    const seen = renderLine(answer.text, "en", readAt, "UTC");
    assert.ok(seen.includes(next.title.en), seen);
    assert.ok(
      seen.includes(renderLine(timeToken(next.at), "en", readAt, "UTC")),
      `${seen} names the opening time`,
    );
    assert.ok(seen.includes(`opens to everyone ${renderLine(countdownToken(next.at), "en", readAt)}`), seen);
    assert.match(answer.localized.fr, /ouvre à tous/);
    assert.match(answer.localized["zh-CN"], /开放/);

    // The bubble: the same line in the state, in every language, until lineUntil.
    await waitFor(
      "the line in the state",
      () => a.state.host.lineId > lineIdBefore && a.state.host.line.get("en") === answer.localized?.en,
    );
    assert.equal(a.state.host.line.get("de"), answer.localized.de);
    assert.ok(a.state.host.lineUntil > Date.now());
    // B, standing nearby, heard the question and the answer.
    await waitFor("B hears it", () => bLines.some((l) => l.id === answer.id));
    assert.ok(
      bLines.some((l) => l.from.sessionId === a.sessionId && l.text === "@host when is the next drop?"),
    );
  });

  test("a chat line not addressed to the host gets no answer", async () => {
    const before = aLines.filter((l) => l.from.kind === "host" && l.to === a.sessionId).length;
    a.send("chat", { text: "lovely windows tonight", channel: "shard", lang: "en" });
    await waitFor("the line", () => bLines.some((l) => l.text === "lovely windows tonight"));
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(aLines.filter((l) => l.from.kind === "host" && l.to === a.sessionId).length, before);
  });

  test("following the host starts its tour; another page sees it walk the route; leaving ends it", async () => {
    a.send("hostFollow", { follow: true });
    await waitFor("the tour in B's state", () => b.state.host.tourId === "grand-tour", 10_000);
    assert.equal(b.state.host.followers, 1);
    assert.equal(b.state.host.mode, "tour");
    const start = { x: b.state.host.x, z: b.state.host.z };
    // A keeps close to the host so that it does not stop to wait.
    const keepUp = setInterval(() => {
      const h = a.state.host;
      a.send("moveTo", { x: Math.max(-7, Math.min(7, h.x)), z: h.z + 1.5 });
    }, 400);
    try {
      await waitFor(
        "the host walks",
        () =>
          Math.hypot(b.state.host.x - start.x, b.state.host.z - start.z) > 3 &&
          b.state.host.anim === HostAnim.walk,
        30_000,
      );
      await waitFor(
        "the first stop presented",
        () => b.state.host.presentingProductId === "aubrelle-solitaire-etoile",
        60_000,
      );
      assert.equal(b.state.host.tourStop, 0);
      assert.equal(b.state.host.anim, HostAnim.present);
    } finally {
      clearInterval(keepUp);
    }
    a.send("hostFollow", { follow: false });
    await waitFor("the tour ends", () => b.state.host.tourId === "" && b.state.host.followers === 0, 10_000);
    assert.equal(b.state.host.presentingProductId, "");
  });

  test("when it does not know, the host offers the brand's advisor, and a yes takes the asker there", async () => {
    a.send("chat", { text: "@host how much is Aubrelle's diamond tiara?", channel: "nearby", lang: "en" });
    const offered = () =>
      aLines.find(
        (l) =>
          l.from.kind === "host" && l.to === a.sessionId && l.text.includes("Aubrelle Joaillerie's advisor"),
      );
    await waitFor("the offer", () => offered() !== undefined, 20_000);
    assert.equal(
      offered()?.text,
      "I'm afraid I don't know that. Shall I take you to Aubrelle Joaillerie's advisor?",
    );

    a.send("chat", { text: "yes please", channel: "nearby", lang: "en" });
    await waitFor(
      "the host accepts",
      () =>
        aLines.some(
          (l) => l.from.kind === "host" && l.text === "With pleasure: follow me to Aubrelle Joaillerie.",
        ),
      10_000,
    );
    const catalog = (await (await fetch(`${server.url}/api/catalog`)).json()) as { brands: { id: string }[] };
    const boutique = layoutAvenue(catalog.brands.map((x) => x.id)).boutiques.find(
      (x) => x.brandId === "aubrelle",
    );
    assert.ok(boutique);
    await waitFor(
      "the host at Aubrelle's door, pointing at it",
      () =>
        Math.hypot(b.state.host.x - boutique.door.x, b.state.host.z - boutique.door.z) < 3.5 &&
        b.state.host.anim === HostAnim.point,
      40_000,
    );
  });

  test("asked for a maison's advisor, the host hands the asker alone what it can offer, to book", async () => {
    const toA: unknown[] = [];
    const toB: unknown[] = [];
    a.onMessage("hostHandoff", (h: unknown) => toA.push(h));
    b.onMessage("hostHandoff", (h: unknown) => toB.push(h));
    a.send("chat", {
      text: "@host I would like to speak with the Aubrelle advisor",
      channel: "nearby",
      lang: "en",
    });
    await waitFor("A's hand-off", () => toA.length > 0, 20_000);
    const handoff = HostHandoff.parse(toA[0]);
    assert.equal(handoff.brandId, "aubrelle");
    const answer = aLines.find(
      (l) => l.from.kind === "host" && l.to === a.sessionId && /advisor/i.test(l.text),
    );
    assert.ok(answer, "the host's line about the advisor came with it");
    // B heard the line (nearby); a later line of A's reaching B proves nothing else was on its way.
    await waitFor("B hears the answer", () => bLines.some((l) => l.id === answer.id), 10_000);
    a.send("chat", { text: "merci", channel: "shard", lang: "en" });
    await waitFor("B hears A's next line", () => bLines.some((l) => l.text === "merci"), 10_000);
    assert.equal(toB.length, 0, "the hand-off goes to the asker only");
  });
});
