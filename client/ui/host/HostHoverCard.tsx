import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../../shared/money.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { renderedHost } from "../../world/host/hostFrame.ts";

/**
 * The host's name and short biography (GET /api/host), shown while the pointer is over it and kept
 * beside it on screen as it walks.
 */
export function HostHoverCard() {
  const { t, i18n } = useTranslation();
  const hovered = useHostStore((s) => s.hovered);
  const info = useHostStore((s) => s.info);
  const name = useHostStore((s) => s.status?.name ?? "");
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!hovered) return;
    let raf = 0;
    const follow = () => {
      const el = card.current;
      const at = renderedHost.screen;
      if (el && at) {
        const x = Math.min(window.innerWidth - el.offsetWidth - 16, at.x + 70);
        const y = Math.max(16, Math.min(window.innerHeight - el.offsetHeight - 16, at.y - 10));
        el.style.transform = `translate3d(${x.toFixed(0)}px, ${y.toFixed(0)}px, 0)`;
      }
      raf = requestAnimationFrame(follow);
    };
    raf = requestAnimationFrame(follow);
    return () => cancelAnimationFrame(raf);
  }, [hovered]);

  if (!hovered) return null;
  return (
    <div className="host-card" ref={card} data-testid="host-card" role="tooltip">
      <div className="host-card__mark" aria-hidden="true">
        ✦
      </div>
      <div className="host-card__role">{t("host.role")}</div>
      <div className="host-card__name">{info?.name ?? name}</div>
      {info ? <p className="host-card__bio">{localize(info.biography, i18n.language)}</p> : null}
      <div className="host-card__hint">{t("host.hoverHint", { name: info?.name ?? name })}</div>
    </div>
  );
}
