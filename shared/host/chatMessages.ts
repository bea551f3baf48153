/**
 * Avenue chat, both directions (issue 6). Validated by the room with these schemas; the client
 * decodes the server's messages with the same ones.
 */
import { z } from "zod";
import { AdvisorHandoff } from "../clienteling/queue.ts";
import { LOCALES } from "../constants.ts";
import { multiLine, singleLine } from "../text.ts";

/** Longest chat line, in characters (after trimming). */
export const CHAT_MAX_LENGTH = 280;
/** "nearby" lines reach avatars within this many metres of the speaker. */
export const CHAT_NEARBY_RADIUS = 20;
/** Longest reason a reporter may give. */
export const CHAT_REPORT_REASON_MAX = 200;

export const ChatChannel = z.enum(["nearby", "shard"]);
export type ChatChannel = z.infer<typeof ChatChannel>;

export const ChatLang = z.enum(LOCALES);
export type ChatLang = z.infer<typeof ChatLang>;

/** Message type names in the avenue room. */
export const ChatMessageType = {
  chat: "chat",
  chatReport: "chatReport",
  hostFollow: "hostFollow",
  chatLine: "chatLine",
  chatRefused: "chatRefused",
  chatReported: "chatReported",
  hostHandoff: "hostHandoff",
} as const;

/**
 * client → server: say something. The length is checked by the room (not here) so that a line that
 * is too long or empty gets a `chatRefused` with its own code instead of a generic invalid message.
 */
export const ChatSend = z
  .object({
    text: multiLine(z.string().max(4 * CHAT_MAX_LENGTH)),
    channel: ChatChannel,
    lang: ChatLang,
  })
  .strict();
export type ChatSend = z.infer<typeof ChatSend>;

/** client → server: report a line the reporter saw. The server copies the line from its own buffer. */
export const ChatReportRequest = z
  .object({
    messageId: z.string().min(1).max(64),
    reason: singleLine(z.string().trim().max(CHAT_REPORT_REASON_MAX)).optional(),
  })
  .strict();
export type ChatReportRequest = z.infer<typeof ChatReportRequest>;

/** client → server: join (true) or leave (false) the host's current or next tour. */
export const HostFollow = z.object({ follow: z.boolean() }).strict();
export type HostFollow = z.infer<typeof HostFollow>;

export const ChatSpeakerKind = z.enum(["guest", "shopper", "staff", "admin", "host"]);
export type ChatSpeakerKind = z.infer<typeof ChatSpeakerKind>;

/** A line in every locale (host lines); may hold line tokens (shared/host/lineTokens.ts). */
export const LocalizedLine = z.object({
  en: z.string(),
  fr: z.string(),
  de: z.string(),
  "zh-CN": z.string(),
});
export type LocalizedLine = z.infer<typeof LocalizedLine>;

/** server → client: a chat line (already filtered). */
export const ChatLine = z.object({
  id: z.string(),
  channel: ChatChannel,
  /** Epoch ms. */
  at: z.number(),
  from: z.object({ sessionId: z.string(), name: z.string(), kind: ChatSpeakerKind }),
  /** Filtered text; for the host: in the asker's language (may hold line tokens). */
  text: z.string(),
  /** Host lines: the same line in every locale, so each client shows its own language. */
  localized: LocalizedLine.optional(),
  /** Speaker position, for nearby lines. */
  x: z.number().optional(),
  z: z.number().optional(),
  /**
   * The session a host line answers or greets. Host lines are not secret (the bubble over the host
   * shows them to everyone around): they go to the nearby channel, and also to this session when
   * it asked from farther away. A client may show them as addressed to its person.
   */
  to: z.string().optional(),
});
export type ChatLine = z.infer<typeof ChatLine>;

export const ChatRefusedCode = z.enum([
  "too_long",
  "empty",
  "rate_limited",
  "muted_by_moderator",
  "suspended",
  "invalid",
]);
export type ChatRefusedCode = z.infer<typeof ChatRefusedCode>;

/** server → client: your line was not sent. */
export const ChatRefused = z.object({
  code: ChatRefusedCode,
  message: z.string(),
  retryAfterMs: z.number().optional(),
});
export type ChatRefused = z.infer<typeof ChatRefused>;

/** server → client: your report was stored. */
export const ChatReported = z.object({ messageId: z.string() });
export type ChatReported = z.infer<typeof ChatReported>;

/**
 * server → the asker only: what the maison the host was asked about can offer now (its live queue's
 * wait, its next free slots), sent beside the host's line so the page can offer to book them.
 */
export const HostHandoff = AdvisorHandoff;
export type HostHandoff = AdvisorHandoff;
