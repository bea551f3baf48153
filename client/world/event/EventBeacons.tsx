import { useTranslation } from "react-i18next";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { localize } from "../../../shared/money.ts";
import { useLiveEvents } from "../../net/liveEvents.ts";
import { EventBeacon } from "./EventBeacon.tsx";

/** A beacon before the boutique of every maison with an open event live now (one per maison). */
export function EventBeacons({ layout }: { layout: AvenueLayout }) {
  const { t, i18n } = useTranslation();
  const live = useLiveEvents();
  const seen = new Set<string>();
  return (
    <>
      {live.map((event) => {
        const boutique = layout.boutiques.find((b) => b.brandId === event.brandId);
        if (!boutique || seen.has(boutique.brandId)) return null;
        seen.add(boutique.brandId);
        return (
          <EventBeacon
            key={event.id}
            eventId={event.id}
            boutique={boutique}
            eyebrow={t("events.beacon.live")}
            title={localize(event.title, i18n.language)}
          />
        );
      })}
    </>
  );
}
