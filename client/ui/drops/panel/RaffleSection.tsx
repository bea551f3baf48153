import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DropView } from "../../../../shared/drops.ts";
import { useDropStore } from "../../../stores/dropStore.ts";
import { useSessionStore } from "../../../stores/sessionStore.ts";
import { seedMatchesCommitment } from "../seedCheck.ts";

/**
 * A raffle's fairness, in the open: the seed commitment published when entries opened, the caller's
 * entry, and after the draw the revealed seed (checked here against the commitment) and whether the
 * caller won (a winner holds a unit, shown in the holds above).
 */
export function RaffleSection({ drop }: { drop: DropView }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const entry = useDropStore((s) => s.entry);
  const claims = useDropStore((s) => s.claims);
  const [seedOk, setSeedOk] = useState<boolean | null>(null);
  useEffect(() => {
    setSeedOk(null);
    if (!drop.seed || !drop.seedCommitment) return;
    let cancelled = false;
    seedMatchesCommitment(drop.seed, drop.seedCommitment).then(
      (ok) => !cancelled && setSeedOk(ok),
      () => !cancelled && setSeedOk(null),
    );
    return () => {
      cancelled = true;
    };
  }, [drop.seed, drop.seedCommitment]);

  let result: string | null = null;
  if (drop.drawnAt && user) {
    if (claims.length > 0) result = t("drops.raffle.won");
    else if (entry) result = t("drops.raffle.lost");
  }
  return (
    <section className="drop-raffle" aria-label={t("drops.raffle.heading")} data-testid="drop-raffle">
      <h2 className="drop-section-title">{t("drops.raffle.heading")}</h2>
      <p className="drop-raffle__how">{t("drops.raffle.how")}</p>
      {drop.seedCommitment ? (
        <div className="drop-raffle__hash">
          <span>{t("drops.raffle.commitment")}</span>
          <code>{drop.seedCommitment}</code>
        </div>
      ) : null}
      {entry ? (
        <p className="drop-raffle__entry">{t("drops.raffle.yourEntry", { id: entry.entryId })}</p>
      ) : null}
      {drop.drawnAt && drop.seed ? (
        <div className="drop-raffle__hash">
          <span>{t("drops.raffle.seed")}</span>
          <code data-testid="drop-seed">{drop.seed}</code>
          {seedOk !== null ? (
            <p className={seedOk ? "drop-check drop-check--ok" : "drop-check drop-check--bad"}>
              {seedOk ? t("drops.raffle.seedMatches") : t("drops.raffle.seedMismatch")}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="drop-raffle__pending">{t("drops.raffle.notDrawn")}</p>
      )}
      {result ? (
        <p className="drop-raffle__result" aria-live="polite">
          {result}
        </p>
      ) : null}
    </section>
  );
}
