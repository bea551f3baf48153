import { useTranslation } from "react-i18next";
import { useDropStore } from "../../../stores/dropStore.ts";
import { formatInstant } from "../formatInstant.ts";

/**
 * Whether the page follows the drop live (the room), how many are watching, and when the room
 * turned the caller away, why and when they will be let in (the page joins again by itself).
 */
export function RoomStatus({ serverNowMs }: { serverNowMs: number }) {
  const { t, i18n } = useTranslation();
  const status = useDropStore((s) => s.roomStatus);
  const refusal = useDropStore((s) => s.roomRefusal);
  const viewers = useDropStore((s) => s.live?.viewers ?? 0);
  return (
    <div className="drop-room" data-testid="drop-room" data-status={status} data-reason={refusal?.reason}>
      {status === "connected" ? (
        <p className="drop-room__line">
          <span className="drop-room__dot" aria-hidden="true" />
          {t("drops.room.live", { count: viewers })}
        </p>
      ) : null}
      {status === "connecting" ? <p className="drop-room__line">{t("drops.room.connecting")}</p> : null}
      {status === "reconnecting" ? <p className="drop-room__line">{t("drops.room.reconnecting")}</p> : null}
      {status === "offline" ? <p className="drop-room__line">{t("drops.room.offline")}</p> : null}
      {status === "refused" && refusal ? (
        <div className="drop-room__refused" role="status">
          <p>{t(`drops.room.refused.${refusal.reason}`)}</p>
          {refusal.opensAt ? (
            <p className="drop-room__opens">
              {t("drops.room.opensAt", { time: formatInstant(refusal.opensAt, i18n.language, serverNowMs) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
