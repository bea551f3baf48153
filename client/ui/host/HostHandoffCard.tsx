import "../clienteling/clienteling.css";
import { useTranslation } from "react-i18next";
import { useHostStore } from "../../stores/hostStore.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { BookingPanel } from "../clienteling/BookingPanel.tsx";
import { LiveQueuePanel } from "../clienteling/LiveQueuePanel.tsx";

/**
 * The host's "take me to an advisor", as something to act on: her line names the maison's next
 * times; this card (to the asker only) books one of them, or joins the live queue when an advisor is
 * online now. Guests are told that booking needs an account.
 */
export function HostHandoffCard() {
  const { t } = useTranslation();
  const handoff = useHostStore((s) => s.handoff);
  const hostName = useHostStore((s) => s.status?.name ?? "");
  const catalog = useWorldStore((s) => s.catalog);
  const user = useSessionStore((s) => s.user);
  if (!handoff || !catalog) return null;
  const brand = catalog.brands.find((b) => b.id === handoff.brandId);
  if (!brand) return null; // never offer a maison the catalog does not have
  const close = () => useHostStore.getState().offerHandoff(null);
  return (
    <aside
      className="host-piece host-handoff"
      data-testid="host-handoff"
      data-brand={brand.id}
      aria-label={t("host.handoff.title", { brand: brand.name })}
    >
      <div className="host-piece__eyebrow">✦ {t("host.handoff.eyebrow", { name: hostName })}</div>
      {user ? (
        <>
          {handoff.advisorsOnline > 0 ? (
            <LiveQueuePanel brandId={brand.id} waitMinutes={handoff.estimatedWaitMinutes} />
          ) : null}
          {/* Keyed by the offer: a new hand-off reads the free slots again. */}
          <BookingPanel
            key={handoff.nextSlots.join()}
            brandId={brand.id}
            brandName={brand.name}
            source="host"
            onClose={close}
            onBooked={() => undefined}
          />
        </>
      ) : (
        <>
          <p className="host-piece__text">{t("clienteling.booking.guest", { brand: brand.name })}</p>
          <button type="button" className="button" onClick={close}>
            {t("host.present.close")}
          </button>
        </>
      )}
    </aside>
  );
}
