import "./clienteling.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AppointmentSource } from "../../../shared/clienteling/appointments.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { BookingPanel } from "./BookingPanel.tsx";

/**
 * "Book an appointment" with a maison's advisors, where a piece or a boutique is shown: the free
 * slots open below it. Guests are told that booking needs an account.
 */
export function BookAppointmentButton(props: {
  brandId: string;
  brandName: string;
  source: AppointmentSource;
}) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [open, setOpen] = useState(false);
  if (!user) {
    return (
      <p className="viewer__wishlist-note" data-testid="booking-guest">
        {t("clienteling.booking.guest", { brand: props.brandName })}
      </p>
    );
  }
  return (
    <div className="booking-entry">
      <button
        type="button"
        className="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="book-appointment"
      >
        {t("clienteling.booking.open")}
      </button>
      {open ? <BookingPanel {...props} onClose={() => setOpen(false)} onBooked={() => undefined} /> : null}
    </div>
  );
}
