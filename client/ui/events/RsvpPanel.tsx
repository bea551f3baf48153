/** The signed-in guest's invitation to an invite-only event, and their answer (yes takes a seat). */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { events } from "../../../shared/api/index.ts";
import type { EventView } from "../../../shared/events/eventView.ts";
import { ApiError, callApi } from "../../net/api.ts";

export function RsvpPanel({ event, onAnswered }: { event: EventView; onAnswered: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [seatsLeft, setSeatsLeft] = useState<number | null>(null);
  const status = event.viewerInvitation;
  if (event.kind !== "invite" || status === null || event.phase === "ended") return null;
  const answer = async (answer: "yes" | "no") => {
    setError(null);
    try {
      const result = await callApi(events.rsvp, { params: { eventId: event.id }, body: { answer } });
      setSeatsLeft(result.seatsLeft);
      onAnswered();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <section className="event-page__rsvp" aria-labelledby="event-rsvp-title" data-testid="event-rsvp">
      <h2 id="event-rsvp-title">{t("events.rsvp.title")}</h2>
      <p>
        {status === "yes"
          ? t("events.rsvp.answeredYes")
          : status === "no"
            ? t("events.rsvp.answeredNo")
            : t("events.rsvp.invited")}
      </p>
      <div className="event-page__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={status === "yes"}
          onClick={() => void answer("yes")}
        >
          {t("events.rsvp.yes")}
        </button>
        <button type="button" className="button" disabled={status === "no"} onClick={() => void answer("no")}>
          {t("events.rsvp.no")}
        </button>
      </div>
      {seatsLeft !== null ? <p>{t("events.rsvp.seatsLeft", { count: seatsLeft })}</p> : null}
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
