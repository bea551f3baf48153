import { create } from "zustand";
import type {
  ChatChannel,
  ChatLine,
  ChatRefused,
  ChatSpeakerKind,
  LocalizedLine,
} from "../../shared/host/chatMessages.ts";

/** Lines kept in the log; older ones scroll away for good. */
const LOG_LIMIT = 150;
const MUTE_KEY = "vitrine.chat.muted";
/** A mute is remembered this long (session ids live as long as a visit, plus reconnections). */
const MUTE_TTL_MS = 24 * 60 * 60 * 1000;
/** A host line that arrives both as state and as a chat line within this gap is logged once. */
const HOST_DEDUPE_MS = 15_000;

/** One entry of the chat log. Host lines keep every locale; the log renders the reader's. */
export type ChatEntry = {
  id: string;
  at: number;
  channel: ChatChannel;
  from: { sessionId: string; name: string; kind: ChatSpeakerKind };
  text: string;
  localized?: LocalizedLine;
  /** A private answer meant for this reader only. */
  private: boolean;
  /** Host lines that came from the room's state (a bubble) rather than as a chat message. */
  fromState?: boolean;
  /** This page's clock when the line arrived (the server's `at` may be skewed from it). */
  receivedAt: number;
};

export type ChatRefusal = ChatRefused & { at: number };

type MutedRecord = { name: string; at: number };

export type ChatStore = {
  entries: ChatEntry[];
  channel: ChatChannel;
  /** Muted speakers by session id (their lines and bubbles are hidden here only). */
  muted: Record<string, MutedRecord>;
  refusal: ChatRefusal | null;
  /** Message ids this reader reported (acknowledged by the server). */
  reported: Record<string, true>;
  /** Message ids whose report is on its way. */
  reporting: Record<string, true>;
  setChannel: (channel: ChatChannel) => void;
  receive: (line: ChatLine, now?: number) => void;
  receiveHostLine: (entry: ChatEntry) => void;
  refuse: (refused: ChatRefused) => void;
  clearRefusal: () => void;
  mute: (sessionId: string, name: string) => void;
  unmute: (sessionId: string) => void;
  markReporting: (messageId: string) => void;
  markReported: (messageId: string) => void;
  clear: () => void;
};

function loadMuted(): Record<string, MutedRecord> {
  try {
    const raw = globalThis.localStorage?.getItem(MUTE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    const now = Date.now();
    const out: Record<string, MutedRecord> = {};
    if (parsed && typeof parsed === "object") {
      for (const [id, v] of Object.entries(parsed as Record<string, unknown>)) {
        const r = v as Partial<MutedRecord> | null;
        if (r && typeof r.name === "string" && typeof r.at === "number" && now - r.at < MUTE_TTL_MS)
          out[id] = { name: r.name, at: r.at };
      }
    }
    return out;
  } catch {
    return {};
  }
}

function saveMuted(muted: Record<string, MutedRecord>): void {
  try {
    globalThis.localStorage?.setItem(MUTE_KEY, JSON.stringify(muted));
  } catch {
    // private mode: the mute lasts for this page only
  }
}

function append(entries: ChatEntry[], entry: ChatEntry): ChatEntry[] {
  const next = entries.length >= LOG_LIMIT ? entries.slice(entries.length - LOG_LIMIT + 1) : [...entries];
  next.push(entry);
  return next;
}

/** Whether the log already holds this host line (it can arrive as state and as a chat message). */
function hasHostTwin(entries: ChatEntry[], entry: ChatEntry): boolean {
  const key = entry.localized?.en ?? entry.text;
  for (let i = entries.length - 1; i >= 0 && i >= entries.length - 12; i--) {
    const e = entries[i];
    if (e?.from.kind !== "host") continue;
    if (Math.abs(e.receivedAt - entry.receivedAt) > HOST_DEDUPE_MS) continue;
    if ((e.localized?.en ?? e.text) === key) return true;
  }
  return false;
}

/**
 * The chat as this reader sees it: the log (nearby, shard and host lines), the channel they write
 * to, who they muted, the last refusal and their reports. Network binding: client/net/avenueChat.ts.
 */
export const useChatStore = create<ChatStore>((set, get) => ({
  entries: [],
  channel: "nearby",
  muted: loadMuted(),
  refusal: null,
  reported: {},
  reporting: {},
  setChannel: (channel) => set({ channel }),
  receive: (line, now = Date.now()) => {
    const entry: ChatEntry = {
      receivedAt: now,
      id: line.id,
      at: line.at,
      channel: line.channel,
      from: line.from,
      text: line.text,
      localized: line.localized,
      private: line.to !== undefined,
    };
    const { entries } = get();
    if (entries.some((e) => e.id === entry.id)) return;
    if (entry.from.kind === "host" && hasHostTwin(entries, entry)) {
      // The state's copy was logged first: swap it for the real message (it can be reported).
      set({
        entries: entries.map((e) =>
          e.fromState && (e.localized?.en ?? e.text) === (entry.localized?.en ?? entry.text) ? entry : e,
        ),
      });
      return;
    }
    set({ entries: append(entries, entry) });
  },
  receiveHostLine: (entry) => {
    const { entries } = get();
    if (entries.some((e) => e.id === entry.id) || hasHostTwin(entries, entry)) return;
    set({ entries: append(entries, entry) });
  },
  refuse: (refused) => set({ refusal: { ...refused, at: Date.now() } }),
  clearRefusal: () => set({ refusal: null }),
  mute: (sessionId, name) => {
    const muted = { ...get().muted, [sessionId]: { name, at: Date.now() } };
    saveMuted(muted);
    set({ muted });
  },
  unmute: (sessionId) => {
    const { [sessionId]: _gone, ...muted } = get().muted;
    saveMuted(muted);
    set({ muted });
  },
  markReporting: (messageId) => set((s) => ({ reporting: { ...s.reporting, [messageId]: true } })),
  markReported: (messageId) =>
    set((s) => {
      const { [messageId]: _done, ...reporting } = s.reporting;
      return { reported: { ...s.reported, [messageId]: true }, reporting };
    }),
  clear: () => set({ entries: [], refusal: null }),
}));
