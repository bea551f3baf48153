import { useTranslation } from "react-i18next";
import type { DropView } from "../../../../shared/drops.ts";
import { formatInstant } from "../formatInstant.ts";

/** Live remaining stock as words and a thin gold bar; the words are announced when they change. */
export function DropStock({
  drop,
  remaining,
  soldOutAt,
}: {
  drop: DropView;
  remaining: number;
  soldOutAt: string | null;
}) {
  const { t, i18n } = useTranslation();
  const share = drop.stock > 0 ? Math.max(0, Math.min(1, remaining / drop.stock)) : 0;
  return (
    <div className="drop-stock">
      <p
        className="drop-stock__words"
        aria-live="polite"
        data-testid="drop-remaining"
        data-remaining={remaining}
      >
        {remaining > 0
          ? t("drops.stock.ofTotal", { count: remaining, total: drop.stock })
          : t("drops.stock.none", { total: drop.stock })}
      </p>
      <div className="drop-stock__bar" aria-hidden="true">
        <div className="drop-stock__fill" style={{ transform: `scaleX(${share})` }} />
      </div>
      {soldOutAt ? (
        <p className="drop-stock__note">
          {t("drops.stock.soldOutAt", { time: formatInstant(soldOutAt, i18n.language) })}
        </p>
      ) : null}
    </div>
  );
}
