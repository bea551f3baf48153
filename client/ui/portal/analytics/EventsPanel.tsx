import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AnalyticsReport } from "../../../../shared/analytics.ts";
import { localizedName } from "../../vitrine/localizedName.ts";
import { attendanceChart } from "./analyticsCharts.ts";
import { formatCount, formatDuration, formatHour } from "./analyticsFormat.ts";
import { UPlotChart } from "./UPlotChart.tsx";

type Event = AnalyticsReport["events"][number];

/** Each event of the range: attendance per hour, its peak, watch time and pins clicked. */
export function EventsPanel({ report }: { report: AnalyticsReport }) {
  const { t } = useTranslation();
  return (
    <article className="analytics-panel" data-testid="analytics-events">
      <header className="analytics-panel__head">
        <h3 className="analytics-panel__title">{t("analytics.events.title")}</h3>
      </header>
      {report.events.length === 0 ? (
        <p className="analytics__quiet">{t("analytics.events.none")}</p>
      ) : (
        report.events.map((e) => <EventCard key={e.eventId} event={e} />)
      )}
    </article>
  );
}

function EventCard({ event }: { event: Event }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const title = localizedName(event.title, locale);
  const spec = useMemo(() => attendanceChart(event, locale), [event, locale]);
  const figures = [
    { key: "attendees", value: formatCount(event.attendees, locale) },
    {
      key: "peak",
      value: event.peak
        ? t("analytics.events.peakAt", {
            visitors: formatCount(event.peak.visitors, locale),
            hour: formatHour(event.peak.hour, locale),
          })
        : "–",
    },
    { key: "watch", value: formatDuration(event.watchMs, locale) },
    { key: "pins", value: formatCount(event.pinClicks, locale) },
  ];
  return (
    <section className="analytics-event" data-testid="analytics-event" data-event={event.eventId}>
      <h4 className="analytics-event__title">{title}</h4>
      <dl className="analytics-event__figures">
        {figures.map((f) => (
          <div key={f.key}>
            <dt>{t(`analytics.events.${f.key}`)}</dt>
            <dd data-testid={`event-${f.key}`}>{f.value}</dd>
          </div>
        ))}
      </dl>
      <UPlotChart spec={spec} height={180} label={title} testId="attendance-chart" />
    </section>
  );
}
