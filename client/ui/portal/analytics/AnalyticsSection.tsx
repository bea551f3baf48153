import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnalyticsRange, AnalyticsReport } from "../../../../shared/analytics.ts";
import { analytics as api } from "../../../../shared/api/index.ts";
import { callApi } from "../../../net/api.ts";
import { localizedName } from "../../vitrine/localizedName.ts";
import { usePortalStore } from "../portalStore.ts";
import { formatDay } from "./analyticsFormat.ts";
import { analyticsTables } from "./analyticsTables.ts";
import { DailyPanel } from "./DailyPanel.tsx";
import { DropsPanel } from "./DropsPanel.tsx";
import { EventsPanel } from "./EventsPanel.tsx";
import { FunnelPanel } from "./FunnelPanel.tsx";
import { Headline } from "./Headline.tsx";
import { lastDays, RangePicker } from "./RangePicker.tsx";
import { TableView } from "./TableView.tsx";
import "./analytics.css";

type Load =
  | { status: "loading" }
  | { status: "ready"; report: AnalyticsReport }
  | { status: "failed"; reason: string };

/**
 * The brand's analytics (GET /api/brands/:id/analytics) over a range of days: totals, days, the
 * funnel, drops, events, and every table with its CSV. Only what the report answers is shown.
 */
export function AnalyticsSection({ brandId }: { brandId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [range, setRange] = useState<AnalyticsRange>(() => lastDays(30));
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const products = usePortalStore((s) => s.products);
  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: "loading" });
    callApi(api.brandAnalytics, { params: { brandId }, query: range, signal: abort.signal })
      .then((report) => setLoad({ status: "ready", report }))
      .catch((e: unknown) => {
        if (!abort.signal.aborted)
          setLoad({ status: "failed", reason: e instanceof Error ? e.message : String(e) });
      });
    return () => abort.abort();
  }, [brandId, range]);

  const report = load.status === "ready" ? load.report : null;
  const tables = useMemo(() => {
    if (!report) return [];
    const names = new Map(products.map((p) => [p.id, localizedName(p.name, locale)]));
    return analyticsTables(report, {
      piece: (id) => names.get(id) ?? id,
      text: (title) => localizedName(title, locale),
      step: (step) => t(`analytics.steps.${step}`),
      tier: (tier) => tier || t("analytics.tiers.none"),
    });
  }, [report, products, locale, t]);

  return (
    <section className="analytics" aria-labelledby="analytics-title" data-testid="brand-analytics">
      <div className="section__head analytics__head">
        <div>
          <h2 id="analytics-title" className="section__title">
            {t("analytics.title")}
          </h2>
          <p className="section__lede analytics__lede">
            {t("analytics.lede", { from: formatDay(range.from, locale), to: formatDay(range.to, locale) })}
          </p>
        </div>
        <RangePicker range={range} onChange={setRange} />
      </div>
      {load.status === "failed" ? (
        <p className="portal__notice" role="alert">
          {t("analytics.failed", { reason: load.reason })}
        </p>
      ) : null}
      {load.status === "loading" ? <div className="portal__loading" aria-busy="true" /> : null}
      {report ? (
        <div
          className="analytics__body"
          data-testid="analytics-report"
          data-from={report.from}
          data-to={report.to}
        >
          <Headline report={report} />
          <DailyPanel report={report} />
          <div className="analytics__pair">
            <FunnelPanel report={report} />
            <EventsPanel report={report} />
          </div>
          <DropsPanel report={report} />
          <article className="analytics-panel analytics-panel--wide">
            <header className="analytics-panel__head">
              <h3 className="analytics-panel__title">{t("analytics.tables.title")}</h3>
              <p className="analytics-panel__lede">{t("analytics.tables.lede")}</p>
            </header>
            {tables.map((table) => (
              <TableView
                key={table.id}
                table={table}
                fileStem={`${brandId}-analytics-${report.from}-${report.to}`}
              />
            ))}
          </article>
        </div>
      ) : null}
    </section>
  );
}
