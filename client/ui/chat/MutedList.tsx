import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useChatStore } from "../../stores/chatStore.ts";

/** A small menu of the people this reader muted, each with an unmute button. */
export function MutedList() {
  const { t } = useTranslation();
  const muted = useChatStore((s) => s.muted);
  const unmute = useChatStore((s) => s.unmute);
  const [open, setOpen] = useState(false);
  const entries = Object.entries(muted);
  if (entries.length === 0) return null;
  return (
    <div className="chat__muted">
      <button
        type="button"
        className="chat__mutedButton"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {t("host.chat.muted", { count: entries.length })}
      </button>
      {open ? (
        <ul className="chat__mutedList">
          {entries.map(([id, r]) => (
            <li key={id}>
              <span>{r.name}</span>
              <button type="button" className="chat__action" onClick={() => unmute(id)}>
                {t("host.chat.unmute")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
