import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useHostStore } from "../../stores/hostStore.ts";
import { ChatInput } from "./ChatInput.tsx";
import { ChatLog } from "./ChatLog.tsx";
import { MutedList } from "./MutedList.tsx";
import "./chat.css";

/**
 * The avenue's chat: the log (nearby, avenue-wide and host lines), who is muted, and the input with
 * its channel. Bottom left, collapsible; the host's lines appear here as well as in its bubble.
 */
export function ChatPanel() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const hostName = useHostStore((s) => s.status?.name ?? s.info?.name ?? "");
  return (
    <section className="chat" data-testid="chat-panel" data-open={open} aria-label={t("host.chat.title")}>
      <header className="chat__head">
        <h2 className="chat__title">{t("host.chat.title")}</h2>
        <MutedList />
        <button
          type="button"
          className="chat__toggle"
          aria-expanded={open}
          aria-label={open ? t("host.chat.collapse") : t("host.chat.expand")}
          title={open ? t("host.chat.collapse") : t("host.chat.expand")}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "–" : "+"}
        </button>
      </header>
      {open ? <ChatLog hostName={hostName} /> : null}
      <ChatInput />
    </section>
  );
}
