import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useChatStore } from "../../stores/chatStore.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { ChatEntryRow } from "./ChatEntryRow.tsx";

/** The lines received since joining, newest at the bottom; muted speakers' lines are hidden. */
export function ChatLog({ hostName }: { hostName: string }) {
  const { t } = useTranslation();
  const entries = useChatStore((s) => s.entries);
  const muted = useChatStore((s) => s.muted);
  const selfId = useWorldStore((s) => s.selfSessionId);
  const list = useRef<HTMLOListElement>(null);
  const visible = entries.filter((e) => !muted[e.from.sessionId]);
  const hidden = entries.length - visible.length;

  // Stay at the bottom unless the reader scrolled up to read older lines.
  const stick = useRef(true);
  const last = visible[visible.length - 1]?.id;
  useEffect(() => {
    const el = list.current;
    if (el && last !== undefined && stick.current) el.scrollTop = el.scrollHeight;
  }, [last]);

  return (
    <div className="chat__body">
      <ol
        className="chat__log"
        ref={list}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls, and a keyboard user must be able to reach it to scroll it (axe scrollable-region-focusable)
        tabIndex={0}
        aria-label={t("host.chat.title")}
        data-testid="chat-log"
        aria-live="polite"
        aria-relevant="additions"
      >
        {visible.length === 0 ? (
          <li className="chat__empty">
            {hostName ? t("host.chat.empty", { name: hostName }) : t("host.chat.emptyNoHost")}
          </li>
        ) : (
          visible.map((e) => <ChatEntryRow key={e.id} entry={e} isSelf={e.from.sessionId === selfId} />)
        )}
      </ol>
      {hidden > 0 ? <p className="chat__hidden">{t("host.chat.mutedHidden", { count: hidden })}</p> : null}
    </div>
  );
}
