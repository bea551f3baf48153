import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { BookingRefusalDetails } from "../../../shared/api/clienteling.ts";
import { clienteling as api } from "../../../shared/api/index.ts";
import type { AppointmentSource, FreeSlot } from "../../../shared/clienteling/appointments.ts";
import { ApiError, callApi, declaredDetails } from "../../net/api.ts";
import { formatInstant } from "../drops/formatInstant.ts";

type Props = {
  brandId: string;
  brandName: string;
  source: AppointmentSource;
  onClose(): void;
  onBooked(): void;
  /** Moving this booked appointment to the chosen slot instead of booking a new one. */
  rescheduling?: string;
};

/**
 * Booking an advisor of a maison: its next free slots (further ahead for its pass holders), shown
 * in the reader's language and time zone; a refused booking (the slot was just taken) says why and
 * shows the slots left instead.
 */
export function BookingPanel({ brandId, brandName, source, onClose, onBooked, rescheduling }: Props) {
  const { t, i18n } = useTranslation();
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [passHolder, setPassHolder] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const answer = await callApi(api.freeSlots, { params: { brandId }, query: { limit: 12 } });
      setSlots(answer.slots);
      setPassHolder(answer.passHolder);
    } catch (e) {
      setMessage(t("clienteling.failed", { reason: e instanceof Error ? e.message : String(e) }));
    }
  }, [brandId, t]);
  useEffect(() => void load(), [load]);

  const book = async (slot: FreeSlot) => {
    setBusy(true);
    try {
      const appointment = rescheduling
        ? await callApi(api.reschedule, {
            params: { appointmentId: rescheduling },
            body: { advisorId: slot.advisorId, startsAt: slot.startsAt },
          })
        : await callApi(api.book, {
            params: { brandId },
            body: { advisorId: slot.advisorId, startsAt: slot.startsAt, source, keepInTouch: false },
          });
      setMessage(
        t(rescheduling ? "clienteling.booking.moved" : "clienteling.booking.booked", {
          advisor: appointment.advisorName,
          when: formatInstant(appointment.startsAt, i18n.language),
        }),
      );
      setSlots([]);
      onBooked();
    } catch (e) {
      const refusal =
        e instanceof ApiError
          ? declaredDetails(rescheduling ? api.reschedule : api.book, "conflict", e)
          : null;
      const parsed = refusal ? BookingRefusalDetails.safeParse(refusal) : null;
      if (parsed?.success) setSlots(parsed.data.nextSlots);
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="booking-panel" aria-label={t("clienteling.booking.title", { brand: brandName })}>
      <h4>{t("clienteling.booking.title", { brand: brandName })}</h4>
      {passHolder ? <p className="wallet__note">{t("clienteling.booking.passHolder")}</p> : null}
      {message ? (
        <p role="status" className="wallet__note" data-testid="booking-message">
          {message}
        </p>
      ) : null}
      {slots === null ? <p className="wallet__note">{t("clienteling.loading")}</p> : null}
      {slots?.length === 0 && !message ? (
        <p className="wallet__note">{t("clienteling.booking.none")}</p>
      ) : null}
      <ul className="booking-panel__slots">
        {slots?.map((slot) => (
          <li key={`${slot.advisorId}-${slot.startsAt}`}>
            <button type="button" className="button" disabled={busy} onClick={() => void book(slot)}>
              {t("clienteling.booking.slot", {
                when: formatInstant(slot.startsAt, i18n.language),
                advisor: slot.advisorName,
              })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onClose}>
        {t("clienteling.close")}
      </button>
    </section>
  );
}
