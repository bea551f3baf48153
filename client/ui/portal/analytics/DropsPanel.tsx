import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AnalyticsReport } from "../../../../shared/analytics.ts";
import { localize } from "../../../../shared/money.ts";
import { categoryBars } from "./analyticsCharts.ts";
import { formatCount, formatDuration, formatPercent } from "./analyticsFormat.ts";
import { UPlotChart } from "./UPlotChart.tsx";

type Drop = AnalyticsReport["drops"][number];
const STAGES = ["pageVisitors", "entries", "claims", "confirmations"] as const;

/** Each drop of the range: its stages drawn, its sell-out, and how each pass tier converted. */
export function DropsPanel({ report }: { report: AnalyticsReport }) {
  const { t } = useTranslation();
  return (
    <article className="analytics-panel analytics-panel--wide" data-testid="analytics-drops">
      <header className="analytics-panel__head">
        <h3 className="analytics-panel__title">{t("analytics.drops.title")}</h3>
        <p className="analytics-panel__lede">{t("analytics.drops.lede")}</p>
      </header>
      {report.drops.length === 0 ? (
        <p className="analytics__quiet">{t("analytics.drops.none")}</p>
      ) : (
        report.drops.map((d) => <DropCard key={d.dropId} drop={d} />)
      )}
    </article>
  );
}

function DropCard({ drop }: { drop: Drop }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // A first-come drop has no entries: its bar would only be an empty slot.
  const stages = STAGES.filter((s) => s !== "entries" || drop.entries > 0);
  const spec = useMemo(
    () =>
      categoryBars(
        stages.map((s) => drop[s]),
        stages.map((s) => t(`analytics.columns.${s}`)),
        locale,
      ),
    [drop, stages, locale, t],
  );
  return (
    <section className="analytics-drop" data-testid="analytics-drop" data-drop={drop.dropId}>
      <div className="analytics-drop__summary">
        <h4 className="analytics-drop__title">{localize(drop.title, locale)}</h4>
        <p className="analytics-drop__sellout" data-testid="drop-sellout">
          {drop.sellOutMs === null
            ? t("analytics.drops.inStock")
            : t("analytics.drops.soldOut", { time: formatDuration(drop.sellOutMs, locale) })}
        </p>
        <p className="analytics-drop__conversion">
          <span className="analytics-drop__big" data-testid="drop-conversion">
            {formatPercent(drop.conversion, locale)}
          </span>
          <span className="analytics-drop__caption">{t("analytics.drops.conversion")}</span>
        </p>
        <h5 className="analytics-drop__tiers-title">{t("analytics.drops.byTier")}</h5>
        <ul className="analytics-tiers">
          {drop.tiers.map((tier) => (
            <li
              key={tier.tier}
              className="analytics-tiers__item"
              data-testid="drop-tier"
              data-tier={tier.tier}
            >
              <span className="analytics-tiers__name">{tier.tier || t("analytics.tiers.none")}</span>
              <span className="analytics-tiers__bar" aria-hidden="true">
                <span style={{ width: `${Math.min(1, tier.conversion) * 100}%` }} />
              </span>
              <span className="analytics-tiers__value" data-testid="tier-conversion">
                {formatPercent(tier.conversion, locale)}
              </span>
              <span className="analytics-tiers__detail">
                {t("analytics.drops.tierDetail", {
                  claims: formatCount(tier.claims, locale),
                  confirmations: formatCount(tier.confirmations, locale),
                })}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <UPlotChart spec={spec} height={230} label={localize(drop.title, locale)} testId="drop-chart" />
    </section>
  );
}
