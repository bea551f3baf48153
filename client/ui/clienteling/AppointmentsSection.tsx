import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { clienteling as api } from "../../../shared/api/index.ts";
import type { Appointment } from "../../../shared/clienteling/appointments.ts";
import { callApi } from "../../net/api.ts";
import { formatInstant } from "../drops/formatInstant.ts";
import { BookingPanel } from "./BookingPanel.tsx";

/** The shopper's appointments from now on, each with its advisor and ways to move or cancel it. */
export function AppointmentsSection({ version }: { version: number }) {
  const { t, i18n } = useTranslation();
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The appointment whose free slots are open to move it. */
  const [moving, setMoving] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setAppointments(await callApi(api.myAppointments));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  // `version` changes when a booking was made elsewhere on the page.
  useEffect(() => {
    void version;
    void load();
  }, [load, version]);

  const cancel = async (appointmentId: string) => {
    try {
      await callApi(api.cancel, { params: { appointmentId }, body: {} });
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section
      className="wallet-section"
      aria-labelledby="wallet-appointments"
      data-testid="appointments-section"
    >
      <h2 id="wallet-appointments" className="wallet-section__title">
        {t("clienteling.appointments.title")}
      </h2>
      {error ? (
        <p role="alert" className="wallet__note">
          {t("clienteling.failed", { reason: error })}
        </p>
      ) : null}
      {appointments?.length === 0 ? (
        <p className="wallet__note">{t("clienteling.appointments.none")}</p>
      ) : null}
      <ul className="appointment-list">
        {appointments?.map((a) => (
          <li key={a.id} className="appointment-list__item">
            <span>
              {t("clienteling.appointments.line", {
                brand: a.brandName,
                advisor: a.advisorName,
                when: formatInstant(a.startsAt, i18n.language),
              })}
            </span>
            <span className="appointment-list__status">
              {t(`clienteling.appointments.status.${a.status}`)}
            </span>
            {a.status === "booked" ? (
              // A full page load, not a client-side route: the camera and microphone are allowed
              // only in a document the server served for /salon (its Permissions-Policy).
              <a
                href={`/salon/${encodeURIComponent(a.id)}`}
                className="button button--primary"
                data-testid="enter-salon"
              >
                {t("clienteling.salon.enter")}
              </a>
            ) : null}
            {a.status === "booked" ? (
              <button
                type="button"
                className="button"
                aria-expanded={moving === a.id}
                onClick={() => setMoving((m) => (m === a.id ? null : a.id))}
                data-testid="reschedule-appointment"
              >
                {t("clienteling.appointments.reschedule")}
              </button>
            ) : null}
            {a.status === "booked" ? (
              <button type="button" className="button" onClick={() => void cancel(a.id)}>
                {t("clienteling.appointments.cancel")}
              </button>
            ) : null}
            {moving === a.id ? (
              <BookingPanel
                brandId={a.brandId}
                brandName={a.brandName}
                source="wallet"
                rescheduling={a.id}
                onClose={() => setMoving(null)}
                onBooked={() => void load()}
              />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
