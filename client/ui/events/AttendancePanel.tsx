/**
 * Who came to the show, for its staff (the event view's staff side): attendees (signed-in viewers
 * and guests, not staff), the time they watched in all and on average (the shards report it every
 * minute), and the busiest hour of arrivals from the brand's analytics report (the same figures the
 * portal's analytics page shows; platform shows have no brand report). "Refresh" reads them again.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { analytics } from "../../../shared/api/index.ts";
import type { EventStaffView } from "../../../shared/events/eventView.ts";
import { callApi } from "../../net/api.ts";
import { formatCount, formatDuration, formatHour } from "../portal/analytics/analyticsFormat.ts";

type Peak = { hour: string; visitors: number } | null;

export function AttendancePanel({
  eventId,
  brandId,
  attendance,
  onRefresh,
}: {
  eventId: string;
  brandId: string | null;
  attendance: EventStaffView["attendance"];
  onRefresh(): void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [peak, setPeak] = useState<Peak | "unknown">("unknown");
  const { attendees, watchSeconds, averageWatchSeconds } = attendance;
  // Read again with the figures: a refresh that brings new attendees may bring a new peak.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the attendance figures on purpose
  useEffect(() => {
    if (!brandId) return;
    let cancelled = false;
    callApi(analytics.brandAnalytics, { params: { brandId }, query: {} }).then(
      (report) => {
        if (!cancelled) setPeak(report.events.find((e) => e.eventId === eventId)?.peak ?? null);
      },
      () => {
        if (!cancelled) setPeak("unknown");
      },
    );
    return () => {
      cancelled = true;
    };
  }, [brandId, eventId, attendees, watchSeconds]);
  return (
    <section
      className="event-attendance"
      aria-labelledby="event-attendance-title"
      data-testid="event-attendance"
      data-attendees={attendees}
      data-watch-seconds={watchSeconds}
    >
      <h2 id="event-attendance-title">{t("events.attendance.title")}</h2>
      <dl>
        <div>
          <dt>{t("events.attendance.attendees")}</dt>
          <dd>{formatCount(attendees, locale)}</dd>
        </div>
        <div>
          <dt>{t("events.attendance.watchTime")}</dt>
          <dd>{formatDuration(watchSeconds * 1000, locale)}</dd>
        </div>
        <div>
          <dt>{t("events.attendance.average")}</dt>
          <dd>{formatDuration(averageWatchSeconds * 1000, locale)}</dd>
        </div>
        <div>
          <dt>{t("events.attendance.peak")}</dt>
          <dd>
            {peak === "unknown" || peak === null
              ? t("events.attendance.noPeak")
              : t("events.attendance.peakAt", {
                  count: peak.visitors,
                  visitors: formatCount(peak.visitors, locale),
                  hour: formatHour(peak.hour, locale),
                })}
          </dd>
        </div>
      </dl>
      <p className="event-attendance__note">{t("events.attendance.note")}</p>
      <button type="button" className="button" onClick={onRefresh}>
        {t("events.attendance.refresh")}
      </button>
    </section>
  );
}
