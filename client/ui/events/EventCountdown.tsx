/** The countdown to the event's next moment (doors, start, end), on the server's clock. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventSummary } from "../../../shared/events/eventView.ts";
import { formatSpan } from "./eventWords.ts";

export function EventCountdown({ event, offsetMs }: { event: EventSummary; offsetMs: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1000);
    setNow(Date.now() + offsetMs);
    return () => clearInterval(timer);
  }, [offsetMs]);
  const doors = Date.parse(event.doorsOpenAt);
  const start = Date.parse(event.startsAt);
  const end = Date.parse(event.endsAt);
  const next =
    now < doors
      ? t("events.countdown.doors", { time: formatSpan(doors - now) })
      : now < start
        ? t("events.countdown.start", { time: formatSpan(start - now) })
        : now < end
          ? t("events.countdown.end", { time: formatSpan(end - now) })
          : null;
  return next ? (
    <p className="event-page__countdown" data-testid="event-countdown" aria-live="off">
      {next}
    </p>
  ) : null;
}
