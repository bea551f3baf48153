import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { DropListItem } from "../../../shared/dropRoom.ts";
import { localize } from "../../../shared/money.ts";
import { fetchDropList } from "../../net/dropApi.ts";
import { walkTo } from "../../net/localInput.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { useWorldStore } from "../../stores/worldStore.ts";

/** Days, hours, minutes and seconds until `at`, for the countdown's digits. */
function parts(ms: number): { d: number; h: number; m: number; s: number } {
  const total = Math.max(0, Math.floor(ms / 1000));
  return {
    d: Math.floor(total / 86400),
    h: Math.floor((total % 86400) / 3600),
    m: Math.floor((total % 3600) / 60),
    s: total % 60,
  };
}

/**
 * When the host announces a drop: its title, a live countdown to its next opening, "take me there"
 * (walks the shopper to the maison's door) and a link to the drop's page.
 */
export function DropAnnouncement() {
  const { t, i18n } = useTranslation();
  const dropId = useHostStore((s) => s.status?.announceDropId ?? "");
  const at = useHostStore((s) => s.status?.announceAt ?? 0);
  const hostName = useHostStore((s) => s.status?.name ?? "");
  const dismissed = useHostStore((s) => s.dismissedAnnouncement);
  // The advisor hand-off the person asked for takes the corner while it is open.
  const handoffOpen = useHostStore((s) => s.handoff !== null);
  const layout = useWorldStore((s) => s.layout);
  const [drop, setDrop] = useState<DropListItem | null>(null);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (!dropId) return;
    let live = true;
    fetchDropList().then(
      (list) => live && setDrop(list.drops.find((d) => d.id === dropId) ?? null),
      () => live && setDrop(null),
    );
    return () => {
      live = false;
    };
  }, [dropId]);
  useEffect(() => {
    if (!dropId) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [dropId]);

  if (!dropId || at <= 0 || dismissed === dropId || handoffOpen) return null;
  const left = at - now;
  const p = parts(left);
  const door = drop && layout ? layout.boutiques.find((b) => b.brandId === drop.brandId)?.door : undefined;
  return (
    <aside className="host-drop" data-testid="host-announcement" data-drop={dropId}>
      <div className="host-piece__eyebrow">✦ {t("host.announce.eyebrow", { name: hostName })}</div>
      {drop ? (
        <>
          <div className="host-piece__brand">{drop.brandName}</div>
          <h3 className="host-piece__name">{localize(drop.title, i18n.language)}</h3>
        </>
      ) : null}
      <div className="host-drop__label">
        {left > 0 ? t("host.announce.opensIn") : t("host.announce.open")}
      </div>
      {left > 0 ? (
        <div className="host-drop__clock" data-testid="host-countdown" role="timer">
          {(["d", "h", "m", "s"] as const)
            .filter((k) => k !== "d" || p.d > 0)
            .map((k) => (
              <span key={k} className="host-drop__unit">
                <span className="host-drop__digits">{String(p[k]).padStart(2, "0")}</span>
                <span className="host-drop__suffix">{t(`host.announce.units.${k}`)}</span>
              </span>
            ))}
        </div>
      ) : null}
      <div className="host-piece__actions">
        {door ? (
          <button
            type="button"
            className="button button--primary"
            data-testid="host-take-me"
            onClick={() => walkTo(door.x * 0.82, door.z)}
          >
            {t("host.announce.walk")}
          </button>
        ) : null}
        <Link href={`/drops/${dropId}`} className="button">
          {t("host.announce.page")}
        </Link>
        <button
          type="button"
          className="button button--link"
          onClick={() => useHostStore.getState().dismissAnnouncement(dropId)}
        >
          {t("host.announce.close")}
        </button>
      </div>
    </aside>
  );
}
