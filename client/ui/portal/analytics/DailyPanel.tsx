import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AnalyticsReport } from "../../../../shared/analytics.ts";
import { dailyChart } from "./analyticsCharts.ts";
import { UPlotChart } from "./UPlotChart.tsx";

const SERIES = [
  { key: "passes", swatch: "gold" },
  { key: "stopped", swatch: "ivory" },
  { key: "viewerOpens", swatch: "sage" },
  { key: "dwell", swatch: "rose" },
] as const;

/** Passes, stops, viewer opens and dwell over the range's days. */
export function DailyPanel({ report }: { report: AnalyticsReport }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const spec = useMemo(
    () =>
      dailyChart(report, locale, {
        passes: t("analytics.figures.passes"),
        stopped: t("analytics.figures.stopped"),
        viewerOpens: t("analytics.figures.viewerOpens"),
        dwell: t("analytics.daily.dwellMinutes"),
      }),
    [report, locale, t],
  );
  return (
    <article className="analytics-panel analytics-panel--wide" data-testid="analytics-daily">
      <header className="analytics-panel__head">
        <h3 className="analytics-panel__title">{t("analytics.daily.title")}</h3>
        <ul className="analytics-legend">
          {SERIES.map((s) => (
            <li key={s.key} className={`analytics-legend__item analytics-legend__item--${s.swatch}`}>
              {s.key === "dwell" ? t("analytics.daily.dwellMinutes") : t(`analytics.figures.${s.key}`)}
            </li>
          ))}
        </ul>
      </header>
      <UPlotChart spec={spec} height={240} label={t("analytics.daily.title")} testId="daily-chart" />
    </article>
  );
}
