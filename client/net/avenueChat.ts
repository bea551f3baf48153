/**
 * The avenue's chat and host following, over the avenue room: what arrives is applied by the
 * room's driver at its frame (`avenueChatHandlers`), what the person sends goes through `sendChat`,
 * `reportLine` and `followHost`, typed by AvenueProtocol.
 */
import i18next from "i18next";
import { AvenueProtocol } from "../../shared/avenue/protocol.ts";
import { LOCALES, type Locale } from "../../shared/constants.ts";
import { CHAT_MAX_LENGTH, type ChatSend } from "../../shared/host/chatMessages.ts";
import { type Handlers, sendMessage } from "../../shared/protocol/roomProtocol.ts";
import { useChatStore } from "../stores/chatStore.ts";
import { useHostStore } from "../stores/hostStore.ts";
import { clearBubbles, showBubble } from "../ui/chat/chatBubbles.ts";
import type { AvenueRoom } from "./avenueConnection.ts";

/** The room chat goes through; null while not connected. */
let room: AvenueRoom | null = null;

/** The UI language as a chat language (the host answers in it). */
export function chatLang(): Locale {
  const lang = i18next.language;
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : "en";
}

type ChatHandlers = Pick<
  Handlers<typeof AvenueProtocol.server>,
  "chatLine" | "chatRefused" | "chatReported" | "hostHandoff"
>;

/** What the chat does with the avenue's chat messages (applied at the driver's frame). */
export const avenueChatHandlers: ChatHandlers = {
  chatLine: (line) => {
    useChatStore.getState().receive(line);
    // Bubbles over avatars for their nearby lines; the host's bubble comes from its state.
    if (line.channel === "nearby" && line.from.kind !== "host")
      showBubble(line.from.sessionId, line.text, line.id);
  },
  chatRefused: (refusal) => useChatStore.getState().refuse(refusal),
  chatReported: (report) => useChatStore.getState().markReported(report.messageId),
  hostHandoff: (handoff) => useHostStore.getState().offerHandoff(handoff),
};

/** Makes `joined` the room the chat sends to; the returned function lets it go. */
export function attachChat(joined: AvenueRoom): () => void {
  room = joined;
  return () => {
    if (room === joined) room = null;
    clearBubbles();
  };
}

/**
 * Sends a line in the chosen channel. Checks what the server would refuse first (empty, too long)
 * so the person learns it at once; the server checks again and answers `chatRefused` for the rest.
 */
export function sendChat(rawText: string): boolean {
  const chat = useChatStore.getState();
  const text = rawText.trim();
  if (text.length === 0) {
    chat.refuse({ code: "empty", message: i18next.t("host.chat.refused.empty") });
    return false;
  }
  if (text.length > CHAT_MAX_LENGTH) {
    chat.refuse({
      code: "too_long",
      message: i18next.t("host.chat.refused.too_long", { max: CHAT_MAX_LENGTH }),
    });
    return false;
  }
  if (!room) {
    chat.refuse({ code: "invalid", message: i18next.t("host.chat.refused.offline") });
    return false;
  }
  const message: ChatSend = { text, channel: chat.channel, lang: chatLang() };
  sendMessage(room, AvenueProtocol.client, "chat", message);
  chat.clearRefusal();
  return true;
}

/** Reports a line to the moderators (the server copies it from its own buffer). */
export function reportLine(messageId: string, reason?: string): void {
  if (!room) return;
  useChatStore.getState().markReporting(messageId);
  sendMessage(room, AvenueProtocol.client, "chatReport", reason ? { messageId, reason } : { messageId });
}

/** Joins or leaves the host's tour. */
export function followHost(follow: boolean): void {
  if (!room) return;
  sendMessage(room, AvenueProtocol.client, "hostFollow", { follow });
  useHostStore.getState().setFollowing(follow);
}
