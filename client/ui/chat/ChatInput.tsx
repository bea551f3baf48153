import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CHAT_MAX_LENGTH, type ChatChannel } from "../../../shared/host/chatMessages.ts";
import { sendChat } from "../../net/avenueChat.ts";
import { useChatStore } from "../../stores/chatStore.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { RefusalNote } from "./RefusalNote.tsx";

const CHANNELS: ChatChannel[] = ["nearby", "shard"];

/** The line being written, the channel it goes to (nearby or the whole avenue), and send. */
export function ChatInput() {
  const { t } = useTranslation();
  const channel = useChatStore((s) => s.channel);
  const setChannel = useChatStore((s) => s.setChannel);
  const refusal = useChatStore((s) => s.refusal);
  const hostName = useHostStore((s) => s.status?.name ?? "");
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const length = text.trim().length;
  const over = length > CHAT_MAX_LENGTH;

  // A refusal of the line just sent gives the text back, so the person can shorten or resend it.
  const [lastSent, setLastSent] = useState("");
  useEffect(() => {
    if (refusal && lastSent && text === "") setText(lastSent);
  }, [refusal, lastSent, text]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (sendChat(text)) {
      setLastSent(text);
      setText("");
    }
  }

  return (
    <form className="chat__form" onSubmit={submit} data-testid="chat-form">
      <fieldset className="chat__channels" aria-label={t("host.chat.channel.label")}>
        {CHANNELS.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={channel === c}
            className="chat__channel"
            data-testid={`chat-channel-${c}`}
            onClick={() => setChannel(c)}
          >
            {t(`host.chat.channel.${c}`)}
          </button>
        ))}
        {hostName ? (
          <button
            type="button"
            className="chat__ask"
            data-testid="chat-ask-host"
            onClick={() => {
              // Naming the host is how a line reaches it from anywhere on the avenue.
              const mention = `@${hostName} `;
              setText((current) => (current.startsWith(mention) ? current : mention + current));
              input.current?.focus();
            }}
          >
            ✦ {t("host.chat.askHost", { name: hostName })}
          </button>
        ) : null}
        <span className="chat__counter" data-over={over} aria-live="polite">
          {length > CHAT_MAX_LENGTH - 60
            ? t("host.chat.counter", { count: length, max: CHAT_MAX_LENGTH })
            : ""}
        </span>
      </fieldset>
      <div className="chat__row">
        <input
          ref={input}
          className="chat__input"
          data-testid="chat-input"
          value={text}
          maxLength={CHAT_MAX_LENGTH * 2}
          onChange={(e) => {
            setText(e.target.value);
            if (useChatStore.getState().refusal) useChatStore.getState().clearRefusal();
            setLastSent("");
          }}
          placeholder={channel === "shard" ? t("host.chat.placeholderShard") : t("host.chat.placeholder")}
          aria-label={channel === "shard" ? t("host.chat.placeholderShard") : t("host.chat.placeholder")}
          aria-invalid={over || refusal !== null}
          autoComplete="off"
        />
        <button type="submit" className="chat__send" data-testid="chat-send" disabled={length === 0}>
          {t("host.chat.send")}
        </button>
      </div>
      <RefusalNote />
    </form>
  );
}
