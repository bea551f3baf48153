import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { DropReport } from "../../../shared/drops.ts";
import { ApiError } from "../../net/api.ts";
import { fetchDropReport } from "../../net/dropApi.ts";
import { useDropStore } from "../../stores/dropStore.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { formatInstant } from "./formatInstant.ts";

/** The report refreshes itself this often while open. */
const REFRESH_MS = 10_000;

function sellOutDuration(publicStartsAt: string, soldOutAt: string): number {
  return Math.max(0, Math.round((Date.parse(soldOutAt) - Date.parse(publicStartsAt)) / 1000));
}

/**
 * The brand's report on one drop (`/drops/:dropId/report`, owners and merchandisers): entries,
 * claims held / confirmed / expired, refusals by reason, sell-out time. Others get the server's
 * refusal, said plainly.
 */
export function DropReportView({ dropId }: { dropId: string }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const drop = useDropStore((s) => s.drop);
  const [report, setReport] = useState<DropReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchDropReport(dropId).then(
      (r) => {
        setReport(r);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError || e instanceof Error ? e.message : String(e)),
    );
  }, [dropId]);
  useEffect(() => {
    if (!user) return;
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [user, load]);

  const refusals = report ? Object.entries(report.refusals).sort((a, b) => b[1] - a[1]) : [];
  const fmt = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <section className="drop-report" aria-labelledby="drop-report-title" data-testid="drop-report">
      <Link href="/" className="button button--link">
        {t("drops.report.back")}
      </Link>
      <h1 id="drop-report-title" className="drop-report__title">
        {t("drops.report.title", { title: drop?.title ?? dropId })}
      </h1>
      {!user ? <p>{t("drops.report.signIn")}</p> : null}
      {error ? (
        <p className="drop-refusal drop-refusal--error" role="alert">
          {error}
        </p>
      ) : null}
      {report ? (
        <>
          <dl className="drop-report__figures">
            <div>
              <dt>{t("drops.report.stock")}</dt>
              <dd>
                {t("drops.report.stockValue", { remaining: fmt(report.remaining), stock: fmt(report.stock) })}
              </dd>
            </div>
            {drop?.mode === "raffle" || report.entries > 0 ? (
              <div>
                <dt>{t("drops.report.entries")}</dt>
                <dd>{fmt(report.entries)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("drops.report.held")}</dt>
              <dd data-testid="report-held">{fmt(report.claims.held)}</dd>
            </div>
            <div>
              <dt>{t("drops.report.confirmed")}</dt>
              <dd data-testid="report-confirmed">{fmt(report.claims.confirmed)}</dd>
            </div>
            <div>
              <dt>{t("drops.report.expired")}</dt>
              <dd>{fmt(report.claims.expired)}</dd>
            </div>
            <div className="drop-report__wide">
              <dt>{t("drops.report.soldOut")}</dt>
              <dd>
                {report.soldOutAt
                  ? drop
                    ? t("drops.report.soldOutAfter", {
                        time: formatInstant(report.soldOutAt, i18n.language),
                        seconds: fmt(sellOutDuration(drop.publicStartsAt, report.soldOutAt)),
                      })
                    : formatInstant(report.soldOutAt, i18n.language)
                  : t("drops.report.notSoldOut")}
              </dd>
            </div>
            {report.drawnAt ? (
              <div>
                <dt>{t("drops.report.drawn")}</dt>
                <dd>{formatInstant(report.drawnAt, i18n.language)}</dd>
              </div>
            ) : null}
          </dl>
          <h2 className="drop-section-title">{t("drops.report.refusals")}</h2>
          {refusals.length === 0 ? (
            <p className="drop-report__none">{t("drops.report.noRefusals")}</p>
          ) : (
            <table className="drop-report__table" data-testid="report-refusals">
              <thead>
                <tr>
                  <th scope="col">{t("drops.report.reason")}</th>
                  <th scope="col">{t("drops.report.count")}</th>
                </tr>
              </thead>
              <tbody>
                {refusals.map(([reason, n]) => (
                  <tr key={reason} data-reason={reason}>
                    <td>{t(`drops.refusal.${reason}`, { defaultValue: reason })}</td>
                    <td>{fmt(n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button type="button" className="button" onClick={load}>
            {t("drops.report.refresh")}
          </button>
        </>
      ) : null}
    </section>
  );
}
