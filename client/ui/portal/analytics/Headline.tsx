import { useTranslation } from "react-i18next";
import type { AnalyticsReport, FactKind } from "../../../../shared/analytics.ts";
import { formatCount, formatDuration } from "./analyticsFormat.ts";

type Figure = { key: string; value: string };

/** The range's totals, a line of figures above the charts: what a director reads first. */
export function Headline({ report }: { report: AnalyticsReport }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const sum = (kind: FactKind, field: "count" | "visitors" | "totalMs") =>
    report.days.filter((d) => d.kind === kind).reduce((n, d) => n + d[field], 0);
  const figures: Figure[] = [
    { key: "passes", value: formatCount(sum("boutique_pass", "count"), locale) },
    { key: "stopped", value: formatCount(sum("window_dwell", "visitors"), locale) },
    { key: "dwell", value: formatDuration(sum("window_dwell", "totalMs"), locale) },
    { key: "viewerOpens", value: formatCount(sum("viewer_open", "count"), locale) },
    { key: "wishlists", value: formatCount(sum("wishlist_add", "count"), locale) },
    { key: "claims", value: formatCount(sum("drop_claim", "count"), locale) },
    { key: "appointments", value: formatCount(sum("appointment_booked", "count"), locale) },
  ];
  return (
    <dl className="analytics-figures" data-testid="analytics-figures">
      {figures.map((f) => (
        <div key={f.key} className="analytics-figures__item" data-testid={`figure-${f.key}`}>
          <dt>{t(`analytics.figures.${f.key}`)}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
