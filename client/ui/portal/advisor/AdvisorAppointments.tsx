import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { clienteling as api } from "../../../../shared/api/index.ts";
import type { Appointment } from "../../../../shared/clienteling/appointments.ts";
import { callApi } from "../../../net/api.ts";
import { formatInstant } from "../../drops/formatInstant.ts";

/** From an hour ago (an appointment under way) to two weeks ahead. */
const BEHIND_MS = 60 * 60_000;
const AHEAD_MS = 14 * 86_400_000;

/**
 * The maison's appointments for its staff (an advisor sees their own, an owner every advisor's),
 * each booked one with the way into its salon.
 */
export function AdvisorAppointments({ brandId }: { brandId: string }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<Appointment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const now = Date.now();
    callApi(api.brandAppointments, {
      params: { brandId },
      query: { from: new Date(now - BEHIND_MS).toISOString(), to: new Date(now + AHEAD_MS).toISOString() },
    })
      .then((a) => live && setList(a))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [brandId]);
  return (
    <section className="section" aria-labelledby="advisor-appointments" data-testid="advisor-appointments">
      <div className="section__head">
        <h2 id="advisor-appointments" className="section__title">
          {t("clienteling.salon.advisor.title")}
        </h2>
      </div>
      {error ? (
        <p role="alert" className="portal__notice">
          {t("clienteling.failed", { reason: error })}
        </p>
      ) : null}
      {list?.length === 0 ? <p className="section__empty">{t("clienteling.salon.advisor.none")}</p> : null}
      <ul className="appointment-list">
        {list?.map((a) => (
          <li key={a.id} className="appointment-list__item" data-testid="advisor-appointment">
            <span>
              {t("clienteling.salon.advisor.line", {
                client: a.clientName,
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
                data-testid="advisor-join-salon"
              >
                {t("clienteling.salon.advisor.join")}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
