import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { ClaimView } from "../../../../shared/drops.ts";
import { confirmHold, refreshClaims } from "../../../net/dropSession.ts";
import { useDropStore } from "../../../stores/dropStore.ts";
import { formatCountdown, secondsUntil } from "../dropTimeline.ts";
import { formatInstant } from "../formatInstant.ts";

/** Seconds after a hold's end before asking the server what became of it (its sweep runs every second). */
const AFTER_EXPIRY_CHECK_MS = 2_000;

function HoldItem({ dropId, claim, serverNowMs }: { dropId: string; claim: ClaimView; serverNowMs: number }) {
  const { t, i18n } = useTranslation();
  const confirming = useDropStore((s) => s.confirmingId === claim.id);
  const endsAt = Date.parse(claim.holdExpiresAt);
  const left = secondsUntil(endsAt, serverNowMs);
  const lapsed = claim.status === "held" && left === 0;
  useEffect(() => {
    if (!lapsed) return;
    const timer = setTimeout(() => void refreshClaims(dropId), AFTER_EXPIRY_CHECK_MS);
    return () => clearTimeout(timer);
  }, [lapsed, dropId]);

  if (claim.status === "confirmed") {
    return (
      <li className="drop-hold drop-hold--confirmed" data-testid="drop-hold" data-status="confirmed">
        <p className="drop-hold__title">{t("drops.hold.confirmed")}</p>
        <p className="drop-hold__note">
          {t("drops.hold.confirmedAt", {
            time: formatInstant(claim.confirmedAt ?? claim.holdExpiresAt, i18n.language, serverNowMs),
          })}
        </p>
      </li>
    );
  }
  if (claim.status === "expired") {
    return (
      <li className="drop-hold drop-hold--expired" data-testid="drop-hold" data-status="expired">
        <p className="drop-hold__title">{t("drops.hold.expired")}</p>
      </li>
    );
  }
  return (
    <li className="drop-hold" data-testid="drop-hold" data-status="held">
      <p className="drop-hold__title">{t("drops.hold.held")}</p>
      <p className="drop-hold__timer" role="timer" aria-live="off" data-seconds={left}>
        {lapsed ? t("drops.hold.lapsing") : t("drops.hold.left", { time: formatCountdown(left) })}
      </p>
      <button
        type="button"
        className="button button--primary"
        data-testid="drop-confirm"
        disabled={lapsed || confirming}
        aria-busy={confirming}
        onClick={() => void confirmHold(dropId, claim.id)}
      >
        {confirming ? t("drops.hold.confirming") : t("drops.hold.confirm")}
      </button>
    </li>
  );
}

/** The caller's claims on the drop: holds with their own countdown and Confirm, then what became of them. */
export function HoldList({ dropId, serverNowMs }: { dropId: string; serverNowMs: number }) {
  const { t } = useTranslation();
  const claims = useDropStore((s) => s.claims);
  if (claims.length === 0) return null;
  const order = { held: 0, confirmed: 1, expired: 2 } as const;
  const sorted = [...claims].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <section className="drop-holds" aria-label={t("drops.hold.heading")}>
      <h2 className="drop-section-title">{t("drops.hold.heading")}</h2>
      <ul>
        {sorted.map((c) => (
          <HoldItem key={c.id} dropId={dropId} claim={c} serverNowMs={serverNowMs} />
        ))}
      </ul>
    </section>
  );
}
