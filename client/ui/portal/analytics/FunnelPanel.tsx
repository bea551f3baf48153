import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AnalyticsReport } from "../../../../shared/analytics.ts";
import { categoryBars } from "./analyticsCharts.ts";
import { formatCount, formatPercent } from "./analyticsFormat.ts";
import { UPlotChart } from "./UPlotChart.tsx";

/** From passing the window to claiming: distinct visitors at each step, and the share of passers-by. */
export function FunnelPanel({ report }: { report: AnalyticsReport }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const steps = report.funnel;
  const first = steps[0]?.visitors ?? 0;
  const spec = useMemo(
    () =>
      categoryBars(
        steps.map((s) => s.visitors),
        steps.map((s) => t(`analytics.steps.${s.step}`)),
        locale,
      ),
    [steps, locale, t],
  );
  return (
    <article className="analytics-panel" data-testid="analytics-funnel">
      <header className="analytics-panel__head">
        <h3 className="analytics-panel__title">{t("analytics.funnel.title")}</h3>
        <p className="analytics-panel__lede">{t("analytics.funnel.lede")}</p>
      </header>
      <UPlotChart spec={spec} height={260} label={t("analytics.funnel.title")} testId="funnel-chart" />
      <ol className="analytics-steps">
        {steps.map((s) => (
          <li key={s.step} className="analytics-steps__item" data-testid="funnel-step" data-step={s.step}>
            <span className="analytics-steps__label">{t(`analytics.steps.${s.step}`)}</span>
            <span className="analytics-steps__value" data-testid="funnel-visitors">
              {formatCount(s.visitors, locale)}
            </span>
            <span className="analytics-steps__share">
              {first > 0 ? formatPercent(s.visitors / first, locale) : "–"}
            </span>
          </li>
        ))}
      </ol>
    </article>
  );
}
