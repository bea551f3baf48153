import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ModerationReport, ReportAction, ReportStatus } from "../../../shared/admin.ts";
import { admin } from "../../../shared/api/index.ts";
import { renderLine } from "../../../shared/host/lineTokens.ts";
import { callApi } from "../../net/api.ts";
import { formatClock, formatWhen } from "./format.ts";
import { SectionFrame } from "./SectionFrame.tsx";
import { runAction, useAdminData } from "./useAdminData.ts";

const STATUSES: ReportStatus[] = ["open", "actioned", "dismissed"];
const MUTE_MINUTES = [15, 60, 24 * 60, 7 * 24 * 60] as const;

/** The moderation queue: each reported line in its context, and what to do with it. */
export function ModerationSection() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ReportStatus>("open");
  const queue = useAdminData(
    (signal) => callApi(admin.moderationQueue, { query: { status }, signal }).then((a) => a.reports),
    [status],
  );
  const reports = queue.data ?? [];
  return (
    <SectionFrame
      id="moderation"
      title={t("admin.moderation.title")}
      lede={t("admin.moderation.lede")}
      loading={queue.loading}
      error={queue.error}
      empty={reports.length === 0}
      emptyText={t(`admin.moderation.empty.${status}`)}
      tools={
        <label className="admin__filter">
          <span className="form__label">{t("admin.moderation.show")}</span>
          <select
            className="portal__switch"
            value={status}
            onChange={(e) => setStatus(e.target.value as ReportStatus)}
            data-testid="moderation-status"
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`admin.moderation.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <ol className="admin__reports">
        {reports.map((r) => (
          <ReportCard key={r.id} report={r} onDone={queue.reload} />
        ))}
      </ol>
    </SectionFrame>
  );
}

function ReportCard({ report, onDone }: { report: ModerationReport; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [minutes, setMinutes] = useState<number>(60);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (body: ReportAction) => {
    setBusy(true);
    const failed = await runAction(() =>
      callApi(admin.actOnReport, { params: { reportId: report.id }, body }),
    );
    setBusy(false);
    setError(failed);
    if (!failed) onDone();
  };
  const open = report.status === "open";
  const guest = report.authorId === null;
  return (
    <li className="admin__report" data-testid="moderation-report" data-report-id={report.id}>
      <header className="admin__report-head">
        <div>
          <span className="ledger__name">{report.authorName}</span>
          <span className="ledger__sub">
            {t("admin.moderation.reportedBy", {
              name: report.reporterName,
              when: formatWhen(report.createdAt, locale),
            })}
          </span>
        </div>
        <div className="admin__badges">
          <span className="badge">
            {t(`admin.moderation.channel.${report.channel === "nearby" ? "nearby" : "shard"}`)}
          </span>
          {report.authorSuspended ? (
            <span className="badge badge--alert">{t("admin.people.suspended")}</span>
          ) : null}
          {report.authorMutedUntil ? (
            <span className="badge badge--muted">
              {t("admin.moderation.mutedUntil", { when: formatWhen(report.authorMutedUntil, locale) })}
            </span>
          ) : null}
          {guest ? <span className="badge">{t("admin.moderation.guest")}</span> : null}
        </div>
      </header>
      {report.reason ? (
        <p className="admin__reason">
          <span className="form__label">{t("admin.moderation.reason")}</span> {report.reason}
        </p>
      ) : null}
      <ol className="admin__context" aria-label={t("admin.moderation.context")}>
        {(report.context.length > 0
          ? report.context
          : [
              {
                id: "only",
                authorName: report.authorName,
                text: report.message,
                at: Date.parse(report.createdAt),
                reported: true,
              },
            ]
        ).map((line) => (
          <li
            key={line.id}
            className={line.reported ? "admin__line admin__line--reported" : "admin__line"}
            data-testid={line.reported ? "reported-line" : "context-line"}
          >
            <time className="admin__line-time">{formatClock(line.at, locale)}</time>
            <span className="admin__line-author">{line.authorName}</span>
            {/* Host lines carry tokens (times, countdowns, prices): shown as they read when said. */}
            <span className="admin__line-text">{renderLine(line.text, locale, line.at)}</span>
          </li>
        ))}
      </ol>
      {open ? (
        <div className="admin__report-actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act({ action: "dismiss" })}
          >
            {t("admin.moderation.dismiss")}
          </button>
          {guest ? null : (
            <>
              <span className="admin__action-group">
                <select
                  className="portal__switch"
                  aria-label={t("admin.moderation.muteFor")}
                  value={minutes}
                  onChange={(e) => setMinutes(Number(e.target.value))}
                >
                  {MUTE_MINUTES.map((m) => (
                    <option key={m} value={m}>
                      {t(`admin.moderation.minutes.${m}`)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void act({ action: "mute", minutes })}
                >
                  {t("admin.moderation.mute")}
                </button>
              </span>
              <span className="admin__action-group form">
                <input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  placeholder={t("admin.moderation.suspendReason")}
                  aria-label={t("admin.moderation.suspendReason")}
                  data-testid="suspend-reason"
                  maxLength={300}
                />
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy || reason.trim().length < 3}
                  data-testid="suspend-author"
                  onClick={() => void act({ action: "suspend", reason })}
                >
                  {t("admin.moderation.suspend")}
                </button>
              </span>
            </>
          )}
        </div>
      ) : (
        <p className="section__state">
          {t(`admin.moderation.status.${report.status}`)}
          {report.resolvedAt ? ` · ${formatWhen(report.resolvedAt, locale)}` : ""}
        </p>
      )}
      {error ? (
        <p className="form__notice" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
