import { useTranslation } from "react-i18next";
import type { DropView } from "../../../../shared/drops.ts";
import { useDropStore } from "../../../stores/dropStore.ts";
import { useSessionStore } from "../../../stores/sessionStore.ts";
import { formatInstant } from "../formatInstant.ts";
import { useEarlyAccessPasses } from "../useEarlyAccessPasses.ts";

/**
 * The drop's windows (early access for pass holders, public, end), its limits, and the caller's own
 * window: from the server's word when it refused (claim or room), else from the caller's passes.
 */
export function DropWindows({ drop, serverNowMs }: { drop: DropView; serverNowMs: number }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const refusal = useDropStore((s) => s.refusal);
  const roomRefusal = useDropStore((s) => s.roomRefusal);
  const passes = useEarlyAccessPasses(drop.earlyAccessPassTypeIds);
  const at = (iso: string) => formatInstant(iso, i18n.language, serverNowMs);
  const hasEarly = drop.earlyAccessPassTypeIds.length > 0;

  const toldOpensAt =
    (refusal?.reason === "not_open_yet" ? refusal.opensAt : null) ??
    (roomRefusal?.reason === "pass_required" || roomRefusal?.reason === "sign_in_required"
      ? roomRefusal.opensAt
      : null);
  let yours: string;
  if (!user) yours = t("drops.window.guest", { time: at(drop.publicStartsAt) });
  else if (toldOpensAt && Date.parse(toldOpensAt) > serverNowMs)
    yours = t("drops.window.opensAt", { time: at(toldOpensAt) });
  else if (passes === null) yours = t("drops.window.checking");
  else if (passes.length > 0 && hasEarly)
    yours = t("drops.window.withPass", { time: at(drop.earlyAccessStartsAt) });
  else yours = t("drops.window.public", { time: at(drop.publicStartsAt) });
  const open = Boolean(user) && toldOpensAt === null && serverNowMs >= Date.parse(drop.publicStartsAt);

  return (
    <dl className="drop-facts">
      {hasEarly ? (
        <>
          <dt>{t("drops.window.earlyAccess")}</dt>
          <dd>{at(drop.earlyAccessStartsAt)}</dd>
        </>
      ) : null}
      <dt>{t("drops.window.publicStart")}</dt>
      <dd>{at(drop.publicStartsAt)}</dd>
      {drop.entriesCloseAt ? (
        <>
          <dt>{t("drops.window.entriesClose")}</dt>
          <dd>{at(drop.entriesCloseAt)}</dd>
        </>
      ) : null}
      <dt>{t("drops.window.ends")}</dt>
      <dd>{at(drop.endsAt)}</dd>
      <dt>{t("drops.window.limit")}</dt>
      <dd>{t("drops.window.limitValue", { count: drop.perAccountLimit })}</dd>
      <dt>{t("drops.window.hold")}</dt>
      <dd>
        {drop.holdSeconds < 120
          ? t("drops.window.holdSeconds", { count: drop.holdSeconds })
          : t("drops.window.holdMinutes", { count: Math.round(drop.holdSeconds / 60) })}
      </dd>
      <dt className="drop-facts__yours">{t("drops.window.yours")}</dt>
      <dd className="drop-facts__yours" data-testid="drop-your-window">
        {open ? t("drops.window.openNow") : yours}
      </dd>
    </dl>
  );
}
