import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { formatPrice, localize } from "../../../shared/money.ts";
import { useDropStore } from "../../stores/dropStore.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { phaseAt } from "./dropTimeline.ts";
import { ClaimButton } from "./panel/ClaimButton.tsx";
import { DropCountdown } from "./panel/DropCountdown.tsx";
import { DropStock } from "./panel/DropStock.tsx";
import { DropWindows } from "./panel/DropWindows.tsx";
import { HoldList } from "./panel/HoldList.tsx";
import { RaffleSection } from "./panel/RaffleSection.tsx";
import { RoomStatus } from "./panel/RoomStatus.tsx";
import { useClaimControl } from "./useClaimControl.ts";
import { useDropCatalog } from "./useDropCatalog.ts";

/**
 * The accessible half of the drop page: everything the scene shows, in HTML: the piece, the phase
 * and countdown on server time, live stock, limits and the caller's window, the claim button with
 * the server's answers, holds to confirm, a raffle's fairness, and (for the brand) the report link.
 */
export function DropPanel({ dropId, onSignIn }: { dropId: string; onSignIn: () => void }) {
  const { t, i18n } = useTranslation();
  const drop = useDropStore((s) => s.drop);
  const live = useDropStore((s) => s.live);
  const user = useSessionStore((s) => s.user);
  const control = useClaimControl(dropId, onSignIn);
  const { brand, product } = useDropCatalog(drop?.brandId, drop?.productId);
  if (!drop) {
    return (
      <aside className="drop-panel" aria-busy="true">
        <p className="drop-panel__loading">{t("drops.page.loading")}</p>
      </aside>
    );
  }
  const now = control.serverNowMs;
  const phase = phaseAt(drop, now);
  const soldOutAt = live?.soldOutAt ? new Date(live.soldOutAt).toISOString() : drop.soldOutAt;
  const staff =
    user?.role === "admin" ||
    user?.brandRoles.some((r) => r.brandId === drop.brandId && r.role !== "advisor") === true;
  return (
    <aside className="drop-panel" aria-labelledby="drop-title">
      <p className="drop-panel__brand">{brand?.name ?? drop.brandId}</p>
      <h1 id="drop-title" className="drop-panel__title">
        {localize(drop.title, i18n.language)}
      </h1>
      {drop.description ? (
        <p className="drop-panel__description" data-testid="drop-description">
          {localize(drop.description, i18n.language)}
        </p>
      ) : null}
      {product ? (
        <p className="drop-panel__product">
          {localize(product.name, i18n.language)} · {formatPrice(product.price, i18n.language)}
        </p>
      ) : null}
      <p className="drop-panel__chips">
        <span className="drop-chip" data-testid="drop-phase" data-phase={phase} aria-live="polite">
          {t(`drops.phase.${phase}`)}
        </span>
        <span className="drop-chip drop-chip--quiet">{t(`drops.mode.${drop.mode}`)}</span>
      </p>
      <DropCountdown drop={drop} serverNowMs={now} />
      <DropStock drop={drop} remaining={control.remaining} soldOutAt={soldOutAt} />
      <ClaimButton control={control} />
      <HoldList dropId={dropId} serverNowMs={now} />
      {drop.mode === "raffle" ? <RaffleSection drop={drop} /> : null}
      <DropWindows drop={drop} serverNowMs={now} />
      <RoomStatus serverNowMs={now} />
      {staff ? (
        <Link href="/report" className="button drop-panel__report">
          {t("drops.report.open")}
        </Link>
      ) : null}
    </aside>
  );
}
