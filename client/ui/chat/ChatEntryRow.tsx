import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CHAT_REPORT_REASON_MAX } from "../../../shared/host/chatMessages.ts";
import { reportLine } from "../../net/avenueChat.ts";
import { type ChatEntry, useChatStore } from "../../stores/chatStore.ts";
import { hostLineText } from "../../world/host/hostLineText.ts";

/**
 * One line of the log: who said it (the host and staff marked), in which channel, the text (host
 * lines in the reader's language with times in their locale and zone), and Mute / Report for
 * other people's lines.
 */
export function ChatEntryRow({ entry, isSelf }: { entry: ChatEntry; isSelf: boolean }) {
  const { t, i18n } = useTranslation();
  const reported = useChatStore((s) => s.reported[entry.id] === true);
  const reporting = useChatStore((s) => s.reporting[entry.id] === true);
  const mute = useChatStore((s) => s.mute);
  const [reportOpen, setReportOpen] = useState(false);
  const [reason, setReason] = useState("");
  const kind = entry.from.kind;
  const isHost = kind === "host";
  const text = entry.localized ? hostLineText(entry.localized) : entry.text;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: "numeric", minute: "2-digit" }).format(
    entry.at,
  );
  // A host line known only from the room's state has no server id to report.
  const reportable = !isSelf && !entry.fromState;

  function submitReport(e: FormEvent) {
    e.preventDefault();
    reportLine(entry.id, reason.trim() || undefined);
    setReportOpen(false);
  }

  return (
    <li
      className="chat__line"
      data-testid="chat-line"
      data-kind={kind}
      data-channel={entry.channel}
      data-private={entry.private}
      data-self={isSelf}
    >
      <div className="chat__meta">
        <span className="chat__who">{isSelf ? t("host.chat.you") : entry.from.name}</span>
        {kind === "host" || kind === "staff" || kind === "admin" ? (
          <span className="chat__badge" data-kind={kind}>
            {t(`host.chat.kind.${kind}`)}
          </span>
        ) : null}
        {entry.channel === "shard" ? (
          <span className="chat__chip">{t("host.chat.channel.shard")}</span>
        ) : null}
        {entry.private ? <span className="chat__chip">{t("host.chat.private")}</span> : null}
        <time className="chat__time" dateTime={new Date(entry.at).toISOString()}>
          {time}
        </time>
        {!isSelf ? (
          <span className="chat__actions">
            {!isHost ? (
              <button
                type="button"
                className="chat__action"
                title={t("host.chat.muteLabel", { name: entry.from.name })}
                onClick={() => mute(entry.from.sessionId, entry.from.name)}
              >
                {t("host.chat.mute")}
              </button>
            ) : null}
            {reportable ? (
              reported ? (
                <span className="chat__done">{t("host.chat.reported")}</span>
              ) : reporting ? (
                <span className="chat__done">{t("host.chat.reporting")}</span>
              ) : (
                <button
                  type="button"
                  className="chat__action"
                  title={t("host.chat.reportLabel")}
                  onClick={() => setReportOpen((o) => !o)}
                >
                  {t("host.chat.report")}
                </button>
              )
            ) : null}
          </span>
        ) : null}
      </div>
      <p className="chat__text">{text}</p>
      {reportOpen ? (
        <form className="chat__report" onSubmit={submitReport}>
          <input
            className="chat__input chat__input--small"
            value={reason}
            maxLength={CHAT_REPORT_REASON_MAX}
            placeholder={t("host.chat.reportReason")}
            aria-label={t("host.chat.reportReason")}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="chat__action chat__action--strong">
            {t("host.chat.reportSend")}
          </button>
          <button type="button" className="chat__action" onClick={() => setReportOpen(false)}>
            {t("host.chat.reportCancel")}
          </button>
        </form>
      ) : null}
    </li>
  );
}
