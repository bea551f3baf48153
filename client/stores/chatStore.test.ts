import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import type { ChatLine } from "../../shared/host/chatMessages.ts";
import { type ChatEntry, useChatStore } from "./chatStore.ts";

const localized = {
  en: "Welcome, Ada.",
  fr: "Bienvenue, Ada.",
  de: "Willkommen, Ada.",
  "zh-CN": "欢迎，Ada。",
};

function hostLine(id: string, at: number): ChatLine {
  return {
    id,
    channel: "nearby",
    at,
    from: { sessionId: "host", name: "Céleste", kind: "host" },
    text: localized.fr,
    localized,
    to: "me",
  };
}

function fromState(lineId: number, at: number): ChatEntry {
  return {
    id: `host-line-${lineId}`,
    at,
    channel: "nearby",
    from: { sessionId: "host", name: "Céleste", kind: "host" },
    text: localized.en,
    localized,
    private: false,
    fromState: true,
    receivedAt: at,
  };
}

beforeEach(() => {
  useChatStore.setState({ entries: [], muted: {}, refusal: null, reported: {}, reporting: {} });
});

test("a host line seen in the state and then as a message is logged once, as the reportable message (whatever the server's clock says)", () => {
  const chat = useChatStore.getState();
  chat.receiveHostLine(fromState(4, 1000));
  chat.receive(hostLine("room:7", 999_999), 1200);
  const entries = useChatStore.getState().entries;
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.id, "room:7");
  assert.equal(entries[0]?.private, true);
  assert.equal(entries[0]?.fromState, undefined);
});

test("the message first, then the state: still one entry", () => {
  const chat = useChatStore.getState();
  chat.receive(hostLine("room:8", 5), 1000);
  chat.receiveHostLine(fromState(5, 1100));
  assert.deepEqual(
    useChatStore.getState().entries.map((e) => e.id),
    ["room:8"],
  );
});

test("the same words said again later are a new line", () => {
  const chat = useChatStore.getState();
  chat.receiveHostLine(fromState(1, 1000));
  chat.receiveHostLine(fromState(2, 60_000));
  assert.equal(useChatStore.getState().entries.length, 2);
});

test("a repeated message id is ignored; the log keeps its newest 150 lines", () => {
  const chat = useChatStore.getState();
  const line = (i: number): ChatLine => ({
    id: `r:${i}`,
    channel: "shard",
    at: i,
    from: { sessionId: "s1", name: "Ada", kind: "guest" },
    text: `line ${i}`,
  });
  chat.receive(line(0));
  chat.receive(line(0));
  assert.equal(useChatStore.getState().entries.length, 1);
  for (let i = 1; i < 200; i++) chat.receive(line(i));
  const entries = useChatStore.getState().entries;
  assert.equal(entries.length, 150);
  assert.equal(entries[0]?.id, "r:50");
  assert.equal(entries.at(-1)?.id, "r:199");
});

test("mute and unmute a speaker; reports move from pending to acknowledged", () => {
  const chat = useChatStore.getState();
  chat.mute("s2", "Bob");
  assert.deepEqual(Object.keys(useChatStore.getState().muted), ["s2"]);
  chat.unmute("s2");
  assert.deepEqual(useChatStore.getState().muted, {});
  chat.markReporting("r:1");
  assert.equal(useChatStore.getState().reporting["r:1"], true);
  chat.markReported("r:1");
  assert.equal(useChatStore.getState().reporting["r:1"], undefined);
  assert.equal(useChatStore.getState().reported["r:1"], true);
});
