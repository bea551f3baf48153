import i18next from "i18next";
import { LOCALES, type Locale } from "../../../shared/constants.ts";
import {
  CHAT_MAX_LENGTH,
  ChatLine,
  ChatMessageType,
  ChatRefused,
  ChatReported,
  type ChatSend,
} from "../../../shared/host/chatMessages.ts";
import type { AvenueRoom } from "../../net/avenueConnection.ts";
import { useChatStore } from "../../stores/chatStore.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { clearBubbles, showBubble } from "./chatBubbles.ts";

/** The room chat goes through; null while not connected. */
let room: AvenueRoom | null = null;

/** The UI language as a chat language (the host answers in it). */
export function chatLang(): Locale {
  const lang = i18next.language;
  return (LOCALES as readonly string[]).includes(lang) ? (lang as Locale) : "en";
}

/**
 * Listens to the avenue room's chat messages and makes it the room `sendChat` writes to. Called
 * once per joined room; the returned function stops listening.
 */
export function bindChat(joined: AvenueRoom): () => void {
  room = joined;
  const chat = useChatStore.getState();
  const offLine = joined.onMessage(ChatMessageType.chatLine, (payload: unknown) => {
    const parsed = ChatLine.safeParse(payload);
    if (!parsed.success) return;
    const line = parsed.data;
    chat.receive(line);
    // Bubbles over avatars for their nearby lines; the host's bubble comes from its state.
    if (line.channel === "nearby" && line.from.kind !== "host")
      showBubble(line.from.sessionId, line.text, line.id);
  });
  const offRefused = joined.onMessage(ChatMessageType.chatRefused, (payload: unknown) => {
    const parsed = ChatRefused.safeParse(payload);
    if (parsed.success) chat.refuse(parsed.data);
  });
  const offReported = joined.onMessage(ChatMessageType.chatReported, (payload: unknown) => {
    const parsed = ChatReported.safeParse(payload);
    if (parsed.success) chat.markReported(parsed.data.messageId);
  });
  return () => {
    offLine();
    offRefused();
    offReported();
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
  room.send(ChatMessageType.chat, message);
  chat.clearRefusal();
  return true;
}

/** Reports a line to the moderators (the server copies it from its own buffer). */
export function reportLine(messageId: string, reason?: string): void {
  if (!room) return;
  useChatStore.getState().markReporting(messageId);
  room.send(ChatMessageType.chatReport, reason ? { messageId, reason } : { messageId });
}

/** Joins or leaves the host's tour. */
export function followHost(follow: boolean): void {
  if (!room) return;
  room.send(ChatMessageType.hostFollow, { follow });
  useHostStore.getState().setFollowing(follow);
}
